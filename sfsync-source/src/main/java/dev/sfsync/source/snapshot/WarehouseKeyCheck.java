package dev.sfsync.source.snapshot;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.source.ModelHasDuplicateKeys;
import dev.sfsync.source.ModelHasDuplicateKeys.DuplicateKey;
import dev.sfsync.source.warehouse.WarehouseDialect;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Rejects a model whose keys are null or repeated, counted by the warehouse, with samples, before anything is sent.
 * The counts take one pass over the model; the samples are read only for a model that fails the check.
 */
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
        long rows;
        long nulls;
        long keysRepeated;
        long rowsRepeated;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(counts(relation, keys))) {
            rs.next();
            rows = rs.getLong(1);
            nulls = rs.getLong(2);
            keysRepeated = rs.getLong(3);
            rowsRepeated = rs.getLong(4);
        }
        ModelHasDuplicateKeys duplicates = keysRepeated == 0 ? null
                : new ModelHasDuplicateKeys(model, keysRepeated, rowsRepeated, samples(connection, dialect, relation, keys));
        String anyNull = String.join(" OR ", keys.stream().map(k -> k + " IS NULL").toList());
        KeyCheck.reject(connection, model, nulls, "SELECT * FROM " + relation + " m WHERE " + anyNull + " LIMIT 3", duplicates);
        return rows;
    }

    /**
     * Rows, rows with a null key, repeated keys and the rows holding them, in one pass over the model: null keys group
     * together, so one GROUP BY over the keys counts them all.
     *
     * @param keys the key columns as {@code m."name"}
     */
    static String counts(String relation, List<String> keys) {
        int n = keys.size();
        String groupNull = Sql.each(n, " OR ", k -> "g._sfsync_k" + k + " IS NULL");
        String repeatedGroup = "NOT (" + groupNull + ") AND g._sfsync_n > 1";
        return "SELECT coalesce(sum(g._sfsync_n), 0), coalesce(sum(CASE WHEN " + groupNull + " THEN g._sfsync_n ELSE 0 END), 0),"
                + " coalesce(sum(CASE WHEN " + repeatedGroup + " THEN 1 ELSE 0 END), 0),"
                + " coalesce(sum(CASE WHEN " + repeatedGroup + " THEN g._sfsync_n ELSE 0 END), 0)"
                + " FROM (SELECT " + Sql.each(n, ", ", k -> keys.get(k) + " AS _sfsync_k" + k) + ", count(*) AS _sfsync_n FROM " + relation
                + " m GROUP BY " + String.join(", ", keys) + ") g";
    }

    private static List<DuplicateKey> samples(Connection connection, WarehouseDialect dialect, String relation, List<String> keys) throws SQLException {
        String keyList = String.join(", ", keys);
        String allPresent = String.join(" AND ", keys.stream().map(k -> k + " IS NOT NULL").toList());
        List<DuplicateKey> samples = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT "
                + String.join(", ", keys.stream().map(dialect::text).toList()) + ", count(*) FROM " + relation + " m WHERE " + allPresent
                + " GROUP BY " + keyList + " HAVING count(*) > 1 ORDER BY count(*) DESC, " + keyList + " LIMIT " + SAMPLES)) {
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
}
