package dev.sfsync.engine.twoway;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.describe.SObjectDescribe;
import dev.sfsync.salesforce.rest.RecordStream;
import dev.sfsync.salesforce.rest.SObjectCollections;
import dev.sfsync.salesforce.rest.SaveResult;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One run of a two-way sync. Reads the table and the object, pairs rows with records, and per mapped field compares
 * both sides with the value last synced: the side that changed flows to the other (if its direction allows), both
 * changed is a conflict the rule settles. Salesforce is written first (creates, then updates, 200 per call); the
 * table's writes and the new last-synced values then commit together. A crash in between leaves Salesforce ahead
 * of the last-synced values: the next run sees those fields changed on Salesforce's side and brings them in.
 */
final class TwoWayRun {
    private final TwoWaySyncDefinition sync;
    private final SObjectDescribe object;
    private final SalesforceClient client;
    private final Connection c;
    private final List<RowOutcome> outcomes = new ArrayList<>();
    private final List<Conflict> conflicts = new ArrayList<>();

    TwoWayRun(TwoWaySyncDefinition sync, SObjectDescribe object, SalesforceClient client, Connection c) {
        this.sync = sync;
        this.object = object;
        this.client = client;
        this.c = c;
    }

    private record Row(String key, String storedId, String matchValue, Object updatedAt, Map<String, Object> values) {
    }

    /** What a paired row needs: fields to send, columns to write, the last-synced values to keep. */
    private static final class Pair {
        final Row row;
        final String recordId;
        final boolean storeIdBack;
        final Map<String, Object> toSalesforce = new LinkedHashMap<>();
        final Map<String, Object> toTable = new LinkedHashMap<>();
        final Map<String, String> base = new LinkedHashMap<>();
        final Map<String, String> outboundBase = new LinkedHashMap<>();
        boolean failed;

        Pair(Row row, String recordId, boolean storeIdBack) {
            this.row = row;
            this.recordId = recordId;
            this.storeIdBack = storeIdBack;
        }
    }

    TwoWayResult run() throws SQLException {
        c.setAutoCommit(false);
        BaseValues base = BaseValues.load(c, sync.name());
        c.commit();
        Map<String, String> columnTypes = new HashMap<>();
        List<Row> rows = readRows(columnTypes);
        Map<String, Map<String, Object>> records = readRecords();
        Map<String, List<String>> recordsByMatch = new HashMap<>();
        records.forEach((id, r) -> Optional.ofNullable(matchKey(r.get(object.field(sync.matchField()).orElseThrow().name())))
                .ifPresent(k -> recordsByMatch.computeIfAbsent(k, x -> new ArrayList<>()).add(id)));
        Map<String, List<String>> rowsByMatch = new HashMap<>();
        rows.forEach(r -> Optional.ofNullable(matchKey(r.matchValue())).ifPresent(k -> rowsByMatch.computeIfAbsent(k, x -> new ArrayList<>()).add(r.key())));

        List<Pair> pairs = new ArrayList<>();
        List<Row> toCreate = new ArrayList<>();
        long unchanged = 0;
        for (Row row : rows) {
            Pair pair = pair(row, records, recordsByMatch, rowsByMatch, toCreate);
            if (pair != null) {
                decide(pair, records.get(pair.recordId), base);
                if (pair.toSalesforce.isEmpty() && pair.toTable.isEmpty() && !pair.storeIdBack) {
                    unchanged++;
                    outcomes.add(new RowOutcome.Unchanged(RowKey.of(row.key())));
                    if (!pair.base.equals(currentBase(base, row.key(), pair.base))) {
                        pairs.add(pair);   // only the last-synced values move, e.g. both sides made the same edit
                    }
                } else {
                    pairs.add(pair);
                }
            }
        }
        long created = create(toCreate, pairs);
        long updatedInSalesforce = update(pairs);
        long updatedInTable = writeTable(pairs, columnTypes);
        c.commit();
        long rejected = outcomes.stream().filter(o -> o instanceof RowOutcome.RejectedLocally).count();
        long failed = outcomes.stream().filter(o -> o instanceof RowOutcome.Failed).count();
        return new TwoWayResult(sync.name(), created, updatedInSalesforce, updatedInTable, unchanged, rejected, failed, conflicts, outcomes);
    }

