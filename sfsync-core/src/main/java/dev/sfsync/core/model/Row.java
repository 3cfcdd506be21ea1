package dev.sfsync.core.model;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a model: a value per column of its {@link ModelSchema}, typed as {@link ColumnType} documents.
 * Immutable; rows are streamed, never collected by sfsync.
 */
public final class Row {
    private final ModelSchema schema;
    private final Object[] values;

    /** @param values one per column, in schema order; the array is copied */
    public Row(ModelSchema schema, Object[] values) {
        this.schema = Objects.requireNonNull(schema, "schema is null");
        if (values.length != schema.size()) {
            throw new IllegalArgumentException("a row of " + schema.size() + " columns got " + values.length + " values");
        }
        this.values = values.clone();
    }

    public ModelSchema schema() {
        return schema;
    }

    public Object get(int index) {
        return values[index];
    }

    /** @throws IllegalArgumentException if the model has no such column (the message lists the columns it has) */
    public Object get(String column) {
        int index = schema.indexOf(column);
        if (index < 0) {
            throw new IllegalArgumentException("the model has no column '" + column + "'; its columns are " + schema.names());
        }
        return values[index];
    }

    /** Column name to value, in schema order (a copy; for display and tests). */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            map.put(schema.columns().get(i).name(), values[i]);
        }
        return map;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Row row && row.schema.columns().equals(schema.columns()) && Arrays.equals(row.values, values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }
}
