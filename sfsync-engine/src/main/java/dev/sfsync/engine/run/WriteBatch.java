package dev.sfsync.engine.run;

import dev.sfsync.salesforce.bulk.Operation;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Records to write with one operation. Each record maps field to wire value: a null value clears the field, an absent
 * field is left as it is. Update and delete records carry "Id"; upsert records carry the external ID field.
 */
public record WriteBatch(String object, Operation operation, String externalIdField, List<Map<String, Object>> records) {
    public WriteBatch {
        Objects.requireNonNull(object, "object is null");
        Objects.requireNonNull(operation, "operation is null");
        records = List.copyOf(records);
    }
}
