package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.http.Json;
import dev.sfsync.emulator.org.FieldSchema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders records the way the REST API does: an {@code attributes} object first, then field values. */
public final class RecordJson {
    private RecordJson() {
    }

    public static Map<String, Object> attributes(ApiContext api, String object, String id) {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("type", object);
        if (id != null) {
            attributes.put("url", api.recordUrl(object, id));
        }
        return attributes;
    }

    /** A stored value as it goes on the wire: dates as strings, numbers as JSON numbers (doubles for decimal types). */
    public static Object value(FieldSchema field, Object stored) {
        if (stored == null) {
            return null;
        }
        return switch (stored) {
            case Instant instant -> Json.formatDateTime(instant);
            case LocalDate date -> date.toString();
            case BigDecimal number -> field.type() == dev.sfsync.emulator.org.FieldType.INT ? (Object) number.longValue() : (Object) number.doubleValue();
            default -> stored;
        };
    }
}
