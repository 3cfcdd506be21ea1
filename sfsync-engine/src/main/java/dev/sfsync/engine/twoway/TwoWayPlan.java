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
        StringBuilder sql = new StringBuilder("CREATE TEMP TABLE " + TABLE + " AS WITH t AS (" + rows + "),"
                + " rd AS (SELECT tw_match AS m, COUNT(*) AS n, STRING_AGG(tw_key, ', ') AS keys FROM t WHERE tw_match IS NOT NULL GROUP BY tw_match),"
                + " rm AS (SELECT " + matchKey(sync, "match_value") + " AS m, id FROM " + StagedRecords.TABLE + "),"
                + " cd AS (SELECT m, COUNT(*) AS n, STRING_AGG(id, ', ') AS ids FROM rm WHERE m IS NOT NULL GROUP BY m),"
                + " p AS (SELECT t.*, COALESCE(rd.n, 0) AS tw_rows, rd.keys AS tw_row_keys, COALESCE(cd.n, 0) AS tw_records, cd.ids AS tw_record_ids,"
                + " CASE WHEN t.tw_stored IS NOT NULL THEN t.tw_stored WHEN cd.n = 1 THEN cd.ids END AS tw_candidate"
                + " FROM t LEFT JOIN rd ON rd.m = t.tw_match LEFT JOIN cd ON cd.m = t.tw_match),"
                // The last-synced values turned to one row per table row by one grouping (which spills), then joined once.
                + " b AS (SELECT row_key");
        for (int i = 0; i < fields.size(); i++) {
            String field = literal(fields.get(i));
            sql.append(", COUNT(*) FILTER (WHERE field = ").append(field).append(") > 0 AS b").append(i).append("_set, MAX(field_value) FILTER (WHERE field = ")
                    .append(field).append(") AS b").append(i);
        }
        sql.append(" FROM ").append(BaseValues.TABLE).append(" WHERE sync_name = ").append(literal(sync.name())).append(" GROUP BY row_key)")
                .append(" SELECT ROW_NUMBER() OVER (ORDER BY p.tw_key) AS tw_n, p.*, r.id AS tw_record, r.last_modified AS tw_modified");
        for (int i = 0; i < fields.size(); i++) {
            sql.append(", r.f").append(i).append(" AS rf").append(i).append(", COALESCE(b.b").append(i).append("_set, FALSE) AS b").append(i)
                    .append("_set, b.b").append(i);
        }
        sql.append(" FROM p LEFT JOIN ").append(StagedRecords.TABLE).append(" r ON r.id = p.tw_candidate LEFT JOIN b ON b.row_key = p.tw_key");
        sql.append(" ORDER BY tw_n");
        long size;
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute(sql.toString());
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
