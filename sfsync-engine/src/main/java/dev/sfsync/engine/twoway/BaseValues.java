package dev.sfsync.engine.twoway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The value each mapped field had on both sides when a pair was last synced, kept in the destination database beside
 * the table and committed with the table's writes; {@link TwoWayPlan} joins it to the rows. A side whose value differs
 * from it changed since; both differing is a conflict; neither, nothing to do. Writing a value sets it, so the value
 * does not come back as a change.
 */
final class BaseValues {
    static final String TABLE = "sfsync_two_way_base";

    private BaseValues() {
    }

    static void createTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " (sync_name VARCHAR NOT NULL, row_key VARCHAR NOT NULL, field VARCHAR NOT NULL,"
                    + " record_id VARCHAR, field_value VARCHAR, PRIMARY KEY (sync_name, row_key, field))");
        }
    }

    static void save(Connection c, String sync, String rowKey, String recordId, Map<String, String> values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + TABLE + " (sync_name, row_key, field, record_id, field_value) VALUES (?, ?, ?, ?, ?)"
                + " ON CONFLICT (sync_name, row_key, field) DO UPDATE SET record_id = excluded.record_id, field_value = excluded.field_value")) {
            for (Map.Entry<String, String> value : values.entrySet()) {
                s.setString(1, sync);
                s.setString(2, rowKey);
                s.setString(3, value.getKey());
                s.setString(4, recordId);
                s.setString(5, value.getValue());
                s.addBatch();
            }
            s.executeBatch();
        }
    }
}
