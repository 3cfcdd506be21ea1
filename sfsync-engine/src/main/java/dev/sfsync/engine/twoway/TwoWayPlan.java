package dev.sfsync.engine.twoway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every row of the table beside the record it belongs to and the values last synced, built in one statement in the
 * destination database (a temporary table numbered in key order) and read back a page at a time. How many rows and
 * records share a row's match value is counted there too, so duplicates are found without holding either side.
 */
final class TwoWayPlan {
    static final String TABLE = "sfsync_two_way_plan";

    private final Connection c;
    private final List<String> columns;
    private final List<String> fields;
    private final long size;
    private final Map<String, String> columnTypes = new HashMap<>();

    /** One row of the table with what the plan found for it. */
    record Entry(String key, String storedId, String matchKey, String matchValue, Object updatedAt, Map<String, Object> values,
                 long rowsSharing, String rowKeysSharing, long recordsSharing, String recordIdsSharing, String recordId,
                 Map<String, Object> record, Map<String, Optional<String>> base) {

        /** The last synced value; null when the pair was never synced (Optional.empty() is a synced empty value). */
        Optional<String> last(String field) {
            return base.get(field);
        }
    }

    private static final List<String> STEPS = List.of("t", "rd", "cd", "cdk", "p", "b", "j");

    private static String step(String name) {
        return TABLE + "_" + name;
    }

    private TwoWayPlan(Connection c, List<String> columns, List<String> fields, long size) {
        this.c = c;
        this.columns = columns;
        this.fields = fields;
        this.size = size;
    }

