package dev.sfsync.core.model;

import java.util.List;
import java.util.Objects;

/**
 * The primary key of a row, as the text of each key column's value (one element for a single-column key).
 * Keys are never null: models with null keys are rejected before anything is sent.
 */
public record RowKey(List<String> values) {
    public RowKey {
        values = List.copyOf(Objects.requireNonNull(values, "values is null"));
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a row key has at least one value");
        }
    }

    public static RowKey of(String... values) {
        return new RowKey(List.of(values));
    }

    /** {@code 42} for a single-column key, {@code (42, EU)} for a composite one. */
    @Override
    public String toString() {
        return values.size() == 1 ? values.getFirst() : "(" + String.join(", ", values) + ")";
    }
}