    private static Map<String, String> currentBase(BaseValues base, String rowKey, Map<String, String> fields) {
        Map<String, String> current = new LinkedHashMap<>();
        for (String field : fields.keySet()) {
            Optional<String> value = base.get(rowKey, field);
            current.put(field, value == null ? "\u0000absent" : value.orElse(null));
        }
        return current;
    }

    /** The record a row belongs to, or null when the row is refused or will be created. */
    private Pair pair(Row row, Map<String, Map<String, Object>> records, Map<String, List<String>> recordsByMatch,
                      Map<String, List<String>> rowsByMatch, List<Row> toCreate) {
        if (row.storedId() != null) {
            if (records.containsKey(row.storedId())) {
                return new Pair(row, row.storedId(), false);
            }
            reject(row, "RECORD_NOT_VISIBLE", "the Salesforce Id stored in " + sync.idColumn() + " (" + row.storedId() + ") is not returned to the"
                    + " connection's user: the record was deleted, or sharing hides it; clear " + sync.idColumn() + " to match the row again");
            return null;
        }
        String key = matchKey(row.matchValue());
        if (key == null) {
            reject(row, "NO_MATCH_VALUE", "the row has no " + sync.matchColumn() + " to find its record by (and no stored Id)");
            return null;
        }
        List<String> sameRows = rowsByMatch.getOrDefault(key, List.of());
        List<String> sameRecords = recordsByMatch.getOrDefault(key, List.of());
        if (sameRows.size() > 1 || sameRecords.size() > 1) {
            String where = sameRecords.size() > 1 ? sameRecords.size() + " records (" + String.join(", ", sameRecords) + ")"
                    : sameRows.size() + " rows (" + String.join(", ", sameRows) + ")";
            conflicts.add(new Conflict(row.key(), null, sync.matchField(), row.matchValue(), String.join(", ", sameRecords),
                    "not merged: " + where + " share the " + sync.matchField() + " " + row.matchValue()));
            reject(row, "DUPLICATE_MATCH", where + " share the " + sync.matchField() + " '" + row.matchValue() + "'; sfsync never merges them: "
                    + "remove the duplicates, or store the right record's Id in " + sync.idColumn());
            return null;
        }
        if (sameRecords.size() == 1) {
            return new Pair(row, sameRecords.getFirst(), true);
        }
        toCreate.add(row);
        return null;
    }

    private void reject(Row row, String code, String message) {
        outcomes.add(new RowOutcome.RejectedLocally(RowKey.of(row.key()), new RowError(code, message, List.of())));
    }

    /** Compares each mapped field's two sides with its last-synced value and decides what flows where. */
    private void decide(Pair pair, Map<String, Object> record, BaseValues base) {
        for (TwoWayMapping m : sync.mappings()) {
            String field = object.field(m.field()).orElseThrow().name();
            String type = object.field(m.field()).orElseThrow().type();
            Object dbRaw = pair.row.values().get(m.column().toLowerCase(Locale.ROOT));
            Object sfRaw = record.get(field);
            String db = Canonical.of(dbRaw, type);
            String sf = Canonical.of(sfRaw, type);
            Optional<String> last = base.get(pair.row.key(), field);
            if (Objects.equals(db, sf)) {
                pair.base.put(field, db);
                continue;
            }
            boolean dbChanged = last == null || !Objects.equals(db, last.orElse(null));
            boolean sfChanged = last == null || !Objects.equals(sf, last.orElse(null));
            boolean inbound;
            if (dbChanged && sfChanged && m.direction() == TwoWayMapping.Direction.BOTH) {
                inbound = salesforceWins(pair.row, record);
                conflicts.add(new Conflict(pair.row.key(), pair.recordId, field, db, sf, sync.conflict().name().toLowerCase(Locale.ROOT) + " kept "
                        + (inbound ? "salesforce's" : "the database's") + " value"));
            } else if (sfChanged && m.direction().inbound()) {
                inbound = true;
            } else if (dbChanged && m.direction().outbound()) {
                inbound = false;
            } else {
                // The side that changed may not flow this way: both sides and the last-synced value stay as they are.
                continue;
            }
            if (inbound) {
                pair.toTable.put(m.column().toLowerCase(Locale.ROOT), sfRaw);
                pair.base.put(field, sf);
            } else {
                pair.toSalesforce.put(field, Canonical.forSalesforce(dbRaw));
                pair.outboundBase.put(field, db);
            }
        }
    }

