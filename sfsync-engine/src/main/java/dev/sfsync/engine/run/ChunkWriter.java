package dev.sfsync.engine.run;

import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.plan.RowPlan;
import dev.sfsync.engine.plan.WriteKind;
import dev.sfsync.engine.sync.Lookup;
import dev.sfsync.engine.sync.Match;
import dev.sfsync.salesforce.describe.SObjectDescribe;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.error.ServerError;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes one chunk of same-kind rows: finds the Ids of rows matched by an external ID, resolves lookups, leaves
 * create-only fields out of upserts of existing records, then either writes the chunk (REST: retrying the rows that
 * failed with a retryable code alone) and returns one outcome per row, or hands the records to the run's Bulk loads
 * and returns the outcomes of the rows that settled before sending (the loads report the others).
 */
final class ChunkWriter {
    private final PreparedSync sync;
    private final RowWriter writer;
    private final BulkDelivery bulk;
    private final RecordFinder finder;
    private final SplitRetry retry;
    private final Set<String> createOnly;
    private final OutageBudget outage = new OutageBudget();
    private final List<String> onlyIfEmpty;
    private CallLinks links = CallLinks.NONE;

    private ChunkWriter(PreparedSync sync, RowWriter writer, BulkDelivery bulk, RecordFinder finder, SplitRetry retry) {
        this.sync = sync;
        this.writer = writer;
        this.bulk = bulk;
        this.finder = finder;
        this.retry = retry;
        this.createOnly = sync.createOnlyFields();
        this.onlyIfEmpty = sync.definition().mappings().stream().filter(dev.sfsync.engine.sync.FieldMapping::onlyIfEmpty)
                .map(m -> sync.field(m.field()).name()).toList();
    }

    /** @param links told which write call decided each failed row (a retry's rows: the call of the try that settled them) */
    static ChunkWriter writing(PreparedSync sync, RowWriter writer, RecordFinder finder, SplitRetry retry, CallLinks links) {
        ChunkWriter chunks = new ChunkWriter(sync, writer, null, finder, retry);
        chunks.links = links;
        return chunks;
    }

    static ChunkWriter loading(PreparedSync sync, BulkDelivery bulk, RecordFinder finder) {
        return new ChunkWriter(sync, null, bulk, finder, null);
    }

    /** A row on its way: its plan, and the record sent for it once known. */
    private static final class Pending {
        final RowPlan.Write plan;
        Map<String, Object> record;
        String recordId;
        boolean settled;

        Pending(RowPlan.Write plan) {
            this.plan = plan;
            this.recordId = plan.recordId();
        }
    }

    List<RowOutcome> write(WriteKind kind, List<RowPlan.Write> chunk) {
        List<RowOutcome> outcomes = new ArrayList<>(chunk.size());
        List<Pending> ready = new ArrayList<>();
        List<Pending> pending = chunk.stream().map(Pending::new).toList();
        try {
            findRecordIds(kind, pending, outcomes);
            for (Pending row : pending) {
                if (!row.settled) {
                    RowError error = buildRecord(kind, row);
                    if (error != null) {
                        outcomes.add(new RowOutcome.Failed(row.plan.key(), error, 0));
                    } else {
                        ready.add(row);
                    }
                }
            }
            leaveOutCreateOnlyFields(kind, ready);
            leaveOutFilledFields(kind, ready);
        } catch (SalesforceException e) {
            failAll(pending, outcomes, Errors.row(e), 0);
            if (endsRun(e) || outage.spentBy(e)) {
                throw new ChunkAborted(outcomes, e);
            }
            return outcomes;
        }
        if (bulk != null) {
            ready.forEach(row -> bulk.add(kind, row.plan.key(), row.recordId, row.record));
        } else {
            send(kind, ready, outcomes);
        }
        return outcomes;
    }

    /** Rows matched by an external ID need their record's Id to update, clear or delete it. */
    private void findRecordIds(WriteKind kind, List<Pending> rows, List<RowOutcome> outcomes) {
        if (!kind.needsRecordId()) {
            return;
        }
        List<String> values = rows.stream().filter(r -> r.recordId == null).map(r -> r.plan.matchValue()).toList();
        if (values.isEmpty()) {
            return;
        }
        String field = matchField();
        Map<String, String> ids = finder.find(sync.object().name(), field, values);
        for (Pending row : rows) {
            if (row.recordId == null) {
                row.recordId = ids.get(row.plan.matchValue());
                if (row.recordId == null) {
                    row.settled = true;
                    // A record an archive sync should delete is already gone: nothing is left to do.
                    outcomes.add(kind == WriteKind.DELETE && sync.definition().mode() == dev.sfsync.engine.sync.SyncMode.ARCHIVE
                            ? new RowOutcome.Unchanged(row.plan.key())
                            : new RowOutcome.Failed(row.plan.key(), RowError.of(Errors.RECORD_NOT_FOUND, "No " + sync.object().name()
                                    + " has " + field + " = '" + row.plan.matchValue() + "'", field), 0));
                }
            }
        }
    }

