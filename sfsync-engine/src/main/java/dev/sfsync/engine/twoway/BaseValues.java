package dev.sfsync.engine.twoway;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
}
