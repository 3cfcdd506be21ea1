package dev.sfsync.engine.twoway;

import dev.sfsync.engine.inbound.InboundApi;
import dev.sfsync.engine.inbound.InboundSyncDefinition;
import dev.sfsync.engine.inbound.RecordReader;
import dev.sfsync.salesforce.SalesforceClient;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The object's records, streamed page by page from Salesforce into a temporary table of the destination database,
 * so that pairing them with the table's rows is a join there and not a map in memory. Read as an inbound sync's
 * initial read is: REST query pages for a small object, a Bulk API 2.0 query job (its CSV result pages, split into Id
 * ranges past a million records) from {@link InboundApi#BULK_THRESHOLD} records, chosen by the count the first REST
 * page gives. Values are kept as text, which is also how Bulk results carry them: {@link Canonical} and
 * {@link TableValues} read every type from its text.
 */
final class StagedRecords {
    static final String TABLE = "sfsync_two_way_records";

    private StagedRecords() {
    }

    /** How many records were staged, and through which API. */
    record Staged(long records, InboundApi api) {
    }

    /** @param fields the mapped fields' API names, staged as columns f0, f1 … in this order */
    static Staged stage(Connection c, SalesforceClient client, InboundApi api, String object, String matchField, List<String> fields)
            throws SQLException {
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
        try (RecordReader records = RecordReader.open(client, soql, false, api, InboundSyncDefinition.DEFAULT_ID_RANGE_SIZE);
             RowInserts insert = new RowInserts(c, "INSERT INTO " + TABLE, columns.size())) {
            while (records.hasNext()) {
                Map<String, ?> record = records.next();
                Object[] row = new Object[columns.size()];
                row[0] = text(record.get("Id"));
                row[1] = text(record.get("LastModifiedDate"));
                row[2] = text(record.get(matchField));
                for (int i = 0; i < fields.size(); i++) {
                    row[3 + i] = text(record.get(fields.get(i)));
                }
                insert.add(row);
                staged++;
            }
            insert.flush();
            return new Staged(staged, records.used());
        }
    }

    private static String text(Object value) {
        return value == null ? null : String.valueOf(value);
    }
}
