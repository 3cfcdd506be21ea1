package dev.sfsync.source.snapshot;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.source.ModelHasDuplicateKeys;
import dev.sfsync.source.ModelHasDuplicateKeys.DuplicateKey;
import dev.sfsync.source.ModelHasNullKeys;
import dev.sfsync.source.warehouse.WarehouseDialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Rejects a model whose keys are null or repeated, counted by the warehouse, with samples, before anything is sent. */
final class WarehouseKeyCheck {
    private static final int SAMPLES = 10;

    private WarehouseKeyCheck() {
    }

    /**
     * @param relation the model as {@code (SELECT ...)}
     * @return the number of rows the model returned
     */
    static long verify(Connection connection, WarehouseDialect dialect, String relation, ModelSchema schema, Model model) throws SQLException {
        List<String> keys = schema.keyColumns().stream().map(c -> "m." + dialect.quote(c.name())).toList();
        String anyNull = String.join(" OR ", keys.stream().map(k -> k + " IS NULL").toList());
        String allPresent = String.join(" AND ", keys.stream().map(k -> k + " IS NOT NULL").toList());
        String keyList = String.join(", ", keys);
        long rows;
        long nulls;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT count(*), coalesce(sum(CASE WHEN " + anyNull + " THEN 1 ELSE 0 END), 0) FROM " + relation + " m")) {
            rs.next();
            rows = rs.getLong(1);
            nulls = rs.getLong(2);
        }
        String repeated = " FROM " + relation + " m WHERE " + allPresent + " GROUP BY " + keyList + " HAVING count(*) > 1";
        ModelHasDuplicateKeys duplicates = null;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT count(*), coalesce(sum(n), 0) FROM (SELECT count(*) AS n" + repeated + ") d")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                duplicates = new ModelHasDuplicateKeys(model, rs.getLong(1), rs.getLong(2), samples(connection, dialect, keys, repeated));
            }
        }
        if (nulls > 0) {
            ModelHasNullKeys problem = new ModelHasNullKeys(model, nulls, nullSamples(connection, relation, anyNull));
            if (duplicates != null) {
                problem.addSuppressed(duplicates);
            }
            throw problem;
        }
        if (duplicates != null) {
            throw duplicates;
        }
        return rows;
    }

    private static List<DuplicateKey> samples(Connection connection, WarehouseDialect dialect, List<String> keys, String repeated) throws SQLException {
        List<DuplicateKey> samples = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT "
                + String.join(", ", keys.stream().map(dialect::text).toList()) + ", count(*)" + repeated
                + " ORDER BY count(*) DESC, " + String.join(", ", keys) + " LIMIT " + SAMPLES)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int k = 1; k <= keys.size(); k++) {
                    values.add(rs.getString(k));
                }
                samples.add(new DuplicateKey(new RowKey(values), rs.getLong(keys.size() + 1)));
            }
        }
        return samples;
    }

    /** A few offending rows, each shown by its first columns, so the user can find them in the source. */
    private static List<String> nullSamples(Connection connection, String relation, String anyNull) throws SQLException {
        List<String> samples = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT * FROM " + relation + " m WHERE " + anyNull + " LIMIT 3")) {
            int shown = Math.min(rs.getMetaData().getColumnCount(), 5);
            while (rs.next()) {
                List<String> cells = new ArrayList<>();
                for (int i = 1; i <= shown; i++) {
                    cells.add(rs.getMetaData().getColumnLabel(i) + "=" + rs.getString(i));
                }
                samples.add(String.join(", ", cells));
            }
        }
        return samples;
    }
}
