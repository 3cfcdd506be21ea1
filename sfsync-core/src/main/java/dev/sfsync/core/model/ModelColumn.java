package dev.sfsync.core.model;

import java.util.Objects;

/**
 * One column of a model's result.
 *
 * @param name      as the query returns it
 * @param type      the kind of value
 * @param sqlType   the source's own type name (e.g. {@code VARCHAR}, {@code int8}), for messages
 */
public record ModelColumn(String name, ColumnType type, String sqlType) {
    public ModelColumn {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        Objects.requireNonNull(sqlType, "sqlType is null");
    }
}
