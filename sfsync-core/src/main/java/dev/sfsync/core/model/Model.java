package dev.sfsync.core.model;

import java.util.List;
import java.util.Objects;

/**
 * A model: a SQL query over a source, and the column(s) whose values identify a row (its primary key).
 * The query is the source's own dialect and is sent as written; column types come from the result's metadata.
 *
 * @param name       the model's name in the project, used in messages
 * @param sql        the query; one row per record to sync
 * @param keyColumns the primary key column(s), as the query names them (matched case-insensitively)
 */
public record Model(String name, String sql, List<String> keyColumns) {
    public Model {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(sql, "sql is null");
        if (sql.isBlank()) {
            throw new IllegalArgumentException("Model '" + name + "' has no SQL: give it a query such as SELECT * FROM accounts");
        }
        keyColumns = List.copyOf(Objects.requireNonNull(keyColumns, "keyColumns is null"));
        if (keyColumns.isEmpty()) {
            throw new IllegalArgumentException("Model '" + name + "' has no primary key: name the column(s) that identify a row");
        }
    }

    public static Model of(String name, String sql, String... keyColumns) {
        return new Model(name, sql, List.of(keyColumns));
    }
}
