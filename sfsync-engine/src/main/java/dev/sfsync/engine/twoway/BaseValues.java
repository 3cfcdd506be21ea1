package dev.sfsync.engine.twoway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The value each mapped field had on both sides when a pair was last synced, kept in the destination database beside
 * the table and committed with the table's writes; {@link TwoWayPlan} joins it to the rows. A side whose value differs
 * from it changed since; both differing is a conflict; neither, nothing to do. Writing a value sets it, so the value
 * does not come back as a change.
 * <p>
 * The table has no key: DuckDB holds a key's index whole in memory, so a key on (sync, row, field) made a run's memory
 * grow with the table (three entries per row of a million-row table). Pages append their values with the run's
 * sequence number instead, and each run starts by removing the versions a later one replaced ({@link #keepNewest}),
 * found by one grouping that spills to disk; a run that crashed part-way is tidied the same way by the next.
 */
final class BaseValues {
    static final String TABLE = "sfsync_two_way_base";
    private static final String NEWEST = "sfsync_two_way_base_newest";
    private static final String MIGRATING = "sfsync_two_way_base_keyless";

    private BaseValues() {
    }

    /** Creates the table, or moves one an older sfsync made (with the key, without sequence numbers) to the key-less form. */
    static void createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (sync_name VARCHAR NOT NULL, row_key VARCHAR NOT NULL, field VARCHAR NOT NULL,"
                    + " record_id VARCHAR, field_value VARCHAR, synced_seq BIGINT NOT NULL)");
            if (!hasSequence(s)) {
                // Copied rather than altered: a column cannot be added to, nor a key dropped from, a DuckDB table with a key.
                s.execute("DROP TABLE IF EXISTS " + MIGRATING);
                s.execute("CREATE TABLE " + MIGRATING + " AS SELECT sync_name, row_key, field, record_id, field_value, CAST(0 AS BIGINT) AS synced_seq"
                        + " FROM " + TABLE);
                s.execute("DROP TABLE " + TABLE);
                s.execute("ALTER TABLE " + MIGRATING + " RENAME TO " + TABLE);
            }
        }
    }

    private static boolean hasSequence(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT * FROM " + TABLE + " WHERE 1 = 0")) {
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                if (rs.getMetaData().getColumnName(i).toLowerCase(Locale.ROOT).equals("synced_seq")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Leaves one value per row and field of the sync, the latest written, and returns the sequence number this run's
     * pages write with (above every one in the table).
     */
    static long keepNewest(Connection c, String syncName) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + NEWEST);
            try (PreparedStatement newest = c.prepareStatement("CREATE TEMP TABLE " + NEWEST + " AS SELECT row_key, field, MAX(synced_seq) AS newest FROM "
                    + TABLE + " WHERE sync_name = ? GROUP BY row_key, field HAVING COUNT(*) > 1")) {
                newest.setString(1, syncName);
                newest.execute();
            }
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + TABLE + " WHERE sync_name = ? AND EXISTS (SELECT 1 FROM " + NEWEST
                    + " n WHERE n.row_key = " + TABLE + ".row_key AND n.field = " + TABLE + ".field AND " + TABLE + ".synced_seq < n.newest)")) {
                delete.setString(1, syncName);
                delete.executeUpdate();
            }
            s.execute("DROP TABLE " + NEWEST);
        }
        try (PreparedStatement next = c.prepareStatement("SELECT COALESCE(MAX(synced_seq), 0) + 1 FROM " + TABLE + " WHERE sync_name = ?")) {
            next.setString(1, syncName);
            try (ResultSet rs = next.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