    /** @param fields the mapped fields' API names, as {@link StagedRecords} staged them */
    static TwoWayPlan build(Connection c, TwoWaySyncDefinition sync, List<String> fields) throws SQLException {
        List<String> columns = TwoWayValidation.columns(sync);
        StringBuilder rows = new StringBuilder("SELECT ");
        for (int i = 0; i < columns.size(); i++) {
            rows.append(columns.get(i)).append(" AS tc").append(i).append(", ");
        }
        rows.append("CAST(").append(sync.keyColumn()).append(" AS VARCHAR) AS tw_key, NULLIF(TRIM(CAST(").append(sync.idColumn())
                .append(" AS VARCHAR)), '') AS tw_stored, ").append(matchKey(sync, sync.matchColumn())).append(" AS tw_match FROM ").append(sync.table());
        String rm = "SELECT " + matchKey(sync, "match_value") + " AS m, id FROM " + StagedRecords.TABLE;
        StringBuilder base = new StringBuilder("SELECT row_key");
        for (int i = 0; i < fields.size(); i++) {
            String field = literal(fields.get(i));
            base.append(", COUNT(*) FILTER (WHERE field = ").append(field).append(") > 0 AS b").append(i).append("_set, MAX(field_value) FILTER (WHERE field = ")
                    .append(field).append(") AS b").append(i);
        }
        base.append(" FROM ").append(BaseValues.TABLE).append(" WHERE sync_name = ").append(literal(sync.name())).append(" GROUP BY row_key");
        StringBuilder joined = new StringBuilder("SELECT p.*, r.id AS tw_record, r.last_modified AS tw_modified");
        for (int i = 0; i < fields.size(); i++) {
            joined.append(", r.f").append(i).append(" AS rf").append(i).append(", COALESCE(b.b").append(i).append("_set, FALSE) AS b").append(i)
                    .append("_set, b.b").append(i);
        }
        joined.append(" FROM ").append(step("p")).append(" p LEFT JOIN ").append(StagedRecords.TABLE).append(" r ON r.id = p.tw_candidate LEFT JOIN ")
                .append(step("b")).append(" b ON b.row_key = p.tw_key");
        // One statement per step, each kept in a temporary table: DuckDB ran out of its 256 MB at 1,000,000 rows when
        // the groupings, joins and numbering ran in one statement, each operator holding memory at once. The lists of
        // rows and records sharing a match value are made only for the values that are shared: a list per value for
        // every value was a million strings held in memory.
        List<String> steps = List.of(
                "CREATE TEMP TABLE " + step("t") + " AS " + rows,
                "CREATE TEMP TABLE " + step("rd") + " AS SELECT tw_match AS m, COUNT(*) AS n, STRING_AGG(tw_key, ', ') AS keys FROM " + step("t")
                        + " WHERE tw_match IN (SELECT tw_match FROM " + step("t") + " WHERE tw_match IS NOT NULL GROUP BY tw_match HAVING COUNT(*) > 1)"
                        + " GROUP BY tw_match",
                "CREATE TEMP TABLE " + step("cd") + " AS SELECT m, COUNT(*) AS n, MIN(id) AS id FROM (" + rm + ") rm WHERE m IS NOT NULL GROUP BY m",
                "CREATE TEMP TABLE " + step("cdk") + " AS SELECT m, STRING_AGG(id, ', ') AS ids FROM (" + rm + ") rm WHERE m IN (SELECT m FROM "
                        + step("cd") + " WHERE n > 1) GROUP BY m",
                "CREATE TEMP TABLE " + step("p") + " AS SELECT t.*, COALESCE(rd.n, CASE WHEN t.tw_match IS NULL THEN 0 ELSE 1 END) AS tw_rows,"
                        + " rd.keys AS tw_row_keys, COALESCE(cd.n, 0) AS tw_records, COALESCE(cdk.ids, cd.id) AS tw_record_ids,"
                        + " CASE WHEN t.tw_stored IS NOT NULL THEN t.tw_stored WHEN cd.n = 1 THEN cd.id END AS tw_candidate FROM " + step("t")
                        + " t LEFT JOIN " + step("rd") + " rd ON rd.m = t.tw_match LEFT JOIN " + step("cd") + " cd ON cd.m = t.tw_match LEFT JOIN "
                        + step("cdk") + " cdk ON cdk.m = t.tw_match",
                // The last-synced values turned to one row per table row by one grouping (which spills), then joined once.
                "CREATE TEMP TABLE " + step("b") + " AS " + base,
                "CREATE TEMP TABLE " + step("j") + " AS " + joined,
                "CREATE TEMP TABLE " + TABLE + " AS SELECT ROW_NUMBER() OVER (ORDER BY tw_key) AS tw_n, * FROM " + step("j") + " ORDER BY tw_n");
        long size;
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            for (String name : STEPS) {
                s.execute("DROP TABLE IF EXISTS " + step(name));
            }
            for (String step : steps) {
                s.execute(step);
            }
            for (String name : STEPS) {
                s.execute("DROP TABLE " + step(name));
            }
            if (!c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("duckdb")) {
                // DuckDB finds a page by the zone maps of a table stored in tw_n order; other databases need the index.
                s.execute("CREATE INDEX " + TABLE + "_n ON " + TABLE + " (tw_n)");
            }
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + TABLE)) {
                rs.next();
                size = rs.getLong(1);
            }
        }
        return new TwoWayPlan(c, columns, fields, size);
    }

    long size() {
        return size;
    }

    /** The table's column types by lower-case name, known once a page was read. */
    Map<String, String> columnTypes() {
        return columnTypes;
    }

    /** Rows numbered from + 1 to from + count, in key order. */
    List<Entry> page(long from, int count, TwoWaySyncDefinition sync) throws SQLException {
        List<Entry> page = new ArrayList<>(count);
        try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + TABLE + " WHERE tw_n > ? AND tw_n <= ? ORDER BY tw_n")) {
            s.setLong(1, from);
            s.setLong(2, from + count);
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 0; i < columns.size() && columnTypes.isEmpty(); i++) {
                    for (int j = 1; j <= meta.getColumnCount(); j++) {
                        if (meta.getColumnName(j).equalsIgnoreCase("tc" + i)) {
                            columnTypes.put(columns.get(i), meta.getColumnTypeName(j));
                        }
                    }
                }
                while (rs.next()) {
                    page.add(entry(rs, sync));
                }
            }
        }
        return page;
    }

    private Entry entry(ResultSet rs, TwoWaySyncDefinition sync) throws SQLException {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            values.put(columns.get(i), rs.getObject("tc" + i));
        }
        Object match = values.get(sync.matchColumn().toLowerCase(Locale.ROOT));
        String recordId = rs.getString("tw_record");
        Map<String, Object> record = new LinkedHashMap<>();
        Map<String, Optional<String>> base = new HashMap<>();
        for (int i = 0; i < fields.size(); i++) {
            if (recordId != null) {
                record.put(fields.get(i), rs.getString("rf" + i));
            }
            if (rs.getBoolean("b" + i + "_set")) {
                base.put(fields.get(i), Optional.ofNullable(rs.getString("b" + i)));
            }
        }
        record.put("LastModifiedDate", rs.getString("tw_modified"));
        return new Entry(rs.getString("tw_key"), rs.getString("tw_stored"), rs.getString("tw_match"), match == null ? null : String.valueOf(match),
                sync.updatedAtColumn().map(col -> values.get(col.toLowerCase(Locale.ROOT))).orElse(null), values,
                rs.getLong("tw_rows"), rs.getString("tw_row_keys"), rs.getLong("tw_records"), rs.getString("tw_record_ids"), recordId, record, base);
    }

    void drop() throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("DROP TABLE IF EXISTS " + StagedRecords.TABLE);
        }
    }

    /** The match value as both sides are compared by: trimmed, blank as none, and emails without regard to case. */
    private static String matchKey(TwoWaySyncDefinition sync, String column) {
        String trimmed = "NULLIF(TRIM(CAST(" + column + " AS VARCHAR)), '')";
        return sync.matchesByEmail() ? "LOWER(" + trimmed + ")" : trimmed;
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
