package dev.sfsync.engine.twoway;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.describe.SObjectDescribe;
import dev.sfsync.salesforce.rest.SObjectCollections;
import dev.sfsync.salesforce.rest.SaveResult;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One run of a two-way sync. Stages the object's records in the destination database, pairs them with the table's rows
 * there ({@link TwoWayPlan}), and reads the pairs a page at a time, so memory does not grow with the table or the
 * object. Per mapped field it compares both sides with the value last synced: the side that changed flows to the
 * other (if its direction allows), both changed is a conflict the rule settles. Creates and updates wait until 200
 * are gathered (a call's worth), across pages; once a pair is written to Salesforce, its table writes and new
 * last-synced values commit together with the page's. A crash in between leaves Salesforce ahead of the last-synced
 * values: the next run sees those fields changed on Salesforce's side and brings them in.
 */
final class TwoWayRun {
    /** Rows paired, decided and written per step; Salesforce calls take 200 of them. */
    static final int PAGE = 1_000;

    private final TwoWaySyncDefinition sync;
    private final SObjectDescribe object;
    private final SalesforceClient client;
    private final Connection c;
    private final Consumer<List<RowOutcome>> sink;
    private final List<Conflict> conflicts = new ArrayList<>();
    private final List<RowOutcome> problems = new ArrayList<>();
    private List<RowOutcome> outcomes = new ArrayList<>();
    private final List<Row> pendingCreates = new ArrayList<>();
    private final List<Pair> pendingUpdates = new ArrayList<>();
    private long created;
    private long updatedInSalesforce;
    private long updatedInTable;
    private long unchanged;
    private long rejected;
    private long failed;

    /** @param sink takes each page's row outcomes once the page is committed */
    TwoWayRun(TwoWaySyncDefinition sync, SObjectDescribe object, SalesforceClient client, Connection c, Consumer<List<RowOutcome>> sink) {
        this.sync = sync;
        this.object = object;
        this.client = client;
        this.c = c;
        this.sink = sink;
    }

    private record Row(String key, String storedId, String matchValue, Object updatedAt, Map<String, Object> values) {
        static Row of(TwoWayPlan.Entry entry) {
            return new Row(entry.key(), entry.storedId(), entry.matchValue(), entry.updatedAt(), entry.values());
        }
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
        BaseValues.createTable(c);
        long sequence = BaseValues.keepNewest(c, sync.name());
        c.commit();
        List<String> fields = sync.mappings().stream().map(m -> object.field(m.field()).orElseThrow().name()).distinct().toList();
        StagedRecords.Staged staged = StagedRecords.stage(c, client, sync.api(), object.name(), object.field(sync.matchField()).orElseThrow().name(), fields);
        TwoWayPlan plan = TwoWayPlan.build(c, sync, fields);
        try (PageWrites writes = new PageWrites(c, sync, writtenColumns(), sequence)) {
            c.commit();
            for (long from = 0; from < plan.size(); from += PAGE) {
                List<Pair> ready = decidePage(plan.page(from, PAGE, sync));
                ready.addAll(sendToSalesforce(false));
                commit(ready, plan.columnTypes(), writes);
            }
            commit(sendToSalesforce(true), plan.columnTypes(), writes);
        }
        plan.drop();
        c.commit();
        return new TwoWayResult(sync.name(), staged.api(), created, updatedInSalesforce, updatedInTable, unchanged, rejected, failed, conflicts, problems);
    }

    /** The stored-back Id and the columns Salesforce's values may flow into. */
    private List<String> writtenColumns() {
        List<String> columns = new ArrayList<>(List.of(sync.idColumn().toLowerCase(Locale.ROOT)));
        sync.mappings().stream().filter(m -> m.direction().inbound()).map(m -> m.column().toLowerCase(Locale.ROOT)).forEach(columns::add);
        return columns.stream().distinct().toList();
    }

    private void keepIfProblem(RowOutcome outcome) {
        if (outcome instanceof RowOutcome.RejectedLocally) {
            rejected++;
        } else if (outcome instanceof RowOutcome.Failed) {
            failed++;
        } else {
            return;
        }
        if (problems.size() < TwoWayResult.PROBLEMS_KEPT) {
            problems.add(outcome);
        }
    }

    /**
     * Decides each row of a page. Returns the pairs ready for the table (nothing to send, or only Ids and last-synced
     * values to keep); rows to create and pairs to update wait in {@link #pendingCreates} and {@link #pendingUpdates}
     * until a call's worth (200) is gathered, so that edits spread thin over many pages still cost the fewest calls.
     */
    private List<Pair> decidePage(List<TwoWayPlan.Entry> page) {
        List<Pair> ready = new ArrayList<>();
        for (TwoWayPlan.Entry entry : page) {
            Pair pair = pair(entry, pendingCreates);
            if (pair != null) {
                decide(pair, entry);
                if (pair.toSalesforce.isEmpty() && pair.toTable.isEmpty() && !pair.storeIdBack) {
                    unchanged++;
                    outcomes.add(new RowOutcome.Unchanged(RowKey.of(entry.key())));
                    if (!pair.base.equals(currentBase(entry, pair.base))) {
                        ready.add(pair);   // only the last-synced values move, e.g. both sides made the same edit
                    }
                } else if (!pair.toSalesforce.isEmpty()) {
                    pendingUpdates.add(pair);
                } else {
                    ready.add(pair);
                }
            }
        }
        return ready;
    }

    /**
     * Creates and updates the waiting records, whole calls only unless {@code all}; returns the pairs written (or
     * failed), which now go to the table. A pair's table writes and last-synced values are committed only after its
     * Salesforce write, as before: a crash leaves Salesforce ahead, never the table.
     */
    private List<Pair> sendToSalesforce(boolean all) {
        int call = SObjectCollections.MAX_RECORDS_PER_CALL;
        List<Pair> written = new ArrayList<>();
        int creates = all ? pendingCreates.size() : pendingCreates.size() - pendingCreates.size() % call;
        if (creates > 0) {
            List<Row> sending = new ArrayList<>(pendingCreates.subList(0, creates));
            pendingCreates.subList(0, creates).clear();
            created += create(sending, written);
        }
        int updates = all ? pendingUpdates.size() : pendingUpdates.size() - pendingUpdates.size() % call;
        if (updates > 0) {
            List<Pair> sending = new ArrayList<>(pendingUpdates.subList(0, updates));
            pendingUpdates.subList(0, updates).clear();
            updatedInSalesforce += update(sending);
            written.addAll(sending);
        }
        return written;
    }

    /** The pairs' table writes and last-synced values, committed; then the row outcomes gathered so far go to the sink. */
    private void commit(List<Pair> ready, Map<String, String> columnTypes, PageWrites writes) throws SQLException {
        updatedInTable += writeTable(ready, columnTypes, writes);
        c.commit();
        sink.accept(List.copyOf(outcomes));
        outcomes.forEach(this::keepIfProblem);
        outcomes = new ArrayList<>();
    }

    private static Map<String, String> currentBase(TwoWayPlan.Entry entry, Map<String, String> fields) {
        Map<String, String> current = new LinkedHashMap<>();
        for (String field : fields.keySet()) {
            Optional<String> value = entry.last(field);
            current.put(field, value == null ? "\u0000absent" : value.orElse(null));
        }
        return current;
    }

    /** The record a row belongs to, or null when the row is refused or will be created. */
    private Pair pair(TwoWayPlan.Entry entry, List<Row> toCreate) {
        Row row = Row.of(entry);
        if (row.storedId() != null) {
            if (entry.recordId() != null) {
                return new Pair(row, entry.recordId(), false);
            }
            reject(row, "RECORD_NOT_VISIBLE", "the Salesforce Id stored in " + sync.idColumn() + " (" + row.storedId() + ") is not returned to the"
                    + " connection's user: the record was deleted, or sharing hides it; clear " + sync.idColumn() + " to match the row again");
            return null;
        }
        if (entry.matchKey() == null) {
            reject(row, "NO_MATCH_VALUE", "the row has no " + sync.matchColumn() + " to find its record by (and no stored Id)");
            return null;
        }
        if (entry.rowsSharing() > 1 || entry.recordsSharing() > 1) {
            String where = entry.recordsSharing() > 1 ? entry.recordsSharing() + " records (" + entry.recordIdsSharing() + ")"
                    : entry.rowsSharing() + " rows (" + entry.rowKeysSharing() + ")";
            conflicts.add(new Conflict(row.key(), null, sync.matchField(), row.matchValue(), Objects.requireNonNullElse(entry.recordIdsSharing(), ""),
                    "not merged: " + where + " share the " + sync.matchField() + " " + row.matchValue()));
            reject(row, "DUPLICATE_MATCH", where + " share the " + sync.matchField() + " '" + row.matchValue() + "'; sfsync never merges them: "
                    + "remove the duplicates, or store the right record's Id in " + sync.idColumn());
            return null;
        }
        if (entry.recordsSharing() == 1) {
            return new Pair(row, entry.recordId(), true);
        }
        toCreate.add(row);
        return null;
    }

    private void reject(Row row, String code, String message) {
        outcomes.add(new RowOutcome.RejectedLocally(RowKey.of(row.key()), new RowError(code, message, List.of())));
    }

    /** Compares each mapped field's two sides with its last-synced value and decides what flows where. */
    private void decide(Pair pair, TwoWayPlan.Entry entry) {
        Map<String, Object> record = entry.record();
        for (TwoWayMapping m : sync.mappings()) {
            String field = object.field(m.field()).orElseThrow().name();
            String type = object.field(m.field()).orElseThrow().type();
            Object dbRaw = pair.row.values().get(m.column().toLowerCase(Locale.ROOT));
            Object sfRaw = record.get(field);
            String db = Canonical.of(dbRaw, type);
            String sf = Canonical.of(sfRaw, type);
            Optional<String> last = entry.last(field);
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
    private long writeTable(List<Pair> pairs, Map<String, String> columnTypes, PageWrites writes) throws SQLException {
        Set<RowKey> decided = new HashSet<>();
        outcomes.forEach(o -> decided.add(o.key()));
        for (Pair pair : pairs) {
            Map<String, Object> columns = new LinkedHashMap<>();
            pair.toTable.forEach((column, value) -> columns.put(column, TableValues.toColumn(columnTypes.get(column), value)));
            if (pair.storeIdBack) {
                columns.put(sync.idColumn().toLowerCase(Locale.ROOT), TableValues.toColumn(columnTypes.get(sync.idColumn().toLowerCase(Locale.ROOT)),
                        pair.recordId));
            }
            if (!columns.isEmpty()) {
                writes.row(pair.row.key(), columns);
            }
            writes.base(pair.row.key(), pair.recordId, pair.base);
            boolean wrote = !pair.toTable.isEmpty() || (!pair.toSalesforce.isEmpty() && !pair.failed);
            RowKey key = RowKey.of(pair.row.key());
            if (wrote && decided.add(key)) {
                outcomes.add(new RowOutcome.Updated(key, pair.recordId));
            } else if (pair.storeIdBack && !wrote && decided.add(key)) {
                outcomes.add(new RowOutcome.Unchanged(key));
            }
        }
        return writes.apply();
    }
}
