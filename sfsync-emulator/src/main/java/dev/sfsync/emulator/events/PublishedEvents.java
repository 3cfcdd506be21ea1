package dev.sfsync.emulator.events;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Json;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.StoredRecord;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * GET /__admin/events/{Name__e}: every message published on one platform event channel, oldest first, with the
 * fields a subscriber receives (ReplayId, EventUuid, CreatedDate, CreatedById and the event's own fields), so tests
 * can assert what a run published without a streaming client.
 */
public final class PublishedEvents {
    private final OrgHost host;

    public PublishedEvents(OrgHost host) {
        this.host = host;
    }

    public void list(Exchange ex, Matcher m) {
        String name = m.group(1);
        ObjectSchema schema = host.org().schema(name).filter(ObjectSchema::platformEvent)
                .orElseThrow(() -> new ApiException(404, "NOT_FOUND", "no platform event named '" + name
                        + "' in this org (fix: declare it under objects in the org file; platform event names end in __e)"));
        List<Map<String, Object>> events = new ArrayList<>();
        for (StoredRecord record : host.org().store(schema.name()).orElseThrow().all()) {
            Map<String, Object> event = new LinkedHashMap<>();
            for (FieldSchema field : schema.fields()) {
                if (!field.name().equals("Id")) {
                    event.put(field.name(), wire(record.values().get(field.name())));
                }
            }
            events.add(event);
        }
        ex.json(200, events);
    }

    private static Object wire(Object value) {
        return switch (value) {
            case Instant instant -> Json.formatDateTime(instant);
            case BigDecimal number -> number.doubleValue();
            case null -> null;
            default -> value;
        };
    }
}
