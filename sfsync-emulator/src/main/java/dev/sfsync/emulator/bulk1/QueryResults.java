package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlProjector;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

/** Writes a query batch's records to its result file, one record at a time, in the job's format. */
interface QueryResults extends Closeable {
    void write(StoredRecord record) throws IOException;

    static QueryResults open(JobContentType type, Path file, SoqlProjector projector, String apiVersion) throws IOException {
        return switch (type) {
            case CSV -> new CsvQueryResults(file, projector);
            case JSON -> new JsonQueryResults(file, projector, apiVersion);
            case XML -> new XmlQueryResults(file, projector);
        };
    }

    /** A value as CSV and XML results spell it: date-times in UTC with Z, decimals with at least one fraction digit. */
    static String text(FieldSchema field, Object stored) {
        return switch (stored) {
            case null -> "";
            case Instant instant -> XmlSupport.DATETIME.format(instant);
            case BigDecimal number when field.type() == FieldType.INT -> String.valueOf(number.longValue());
            case BigDecimal number -> {
                String plain = number.stripTrailingZeros().toPlainString();
                yield plain.contains(".") ? plain : plain + ".0";
            }
            default -> String.valueOf(stored);
        };
    }

    /** A record as a tree: {@code attributes} (type, and url when there is a version), fields, nested parents. */
    static SoqlProjector.Renderer renderer(String apiVersion, ValueStyle style) {
        return new SoqlProjector.Renderer() {
            @Override
            public Map<String, Object> attributes(String object, String id) {
                Map<String, Object> attributes = new LinkedHashMap<>();
                attributes.put("type", object);
                if (apiVersion != null && id != null) {
                    attributes.put("url", "/services/data/v" + apiVersion + "/sobjects/" + object + "/" + id);
                }
                return attributes;
            }

            @Override
            public Object value(FieldSchema field, Object stored) {
                return style.render(field, stored);
            }
        };
    }

    /** How a stored value is written into a record tree. */
    @FunctionalInterface
    interface ValueStyle {
        Object render(FieldSchema field, Object stored);

        /** Bulk 1.0 JSON results carry dates and date-times as milliseconds since the epoch (UTC). */
        ValueStyle EPOCH_JSON = (field, stored) -> switch (stored) {
            case null -> null;
            case Instant instant -> instant.toEpochMilli();
            case LocalDate date -> date.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
            default -> dev.sfsync.emulator.rest.RecordJson.value(field, stored);
        };

        ValueStyle TEXT = (field, stored) -> stored == null ? null : text(field, stored);
    }
}
