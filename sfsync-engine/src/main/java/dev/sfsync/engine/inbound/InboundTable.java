package dev.sfsync.engine.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An inbound sync's table in the destination database, and the staging table each run fills first. Plain SQL that
 * DuckDB and Postgres share: CREATE TABLE, ALTER TABLE ADD COLUMN / RENAME TO, DELETE, INSERT ... SELECT.
 * The initial sync fills the staging table and renames it over the table, so readers see the old copy or the whole
 * new one; a delta merges the staging table into the table. Neither commits: the caller commits with the cursor.
 */
final class InboundTable {
    private final String table;
    private final String stage;
    private final InboundColumns columns;

    InboundTable(String table, InboundColumns columns) {
        this.table = table.toLowerCase(Locale.ROOT);
        this.stage = this.table + "__sfsync_stage";
        this.columns = columns;
    }

    String name() {
        return table;
    }

    static boolean exists(Connection c, String table) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT * FROM " + table.toLowerCase(Locale.ROOT) + " WHERE 1 = 0");
            return true;
        } catch (SQLException e) {
            c.rollback();
            return false;
        }
    }

    /** Column name -> kind, of the table as it is. */
    static Map<String, ColumnType> existingColumns(Connection c, String table) throws SQLException {
        Map<String, ColumnType> existing = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + table.toLowerCase(Locale.ROOT) + " WHERE 1 = 0")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                existing.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), ColumnType.ofDatabaseType(meta.getColumnTypeName(i)));
            }
        }
        return existing;
    }

    /**
     * Brings the table up to the columns: a field new in Salesforce (or newly listed) adds a column. A column whose
     * kind no longer matches its field is not converted: it is returned as a mismatch, and nothing is changed.
     */
    Migration migrate(Connection c) throws SQLException {
        Map<String, ColumnType> existing = existingColumns(c, table);
        List<String> mismatches = new ArrayList<>();
        List<InboundColumn> missing = new ArrayList<>();
        for (InboundColumn column : columns.all()) {
            ColumnType kind = existing.get(column.name());
            if (kind == null) {
                missing.add(column);
            } else if (kind != column.type() && !(kind == ColumnType.DOUBLE && column.type() == ColumnType.DECIMAL)) {
                mismatches.add(column.name() + " is " + kind.name().toLowerCase(Locale.ROOT) + " but " + column.field() + " is now "
                        + column.type().name().toLowerCase(Locale.ROOT));
            }
        }
        if (!mismatches.isEmpty()) {
            return new Migration(List.of(), mismatches);
        }
        try (Statement s = c.createStatement()) {
            for (InboundColumn column : missing) {
                s.execute("ALTER TABLE " + table + " ADD COLUMN " + column.name() + " " + column.sqlType());
            }
        }
        return new Migration(missing.stream().map(InboundColumn::name).toList(), List.of());
    }

    record Migration(List<String> addedColumns, List<String> typeChanges) {
    }

    /**
     * A fresh, empty staging table for the records as read (one left by an interrupted run is dropped, and so is the
     * {@code __sfsync_read} table sfsync versions before the key-less staging used). It has no key, so rows go in as
     * fast as the database appends; {@link #keepNewestPerId} then removes versions read twice.
     */
    void createRaw(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + stage);
            s.execute("DROP TABLE IF EXISTS " + table + "__sfsync_read");
            s.execute("DROP TABLE IF EXISTS " + duplicates());
            s.execute("DROP TABLE IF EXISTS " + newest());
            s.execute("CREATE TABLE " + stage + " (" + columns.all().stream().map(col -> col.name() + " " + col.sqlType()
                    + (col.name().equals("id") ? " NOT NULL" : "")).collect(Collectors.joining(", ")) + ")");
        }
    }

    private String duplicates() {
        return table + "__sfsync_dups";
    }

    private String newest() {
        return table + "__sfsync_newest";
    }

    /** An INSERT of {@code rows} rows at once: one statement per batch costs far less than one per row in DuckDB. */
    PreparedStatement rawInsert(Connection c, int rows) throws SQLException {
        String one = "(" + columns.all().stream().map(col -> "?").collect(Collectors.joining(", ")) + ")";
        return c.prepareStatement("INSERT INTO " + stage + " VALUES " + String.join(", ", java.util.Collections.nCopies(rows, one)));
    }

    /**
     * Leaves one row per Id in the staging table, its newest version: a record read twice (its version changed while
     * paging, or a page read again after a fault) keeps the newest. Done in place and only for the Ids read more than
     * once (found by one grouping on the Id column, which DuckDB spills to disk past its memory limit), instead of
     * copying every row through a window over the whole table: that copy and its key index made memory grow with the
     * object.
     */
    void keepNewestPerId(Connection c) throws SQLException {
        String names = columns.all().stream().map(InboundColumn::name).collect(Collectors.joining(", "));
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE " + duplicates() + " AS SELECT id FROM " + stage + " GROUP BY id HAVING count(*) > 1");
            boolean any;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + duplicates())) {
                rs.next();
                any = rs.getLong(1) > 0;
            }
            if (any) {
                s.execute("CREATE TABLE " + newest() + " AS SELECT " + names + " FROM (SELECT " + names
                        + ", row_number() OVER (PARTITION BY id ORDER BY systemmodstamp DESC) AS sfsync_rank FROM " + stage
                        + " WHERE id IN (SELECT id FROM " + duplicates() + ")) ranked WHERE sfsync_rank = 1");
                s.execute("DELETE FROM " + stage + " WHERE id IN (SELECT id FROM " + duplicates() + ")");
                s.execute("INSERT INTO " + stage + " (" + names + ") SELECT " + names + " FROM " + newest());
                s.execute("DROP TABLE " + newest());
            }
            s.execute("DROP TABLE " + duplicates());
        }
    }

    /**
     * The initial sync's end: the staging table becomes the table, without a copy. Postgres then gets the primary key
     * on Id (a B-tree built on disk); DuckDB does not, because its key index is held whole in memory: with it an
     * initial sync's memory grew with the object, and 3,000,000 records ran out of a 256 MB limit (BENCHMARKS.md). The
     * Id is unique there by construction: {@link #keepNewestPerId} and {@link #merge} keep one row per Id.
     */
    void replaceWithStage(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + table);
            String unqualified = table.contains(".") ? table.substring(table.indexOf('.') + 1) : table;
            s.execute("ALTER TABLE " + stage + " RENAME TO " + unqualified);
            if (!isDuckDb(c)) {
                s.execute("ALTER TABLE " + table + " ADD PRIMARY KEY (id)");
            }
        }
    }

    static boolean isDuckDb(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("duckdb");
    }

    long count(Connection c, String where) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM " + stage + " s " + where)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * A delta's end: rows re-read unchanged (same SystemModstamp) are left alone, deleted records become tombstones
     * or leave the table, the rest are inserted or updated. Returns what happened to the staged rows.
     */
    MergeCounts merge(Connection c, boolean keepTombstones) throws SQLException {
        String same = "EXISTS (SELECT 1 FROM " + table + " t WHERE t.id = s.id AND t.systemmodstamp = s.systemmodstamp AND t.isdeleted = s.isdeleted)";
        String present = "EXISTS (SELECT 1 FROM " + table + " t WHERE t.id = s.id AND NOT t.isdeleted)";
        long unchanged = count(c, "WHERE " + same);
        long deleted = count(c, "WHERE s.isdeleted AND " + present);
        long created = count(c, "WHERE NOT s.isdeleted AND NOT EXISTS (SELECT 1 FROM " + table + " t WHERE t.id = s.id)");
        long updated = count(c, "WHERE NOT s.isdeleted AND NOT " + same) - created;
        try (Statement s = c.createStatement()) {
            if (!keepTombstones) {
                s.execute("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + stage + " WHERE isdeleted)");
                s.execute("DELETE FROM " + stage + " WHERE isdeleted");
            }
            s.execute("DELETE FROM " + stage + " s WHERE " + same);
            // Replaced rather than upserted: a DuckDB table has no key for ON CONFLICT (see replaceWithStage).
            s.execute("DELETE FROM " + table + " WHERE id IN (SELECT id FROM " + stage + ")");
            String names = columns.all().stream().map(InboundColumn::name).collect(Collectors.joining(", "));
            s.execute("INSERT INTO " + table + " (" + names + ") SELECT " + names + " FROM " + stage);
            s.execute("DROP TABLE " + stage);
        }
        return new MergeCounts(created, updated, deleted, unchanged);
    }

    record MergeCounts(long created, long updated, long deleted, long unchanged) {
    }

    /** Removes rows by Id (records that no longer meet the filter); returns how many were in the table. */
    long removeIds(Connection c, List<String> ids) throws SQLException {
        long removed = 0;
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?")) {
            for (String id : ids) {
                delete.setString(1, id);
                removed += delete.executeUpdate();
            }
        }
        return removed;
    }
}
