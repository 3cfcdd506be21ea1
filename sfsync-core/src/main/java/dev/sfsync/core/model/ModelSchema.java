package dev.sfsync.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The columns a model's query returns, and which of them form the primary key, in key order. */
public final class ModelSchema {
    private final List<ModelColumn> columns;
    private final List<ModelColumn> keyColumns;

    /**
     * @throws IllegalArgumentException if a key column is not among the columns (sources check this first and
     *         report it as a model problem; this is the last line of defence)
     */
    public ModelSchema(List<ModelColumn> columns, List<String> keyColumnNames) {
        this.columns = List.copyOf(Objects.requireNonNull(columns, "columns is null"));
        List<ModelColumn> keys = new ArrayList<>();
        for (int k = 0; k < keyColumnNames.size(); k++) {
            int index = indexOf(keyColumnNames.get(k));
            if (index < 0) {
                throw new IllegalArgumentException("key column '" + keyColumnNames.get(k) + "' is not among " + names());
            }
            keys.add(this.columns.get(index));
        }
        this.keyColumns = List.copyOf(keys);
    }

    public List<ModelColumn> columns() {
        return columns;
    }

    public List<ModelColumn> keyColumns() {
        return keyColumns;
    }

    public int size() {
        return columns.size();
    }

    /** The position of a column, matched case-insensitively as SQL does for unquoted names; -1 if absent. */
    public int indexOf(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        String lower = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().toLowerCase(Locale.ROOT).equals(lower)) {
                return i;
            }
        }
        return -1;
    }

    public Optional<ModelColumn> column(String name) {
        int index = indexOf(name);
        return index < 0 ? Optional.empty() : Optional.of(columns.get(index));
    }

    public List<String> names() {
        return columns.stream().map(ModelColumn::name).toList();
    }

    @Override
    public String toString() {
        return columns + " key " + keyColumns.stream().map(ModelColumn::name).toList();
    }
}