    /** The record to send, with lookups resolved; or the error of a lookup that found nothing. */
    private RowError buildRecord(WriteKind kind, Pending row) {
        Map<String, Object> record = new LinkedHashMap<>();
        if (kind.needsRecordId()) {
            record.put("Id", row.recordId);
        }
        if (kind == WriteKind.UPSERT || (kind == WriteKind.CREATE && sync.definition().hasIdempotencyKey())) {
            record.put(matchField(), row.plan.matchValue());
        }
        if (kind != WriteKind.DELETE) {
            record.putAll(row.plan.fields());
        }
        for (Map.Entry<String, String> entry : row.plan.lookupValues().entrySet()) {
            Lookup lookup = lookupOf(entry.getKey());
            String id = resolve(lookup, entry.getValue());
            if (id == null) {
                return RowError.of(Errors.REFERENCE_NOT_FOUND, "Reference not found: no " + lookup.object() + " has " + lookup.matchField()
                        + " = '" + entry.getValue() + "' (for " + entry.getKey() + ", from column " + lookup.column() + ")", entry.getKey());
            }
            record.put(entry.getKey(), id);
        }
        row.record = record;
        return null;
    }

    /** A value that already is an Id of the lookup's object is used as it is, without a query. */
    private String resolve(Lookup lookup, String value) {
        SObjectDescribe target = sync.lookupObjects().get(sync.field(lookup.field()).name());
        if (looksLikeIdOf(target, value) || lookup.matchField().equalsIgnoreCase("Id")) {
            return value;
        }
        return finder.find(lookup.object(), lookup.matchField(), List.of(value)).get(value);
    }

    /** Resolves the lookups of a whole chunk in batched queries before the rows ask one by one (answers are cached). */
    void prefetchLookups(List<RowPlan.Write> chunk) {
        for (Lookup lookup : sync.definition().lookups()) {
            String field = sync.field(lookup.field()).name();
            SObjectDescribe target = sync.lookupObjects().get(field);
            List<String> values = chunk.stream().map(w -> w.lookupValues().get(field))
                    .filter(v -> v != null && !looksLikeIdOf(target, v)).toList();
            if (!values.isEmpty() && !lookup.matchField().equalsIgnoreCase("Id")) {
                finder.find(lookup.object(), lookup.matchField(), values);
            }
        }
    }

    static boolean looksLikeIdOf(SObjectDescribe object, String value) {
        return object != null && object.keyPrefix() != null && (value.length() == 15 || value.length() == 18)
                && value.startsWith(object.keyPrefix()) && value.chars().allMatch(Character::isLetterOrDigit);
    }

    /** Salesforce refuses create-only fields on update, so an upsert of an existing record must not carry them. */
    private void leaveOutCreateOnlyFields(WriteKind kind, List<Pending> rows) {
        if (kind != WriteKind.UPSERT || createOnly.isEmpty() || rows.isEmpty()) {
            return;
        }
        Map<String, String> existing = finder.find(sync.object().name(), matchField(), rows.stream().map(r -> r.plan.matchValue()).toList());
        for (Pending row : rows) {
            if (row.plan.recordId() != null || existing.containsKey(row.plan.matchValue())) {
                createOnly.forEach(row.record::remove);
            }
        }
    }

    /** only_if_empty: a field the record already has a value in is left out, which costs a read of the chunk's records. */
    private void leaveOutFilledFields(WriteKind kind, List<Pending> rows) {
        if ((kind != WriteKind.UPSERT && kind != WriteKind.UPDATE) || onlyIfEmpty.isEmpty() || rows.isEmpty()) {
            return;
        }
        boolean byId = kind == WriteKind.UPDATE;
        String keyField = byId ? "Id" : matchField();
        Map<String, Map<String, Object>> current = finder.currentValues(sync.object().name(), keyField,
                rows.stream().map(r -> byId ? r.recordId : r.plan.matchValue()).toList(), onlyIfEmpty);
        for (Pending row : rows) {
            Map<String, Object> record = current.get(byId ? row.recordId : row.plan.matchValue());
            if (record != null) {
                for (String field : onlyIfEmpty) {
                    Object value = RecordFinder.valueOf(record, field);
                    if (value != null && !value.toString().isEmpty()) {
                        row.record.remove(field);
                    }
                }
            }
        }
    }

