package dev.sfsync.source.snapshot;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.source.ModelHasDuplicateKeys;
import dev.sfsync.source.ModelHasDuplicateKeys.DuplicateKey;
import dev.sfsync.source.ModelHasNullKeys;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Rejects a staged model whose keys are null or repeated, with counts and samples, before anything is sent. */
final class KeyCheck {
    private static final int SAMPLES = 10;

    private KeyCheck() {
    }

    /** @return the number of rows the model returned */
    static long verify(Connection connection, String stage, StagedModel staged, Model model, int keyCount) throws SQLException {
        String keysPresent = Sql.each(keyCount, " AND ", k -> "_sfsync_k" + k + " IS NOT NULL");
        String key = keyCount == 1 ? "_sfsync_k0" : "(" + Sql.each(keyCount, ", ", k -> "_sfsync_k" + k) + ")";
        long rows;
        long nulls;
        long distinct;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT count(*), count(*) FILTER (WHERE NOT (" + keysPresent + ")), count(DISTINCT " + key + ") FILTER (WHERE "
                        + keysPresent + ") FROM " + stage)) {
            rs.next();
            rows = rs.getLong(1);
            nulls = rs.getLong(2);
            distinct = rs.getLong(3);
        }
        ModelHasDuplicateKeys duplicates = rows - nulls > distinct ? duplicates(connection, stage, model, keyCount, keysPresent) : null;
        String keyIsNull = String.join(" OR ", model.keyColumns().stream()
                .map(c -> "m." + Sql.ident(staged.schema().column(c).orElseThrow().name()) + " IS NULL").toList());
        reject(connection, model, nulls, "SELECT * FROM " + staged.relation() + " AS m WHERE " + keyIsNull + " LIMIT 3", duplicates);
        return rows;
    }

    /**
     * Throws for null keys (with the repeated keys, if any, as suppressed) or else for repeated keys; returns when
     * there are neither.
     *
     * @param nullRows a query for a few rows with a null key, read only when there are some
     */
    static void reject(Connection connection, Model model, long nulls, String nullRows, ModelHasDuplicateKeys duplicates) throws SQLException {
        if (nulls > 0) {
            ModelHasNullKeys problem = new ModelHasNullKeys(model, nulls, nullSamples(connection, nullRows));
            if (duplicates != null) {
                problem.addSuppressed(duplicates);
            }
            throw problem;
        }
        if (duplicates != null) {
            throw duplicates;
        }
    }

    private static ModelHasDuplicateKeys duplicates(Connection connection, String stage, Model model, int keyCount, String keysPresent)
            throws SQLException {
        String keys = Sql.each(keyCount, ", ", k -> "_sfsync_k" + k);
        List<DuplicateKey> samples = new ArrayList<>();
        long keysRepeated = 0;
        long rowsRepeated = 0;
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT " + Sql.each(keyCount, ", ", k -> "CAST(_sfsync_k" + k + " AS VARCHAR)")
                        + ", count(*) AS n, count(*) OVER () AS keys, sum(count(*)) OVER () AS rows FROM " + stage
                        + " WHERE " + keysPresent + " GROUP BY " + keys + " HAVING count(*) > 1 ORDER BY n DESC, " + keys
                        + " LIMIT " + SAMPLES)) {
            while (rs.next()) {
                List<String> values = new ArrayList<>();
                for (int k = 1; k <= keyCount; k++) {
                    values.add(rs.getString(k));
                }
                samples.add(new DuplicateKey(new RowKey(values), rs.getLong(keyCount + 1)));
                keysRepeated = rs.getLong(keyCount + 2);
                rowsRepeated = rs.getLong(keyCount + 3);
            }
        }
        return new ModelHasDuplicateKeys(model, keysRepeated, rowsRepeated, samples);
    }

    /** A few offending rows, each shown by its first columns, so the user can find them in the source. */
    private static List<String> nullSamples(Connection connection, String nullRows) throws SQLException {
        List<String> samples = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(nullRows)) {
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
