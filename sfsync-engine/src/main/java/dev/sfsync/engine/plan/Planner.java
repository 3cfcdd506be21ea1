package dev.sfsync.engine.plan;

import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.engine.sync.ApiChoice;
import dev.sfsync.engine.sync.SyncDefinition;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Computes a {@link Plan} from a change set: every change is decided and validated as a run would, counted, and
 * forgotten (memory does not grow with the model). Makes no API call.
 */
public final class Planner {
    private Planner() {
    }

    public static Plan plan(PreparedSync sync, ChangeSet changes) {
        RowPlanner planner = new RowPlanner(sync);
        Map<WriteKind, Long> writes = new EnumMap<>(WriteKind.class);
        Map<String, Long> rejectedByCode = new TreeMap<>();
        List<Plan.Reject> samples = new ArrayList<>();
        Map<String, Long> toMerge = new java.util.HashMap<>();
        long unchanged = 0;
        long rejected = 0;
        long idsToFind = 0;
        long lookupsToResolve = 0;
        try (Stream<Change> stream = changes.changes()) {
            for (Change change : (Iterable<Change>) stream::iterator) {
                switch (planner.decide(change)) {
                    case RowPlan.Settled settled when settled.outcome().error() != null -> {
                        rejected++;
                        rejectedByCode.merge(settled.outcome().error().code(), 1L, Long::sum);
                        if (samples.size() < Plan.SAMPLE_REJECTS) {
                            samples.add(new Plan.Reject(settled.key(), settled.outcome().error()));
                        }
                    }
                    case RowPlan.Settled settled -> unchanged++;
                    case RowPlan.Write write -> {
                        writes.merge(write.kind(), 1L, Long::sum);
                        if (write.kind().needsRecordId() && write.recordId() == null) {
                            idsToFind++;
                        }
                        lookupsToResolve += write.lookupValues().size();
                        if (sync.merge() != null) {
                            sync.merge().member(write.key()).filter(MergeGroups.Member::child)
                                    .ifPresent(child -> toMerge.merge(child.sharedId(), 1L, Long::sum));
                        }
                    }
                }
            }
        }
        long reads = sync.definition().mappings().stream().anyMatch(dev.sfsync.engine.sync.FieldMapping::onlyIfEmpty)
                ? writes.getOrDefault(WriteKind.UPDATE, 0L) + writes.getOrDefault(WriteKind.UPSERT, 0L) : 0;
        long calls = estimateWriteCalls(sync.definition(), writes) + ceilDiv(idsToFind, QUERY_CHUNK) + ceilDiv(lookupsToResolve, QUERY_CHUNK)
                + ceilDiv(reads, QUERY_CHUNK);
        long mergeCalls = toMerge.values().stream().mapToLong(n -> ceilDiv(n, dev.sfsync.engine.sync.MergeSpec.RECORDS_PER_CALL)).sum();
        calls += mergeCalls;
        long routed = sync.definition().options().orLead().isPresent() ? writes.values().stream().mapToLong(Long::longValue).sum() : 0;
        calls += 2 * ceilDiv(routed, QUERY_CHUNK);
        return new Plan(sync.definition().name(), changes.counts(), writes, unchanged, rejected, rejectedByCode, samples, calls,
                notices(sync, changes, reads, toMerge, mergeCalls));
    }

    private static List<String> notices(PreparedSync sync, ChangeSet changes, long reads, Map<String, Long> toMerge, long mergeCalls) {
        List<String> notices = new ArrayList<>(changes.notices());
        if (sync.definition().options().orLead().isPresent()) {
            notices.add("multi-object: each row's match value is looked up on " + sync.object().name() + " and Lead (two queries per "
                    + QUERY_CHUNK + " rows, included in the estimate); a row updates the " + sync.object().name() + " that has it, else the Lead,"
                    + " else creates a " + (sync.definition().options().orLead().get().createLeads() ? "Lead" : sync.object().name()));
        }
        if (!toMerge.isEmpty()) {
            notices.add("merge: " + toMerge.values().stream().mapToLong(Long::longValue).sum() + " child rows into the parents of " + toMerge.size()
                    + " groups, in " + mergeCalls + " merge calls (a master and up to " + dev.sfsync.engine.sync.MergeSpec.RECORDS_PER_CALL
                    + " records each; included in the estimate)");
        }
        if (reads > 0) {
            notices.add("only_if_empty (" + String.join(", ", sync.definition().mappings().stream().filter(dev.sfsync.engine.sync.FieldMapping::onlyIfEmpty)
                    .map(dev.sfsync.engine.sync.FieldMapping::field).toList()) + "): the current values of " + reads
                    + " records are read first, in about " + ceilDiv(reads, QUERY_CHUNK) + " queries (included in the estimate)");
        }
        if (sync.fullResync()) {
            notices.add("full resync: all " + changes.counts().modelRows() + " rows of the model are sent again, whatever the last runs sent"
                    + (sync.definition().mode() == dev.sfsync.engine.sync.SyncMode.INSERT
                    ? "; insert mode creates a new record for every row, also for rows whose record it created before" : ""));
        }
        return notices;
    }

    /** Values per lookup query: SOQL's IN list stays well under the URL and query length limits. */
    public static final int QUERY_CHUNK = 200;

    static long estimateWriteCalls(SyncDefinition sync, Map<WriteKind, Long> writes) {
        long calls = 0;
        for (Map.Entry<WriteKind, Long> entry : writes.entrySet()) {
            long rows = entry.getValue();
            if (rows == 0) {
                continue;
            }
            calls += switch (sync.api()) {
                case REST -> ceilDiv(rows, Math.min(sync.batchSize(), ApiChoice.REST.maxBatchSize()));
                // per load: create the job, close it, poll its batches at least once; per batch: upload, download its results
                case BULK1 -> 3 * ceilDiv(rows, ApiChoice.BULK_ROWS_PER_LOAD) + 2 * ceilDiv(rows, sync.batchSize());
                // per load (one job when it fits the upload limit): create, upload, close, poll at least once, the successes
                case BULK2 -> 5 * ceilDiv(rows, ApiChoice.BULK_ROWS_PER_LOAD);
            };
        }
        return calls;
    }

    static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
