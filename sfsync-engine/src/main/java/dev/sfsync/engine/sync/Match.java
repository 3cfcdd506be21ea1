package dev.sfsync.engine.sync;

import java.util.Objects;

/** How rows find their records: the model column whose value equals the object's field (an external ID, or Id). */
public record Match(String column, String field) {
    public Match {
        Objects.requireNonNull(column, "column is null");
        Objects.requireNonNull(field, "field is null");
    }

    public boolean bySalesforceId() {
        return field.equalsIgnoreCase("Id");
    }
}
