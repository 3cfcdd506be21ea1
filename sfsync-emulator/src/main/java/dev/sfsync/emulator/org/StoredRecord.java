package dev.sfsync.emulator.org;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable version of a record: field values keyed by the field's canonical API name. Writes replace the whole
 * version, so a query that is iterating never sees half a write.
 */
public record StoredRecord(String id, ObjectSchema schema, Map<String, Object> values) {
    public StoredRecord {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(schema, "schema is null");
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    /** The value of a field by any casing of its name; null when unset or unknown. */
    public Object get(String field) {
        Object direct = values.get(field);
        if (direct != null || values.containsKey(field)) {
            return direct;
        }
        return schema.field(field).map(f -> values.get(f.name())).orElse(null);
    }

    public boolean isDeleted() {
        return Boolean.TRUE.equals(values.get("IsDeleted"));
    }

    public String objectName() {
        return schema.name();
    }
}
