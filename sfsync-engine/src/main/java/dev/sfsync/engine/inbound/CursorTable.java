package dev.sfsync.engine.inbound;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Where each inbound sync resumes, kept in the destination database itself so that a delta's rows and its cursor
 * commit in one transaction: a crash before the commit leaves both as they were, and the rerun reads the same
 * changes again. The cursor belongs to the sync and the org it read: another org (a sandbox swapped for
 * production) has no cursor, so its first run is an initial sync.
 */
final class CursorTable {
    static final String TABLE = "sfsync_inbound_cursors";

    /** The SystemModstamp of the newest record taken (and its Id), and when the table was last rebuilt. */
    record Cursor(LocalDateTime systemModstamp, String lastId, LocalDateTime initialAt) {
    }

    private CursorTable() {
    }

    static void ensure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (sync_name VARCHAR NOT NULL, org_id VARCHAR NOT NULL, object_name VARCHAR NOT NULL,"
                    + " table_name VARCHAR NOT NULL, modstamp TIMESTAMP, last_id VARCHAR, initial_at TIMESTAMP NOT NULL, updated_at TIMESTAMP NOT NULL,"
                    + " PRIMARY KEY (sync_name, org_id))");
        }
    }

    static Optional<Cursor> find(Connection c, String sync, String orgId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT modstamp, last_id, initial_at FROM " + TABLE + " WHERE sync_name = ? AND org_id = ?")) {
            s.setString(1, sync);
            s.setString(2, orgId);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(new Cursor(rs.getObject(1, LocalDateTime.class), rs.getString(2), rs.getObject(3, LocalDateTime.class)))
                        : Optional.empty();
            }
        }
    }

    /** The table now holds this org's records only: cursors of other orgs for the sync no longer describe it. */
    static void forgetOtherOrgs(Connection c, String sync, String orgId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("DELETE FROM " + TABLE + " WHERE sync_name = ? AND org_id <> ?")) {
            s.setString(1, sync);
            s.setString(2, orgId);
            s.executeUpdate();
        }
    }

    static void save(Connection c, String sync, String orgId, String object, String table, Cursor cursor, LocalDateTime now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE + " (sync_name, org_id, object_name, table_name, modstamp, last_id, initial_at,"
                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (sync_name, org_id) DO UPDATE SET object_name = excluded.object_name,"
                + " table_name = excluded.table_name, modstamp = excluded.modstamp, last_id = excluded.last_id, initial_at = excluded.initial_at,"
                + " updated_at = excluded.updated_at")) {
            s.setString(1, sync);
            s.setString(2, orgId);
            s.setString(3, object);
            s.setString(4, table);
            s.setObject(5, cursor.systemModstamp());
            s.setString(6, cursor.lastId());
            s.setObject(7, cursor.initialAt());
            s.setObject(8, now);
            s.executeUpdate();
        }
    }
}