    private void send(WriteKind kind, List<Pending> rows, List<RowOutcome> outcomes) {
        List<Pending> toSend = rows;
        for (int attempt = 1; !toSend.isEmpty(); attempt++) {
            if (attempt > 1) {
                retry.waitBefore(attempt);
            }
            List<WriteResult> results;
            try {
                results = writer.write(new WriteBatch(sync.object().name(), kind.operation(), matchFieldOrNull(kind),
                        toSend.stream().map(r -> r.record).toList()));
            } catch (SalesforceException e) {
                if (kind == WriteKind.CREATE && e instanceof ServerError lost && lost.outcomeUnknown()) {
                    // Salesforce may have created these records: never send them again without finding out first.
                    toSend = unknownCreates(toSend, outcomes, lost, attempt);
                    continue;
                }
                boolean outageTooLong = outage.spentBy(e);
                if (!e.retryable() || attempt >= retry.maxTries() || outageTooLong) {
                    int before = outcomes.size();
                    failAll(toSend, outcomes, Errors.row(e), attempt);
                    links.decidedByLastCall(outcomes.subList(before, outcomes.size()));
                    if (endsRun(e) || outageTooLong) {
                        throw new ChunkAborted(outcomes, e);
                    }
                    return;
                }
                continue;
            }
            outage.succeeded();
            Long call = links.lastCall();
            List<Pending> again = new ArrayList<>();
            for (int i = 0; i < toSend.size(); i++) {
                Pending row = toSend.get(i);
                WriteResult result = results.get(i);
                if (result.success()) {
                    outcomes.add(written(kind, row.plan.key(), row.recordId, result.id(), result.created()));
                } else if (retry.retries(result.error().code()) && attempt < retry.maxTries()) {
                    again.add(row);
                } else {
                    outcomes.add(new RowOutcome.Failed(row.plan.key(), result.error(), attempt));
                    if (call != null) {
                        links.decided(row.plan.key(), call);
                    }
                }
            }
            toSend = again;
        }
    }

    /**
     * Creates whose answer was lost: with an idempotency key, the rows found in Salesforce by it are settled as created
     * and the others may go again; without one, the sync's insert_without_key decides (send again, or report them
     * OUTCOME_UNKNOWN and not send them). Returns the rows to send again.
     */
    private List<Pending> unknownCreates(List<Pending> rows, List<RowOutcome> outcomes, ServerError lost, int attempt) {
        boolean lastTry = attempt >= retry.maxTries();
        if (!sync.definition().hasIdempotencyKey()) {
            if (sync.definition().insertWithoutKey() == dev.sfsync.engine.sync.InsertWithoutKey.AT_LEAST_ONCE && !lastTry) {
                return rows;
            }
            failAll(rows, outcomes, RowError.of(Errors.OUTCOME_UNKNOWN, "Salesforce's answer to this create was lost (" + lost.errorCode()
                    + "); it may or may not have been created, so it is not sent again (insert_without_key: at_most_once)"), attempt);
            return List.of();
        }
        Map<String, String> found = finder.findNow(sync.object().name(), matchField(), rows.stream().map(r -> r.plan.matchValue()).toList());
        List<Pending> absent = new ArrayList<>();
        for (Pending row : rows) {
            String id = found.get(row.plan.matchValue());
            if (id != null) {
                outcomes.add(new RowOutcome.Created(row.plan.key(), id));
            } else if (lastTry) {
                outcomes.add(new RowOutcome.Failed(row.plan.key(), Errors.row(lost), attempt));
            } else {
                absent.add(row);
            }
        }
        return absent;
    }

    /** A written row's outcome: the Id Salesforce reported, else the one the row was sent with. */
    static RowOutcome written(WriteKind kind, dev.sfsync.core.model.RowKey key, String knownId, String reportedId, boolean created) {
        String id = reportedId != null ? reportedId : knownId;
        return switch (kind) {
            case CREATE -> new RowOutcome.Created(key, id);
            case UPSERT -> created ? new RowOutcome.Created(key, id) : new RowOutcome.Updated(key, id);
            case UPDATE, CLEAR -> new RowOutcome.Updated(key, id);
            case DELETE -> new RowOutcome.Deleted(key, id);
        };
    }

    private static void failAll(List<Pending> rows, List<RowOutcome> outcomes, RowError error, int attempt) {
        Map<Object, Boolean> done = new HashMap<>();
        outcomes.forEach(o -> done.put(o.key(), true));
        for (Pending row : rows) {
            if (!done.containsKey(row.plan.key())) {
                outcomes.add(new RowOutcome.Failed(row.plan.key(), error, attempt));
            }
        }
    }

    /** Failures no other batch of the run can escape: the login, or a spent limit. */
    static boolean endsRun(SalesforceException e) {
        return switch (e.kind()) {
            case AUTHENTICATION, RECONNECT_NEEDED, LIMIT -> true;
            default -> false;
        };
    }

    private String matchField() {
        Match match = sync.definition().match().orElseThrow();
        return sync.field(match.field()).name();
    }

    private String matchFieldOrNull(WriteKind kind) {
        return kind == WriteKind.UPSERT ? matchField() : null;
    }

    private Lookup lookupOf(String field) {
        Optional<Lookup> lookup = sync.definition().lookups().stream().filter(l -> l.field().equalsIgnoreCase(field)).findFirst();
        return lookup.orElseThrow();
    }

    /** The chunk's call failed in a way that ends the run (login, limit, permission); its rows' outcomes are settled. */
    static final class ChunkAborted extends RuntimeException {
        final transient List<RowOutcome> outcomes;

        ChunkAborted(List<RowOutcome> outcomes, SalesforceException cause) {
            super(cause.getMessage(), cause);
            this.outcomes = List.copyOf(outcomes);
        }

        SalesforceException salesforceCause() {
            return (SalesforceException) getCause();
        }
    }
}