    private boolean salesforceWins(Row row, Map<String, Object> record) {
        return switch (sync.conflict()) {
            case SALESFORCE_WINS -> true;
            case DATABASE_WINS -> false;
            case LATEST_WINS -> row.updatedAt() == null
                    || !Canonical.instant(record.get("LastModifiedDate")).isBefore(Canonical.instant(row.updatedAt()));
        };
    }

    private long create(List<Row> rows, List<Pair> pairs) {
        List<TwoWayMapping> outbound = sync.mappings().stream().filter(m -> m.direction().outbound()).toList();
        if (rows.isEmpty() || outbound.isEmpty()) {
            rows.forEach(r -> reject(r, "NO_RECORD", "no " + object.name() + " has the " + sync.matchField() + " '" + r.matchValue()
                    + "', and no field flows outbound to create one"));
            return 0;
        }
        long created = 0;
        for (int from = 0; from < rows.size(); from += SObjectCollections.MAX_RECORDS_PER_CALL) {
            List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + SObjectCollections.MAX_RECORDS_PER_CALL));
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (Row row : chunk) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put(object.field(sync.matchField()).orElseThrow().name(), row.matchValue());
                for (TwoWayMapping m : outbound) {
                    body.put(object.field(m.field()).orElseThrow().name(), Canonical.forSalesforce(row.values().get(m.column().toLowerCase(Locale.ROOT))));
                }
                bodies.add(body);
            }
            List<SaveResult> results = client.rest().collections().create(object.name(), bodies, false);
            for (int i = 0; i < chunk.size(); i++) {
                Row row = chunk.get(i);
                SaveResult result = results.get(i);
                if (result.success()) {
                    created++;
                    outcomes.add(new RowOutcome.Created(RowKey.of(row.key()), result.id()));
                    Pair pair = new Pair(row, result.id(), true);
                    for (TwoWayMapping m : outbound) {
                        String field = object.field(m.field()).orElseThrow().name();
                        pair.base.put(field, Canonical.of(row.values().get(m.column().toLowerCase(Locale.ROOT)), object.field(m.field()).orElseThrow().type()));
                    }
                    pairs.add(pair);
                } else {
                    outcomes.add(failed(row, result));
                }
            }
        }
        return created;
    }

    private static RowOutcome failed(Row row, SaveResult result) {
        var error = result.firstError();
        return new RowOutcome.Failed(RowKey.of(row.key()), new RowError(error.code(), error.message(), error.fields()), 1);
    }

    private long update(List<Pair> pairs) {
        List<Pair> sending = pairs.stream().filter(p -> !p.toSalesforce.isEmpty()).toList();
        long updated = 0;
        for (int from = 0; from < sending.size(); from += SObjectCollections.MAX_RECORDS_PER_CALL) {
            List<Pair> chunk = sending.subList(from, Math.min(sending.size(), from + SObjectCollections.MAX_RECORDS_PER_CALL));
            List<Map<String, Object>> bodies = new ArrayList<>();
            for (Pair pair : chunk) {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("Id", pair.recordId);
                body.putAll(pair.toSalesforce);
                bodies.add(body);
            }
            List<SaveResult> results = client.rest().collections().update(object.name(), bodies, false);
            for (int i = 0; i < chunk.size(); i++) {
                Pair pair = chunk.get(i);
                if (results.get(i).success()) {
                    updated++;
                    pair.base.putAll(pair.outboundBase);
                } else {
                    pair.failed = true;
                    outcomes.add(failed(pair.row, results.get(i)));
                }
            }
        }
        return updated;
    }

    /** Salesforce's values and stored-back Ids into the table, and every pair's last-synced values; committed by the caller. */
    private long writeTable(List<Pair> pairs, Map<String, String> columnTypes) throws SQLException {
        long updated = 0;
        for (Pair pair : pairs) {
            Map<String, Object> columns = new LinkedHashMap<>(pair.toTable);
            if (pair.storeIdBack) {
                columns.put(sync.idColumn().toLowerCase(Locale.ROOT), pair.recordId);
            }
            if (!columns.isEmpty()) {
                String set = String.join(", ", columns.keySet().stream().map(col -> col + " = ?").toList());
                try (PreparedStatement s = c.prepareStatement("UPDATE " + sync.table() + " SET " + set + " WHERE " + sync.keyColumn() + " = ?")) {
                    int i = 1;
                    for (Map.Entry<String, Object> column : columns.entrySet()) {
                        s.setObject(i++, TableValues.toColumn(columnTypes.get(column.getKey()), column.getValue()));
                    }
                    s.setString(i, pair.row.key());
                    s.executeUpdate();
                }
                updated++;
            }
            BaseValues.save(c, sync.name(), pair.row.key(), pair.recordId, pair.base);
            boolean wrote = !pair.toTable.isEmpty() || (!pair.toSalesforce.isEmpty() && !pair.failed);
            if (wrote && outcomes.stream().noneMatch(o -> o.key().equals(RowKey.of(pair.row.key())))) {
                outcomes.add(new RowOutcome.Updated(RowKey.of(pair.row.key()), pair.recordId));
            } else if (pair.storeIdBack && !wrote && outcomes.stream().noneMatch(o -> o.key().equals(RowKey.of(pair.row.key())))) {
                outcomes.add(new RowOutcome.Unchanged(RowKey.of(pair.row.key())));
            }
        }
        return updated;
    }

    private List<Row> readRows(Map<String, String> columnTypes) throws SQLException {
        List<String> columns = TwoWayValidation.columns(sync);
        List<Row> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT " + String.join(", ", columns) + " FROM " + sync.table())) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columnTypes.put(meta.getColumnName(i).toLowerCase(Locale.ROOT), meta.getColumnTypeName(i));
            }
            while (rs.next()) {
                Map<String, Object> values = new HashMap<>();
                for (String column : columns) {
                    values.put(column, rs.getObject(column));
                }
                Object stored = values.get(sync.idColumn().toLowerCase(Locale.ROOT));
                Object match = values.get(sync.matchColumn().toLowerCase(Locale.ROOT));
                rows.add(new Row(String.valueOf(values.get(sync.keyColumn().toLowerCase(Locale.ROOT))),
                        stored == null || String.valueOf(stored).isBlank() ? null : String.valueOf(stored),
                        match == null ? null : String.valueOf(match), sync.updatedAtColumn().map(col -> values.get(col.toLowerCase(Locale.ROOT))).orElse(null),
                        values));
            }
        }
        c.commit();
        return rows;
    }

    private Map<String, Map<String, Object>> readRecords() {
        LinkedHashSet<String> fields = new LinkedHashSet<>(List.of("Id", "LastModifiedDate", object.field(sync.matchField()).orElseThrow().name()));
        sync.mappings().forEach(m -> fields.add(object.field(m.field()).orElseThrow().name()));
        Map<String, Map<String, Object>> records = new LinkedHashMap<>();
        try (RecordStream stream = client.rest().query("SELECT " + String.join(", ", fields) + " FROM " + object.name())) {
            stream.forEachRemaining(r -> records.put(String.valueOf(r.get("Id")), r));
        }
        return records;
    }

    private String matchKey(Object value) {
        if (value == null || String.valueOf(value).isBlank()) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return sync.matchesByEmail() ? text.toLowerCase(Locale.ROOT) : text;
    }
}
