package dev.sfsync.engine.inbound;

import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.rest.RecordStream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Explains why a record is not in an inbound sync's table, asking Salesforce as the connection's user (who is the
 * one whose visibility matters) and the table: not visible (sharing, org-wide defaults, another owner), deleted,
 * excluded by the filter, changed after the last run, read before the cursor, or no record with that email.
 */
public final class WhyMissing {
    private static final Pattern RECORD_ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");

    /** The verdict, one line per record found (several when an email matches more than one). */
    public record Answer(String key, boolean inTable, List<String> reasons) {
        public Answer {
            reasons = List.copyOf(reasons);
        }
    }

    private WhyMissing() {
    }

    public static Answer explain(InboundSyncDefinition sync, InboundColumns columns, SalesforceClient client, String orgId, Connection table,
                                 String key) throws SQLException {
        boolean byId = RECORD_ID.matcher(key).matches() && !key.contains("@");
        String condition = byId ? "Id = '" + key + "'" : "Email = '" + key.replace("\\", "\\\\").replace("'", "\\'") + "'";
        if (!byId && columns.fieldNames().stream().noneMatch(f -> f.equalsIgnoreCase("Email"))) {
            return new Answer(key, false, List.of(sync.object() + " records are found by Id here: the sync does not bring an Email field, so there is"
                    + " no email to match on (add Email to fields, or give the record's Id)"));
        }
        List<Map<String, Object>> found = query(client, "SELECT Id, SystemModstamp, IsDeleted FROM " + sync.object() + " WHERE " + condition);
        List<String> reasons = new ArrayList<>();
        String user = client.session().tokens().userId().orElse("the connection's user");
        if (found.isEmpty()) {
            reasons.add(byId
                    ? "Salesforce returns no " + sync.object() + " " + key + " to " + user + ": it does not exist (or was purged from the recycle bin), or the user"
                    + " cannot see it. With the org-wide default of " + sync.object() + " set to Private, users see only the records they own (and those"
                    + " shared with them). Fix: view the record as that user to check; share it, change the org-wide default, grant the user"
                    + " 'View All Data', or connect with a System Administrator"
                    : "no " + sync.object() + " visible to " + user + " has the email " + key + " (emails match without regard to case): the record has"
                    + " no email or another one, or the user cannot see it (sharing, org-wide defaults). Fix: check the record's Email, or give its Id");
            return new Answer(key, false, reasons);
        }
        if (!byId && found.size() > 1) {
            reasons.add(found.size() + " " + sync.object() + " records have the email " + key + " (" + String.join(", ", found.stream()
                    .map(r -> String.valueOf(r.get("Id"))).toList()) + "): an email is not a unique key, so each is explained by its Id");
        }
        Optional<CursorTable.Cursor> cursor = CursorTable.find(table, sync.name(), orgId);
        boolean allInTable = true;
        for (Map<String, Object> record : found) {
            String id = String.valueOf(record.get("Id"));
            String verdict = verdict(sync, client, table, cursor, record, id);
            allInTable &= verdict.startsWith(id + " is in ");
            reasons.add(verdict);
        }
        return new Answer(key, allInTable, reasons);
    }

    private static String verdict(InboundSyncDefinition sync, SalesforceClient client, Connection table, Optional<CursorTable.Cursor> cursor,
                                  Map<String, Object> record, String id) throws SQLException {
        Optional<Boolean> row = row(table, sync.table(), id);
        if (row.isPresent()) {
            return id + " is in " + sync.table() + (row.get() ? " as a tombstone (isdeleted = true): it was deleted in Salesforce" : "");
        }
        if (Boolean.TRUE.equals(record.get("IsDeleted"))) {
            return id + " was deleted in Salesforce (it is in the recycle bin)" + (sync.includeDeleted() ? ""
                    : "; include_deleted is false, so deleted records leave the table (set include_deleted: true to keep them as tombstones)");
        }
        if (sync.filter().isPresent() && query(client, "SELECT Id FROM " + sync.object() + " WHERE Id = '" + id + "' AND (" + sync.filter().get() + ")").isEmpty()) {
            return id + " does not meet the sync's filter (" + sync.filter().get() + "): change the record or the filter";
        }
        LocalDateTime modstamp = FieldValues.dateTime(String.valueOf(record.get("SystemModstamp")));
        if (cursor.isEmpty()) {
            return id + " is visible and meets the filter, but the sync has not run against this org yet: run 'sfsync run " + sync.name() + "'";
        }
        LocalDateTime readFrom = cursor.get().systemModstamp() == null ? null : cursor.get().systemModstamp().minus(sync.lookback());
        if (readFrom == null || !modstamp.isBefore(readFrom)) {
            return id + " changed at " + modstamp + " (UTC), after the last run read up to " + cursor.get().systemModstamp() + ": the next run brings it";
        }
        return id + " was last modified at " + modstamp + " (UTC), before the cursor (" + cursor.get().systemModstamp() + "), and was not in the table"
                + " when the table was built on " + cursor.get().initialAt() + " (it was hidden from the user or outside the filter then): deltas read only"
                + " records modified after the cursor. Fix: run 'sfsync run --full " + sync.name() + "' to rebuild the table from every record";
    }

    /** Empty when the table has no row for the Id; otherwise whether the row is a tombstone. */
    private static Optional<Boolean> row(Connection c, String table, String id) throws SQLException {
        if (!InboundTable.exists(c, table)) {
            return Optional.empty();
        }
        try (PreparedStatement s = c.prepareStatement("SELECT isdeleted FROM " + table.toLowerCase(java.util.Locale.ROOT) + " WHERE id = ? OR id = ?")) {
            s.setString(1, id);
            s.setString(2, id.length() == 18 ? id.substring(0, 15) : id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBoolean(1)) : Optional.empty();
            }
        }
    }

    private static List<Map<String, Object>> query(SalesforceClient client, String soql) {
        List<Map<String, Object>> records = new ArrayList<>();
        try (RecordStream stream = client.rest().queryAll(soql)) {
            stream.forEachRemaining(records::add);
        }
        return records;
    }
}
