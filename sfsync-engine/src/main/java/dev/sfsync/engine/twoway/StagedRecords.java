package dev.sfsync.engine.twoway;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.rest.RecordStream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The object's records, streamed page by page from Salesforce into a temporary table of the destination database,
 * so that pairing them with the table's rows is a join there and not a map in memory. Values are kept as text:
 * {@link Canonical} and {@link TableValues} read every type from its text.
 */
final class StagedRecords {
    static final String TABLE = "sfsync_two_way_records";
    private static final int BATCH = 1_000;

    private StagedRecords() {
    }

    /**
     * @param fields the mapped fields' API names, staged as columns f0, f1 … in this order
     * @return the number of records staged
     */
    static long stage(Connection c, SalesforceClient client, String object, String matchField, List<String> fields) throws SQLException {
        List<String> columns = new ArrayList<>(List.of("id VARCHAR", "last_modified VARCHAR", "match_value VARCHAR"));
        for (int i = 0; i < fields.size(); i++) {
            columns.add("f" + i + " VARCHAR");
        }
        try (Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + TABLE);
            s.execute("CREATE TEMP TABLE " + TABLE + " (" + String.join(", ", columns) + ")");
        }
        List<String> selected = new ArrayList<>(List.of("Id", "LastModifiedDate", matchField));
        selected.addAll(fields);
        String soql = "SELECT " + String.join(", ", selected.stream().distinct().toList()) + " FROM " + object;
        long staged = 0;
        try (RecordStream records = client.rest().query(soql);
             PreparedStatement insert = c.prepareStatement("INSERT INTO " + TABLE + " VALUES (" + "?, ".repeat(columns.size() - 1) + "?)")) {
            while (records.hasNext()) {
                Map<String, Object> record = records.next();
                insert.setString(1, text(record.get("Id")));
                insert.setString(2, text(record.get("LastModifiedDate")));
                insert.setString(3, text(record.get(matchField)));
                for (int i = 0; i < fields.size(); i++) {
                    insert.setString(4 + i, text(record.get(fields.get(i))));
                }
                insert.addBatch();
                if (++staged % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
        return staged;
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
