package dev.sfsync.emulator.org;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable version of a record: field values keyed by the field's canonical API name. Writes replace the whole
 * version, so a query that is iterating never sees half a write.
 */
public final class StoredRecord {
    private final String id;
    private final ObjectSchema schema;
    private final Map<String, Object> values;

    public StoredRecord(String id, ObjectSchema schema, Map<String, Object> values) {
        this(id, schema, new LinkedHashMap<>(values), true);
    }

    private StoredRecord(String id, ObjectSchema schema, LinkedHashMap<String, Object> owned, boolean unused) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.schema = Objects.requireNonNull(schema, "schema is null");
        this.values = Collections.unmodifiableMap(owned);
    }

    /**
     * A version built on a map the caller hands over and never touches again; saves a copy per write on the hot path
     * of the record writer.
     */
    public static StoredRecord adopting(String id, ObjectSchema schema, LinkedHashMap<String, Object> values) {
        return new StoredRecord(id, schema, values, true);
    }

    public String id() { return id; }
    public ObjectSchema schema() { return schema; }
    public Map<String, Object> values() { return values; }

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

    @Override
    public String toString() {
        return schema.name() + values;
    }
}
