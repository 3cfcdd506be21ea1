package dev.sfsync.engine.run;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.sync.ApiChoice;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.error.ResourceNotFound;
import dev.sfsync.store.WriteIntents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Settles what earlier runs of a sync left unsettled (they were killed, or stopped on an error) before this run sends
 * anything: first every Bulk job they opened is waited for by its id (one never completed is aborted, so it processes
 * nothing), then every row they were about to create is looked up in Salesforce by its idempotency value. Rows found are
 * created already and are never sent again; the others were not created and go as usual.
 */
public final class Reconciler {
    /** Rows looked up in one page of the store. */
    private static final int PAGE = 2_000;

    /** What reconciling found. */
    public record Result(long rows, int jobs, Map<RowKey, String> created, java.util.Set<dev.sfsync.core.RunId> runs) {
        public long toResend() {
            return rows - created.size();
        }

        public boolean nothing() {
            return rows == 0 && jobs == 0;
        }
    }

    private final PreparedSync sync;
    private final SalesforceClient client;
    private final WriteIntents intents;

    public Reconciler(PreparedSync sync, SalesforceClient client, WriteIntents intents) {
        this.sync = sync;
        this.client = client;
        this.intents = intents;
    }

    public Result reconcile() {
        SyncId id = SyncId.of(sync.definition().name());
        List<WriteIntents.PendingJob> jobs = intents.pendingJobs(id);
        for (WriteIntents.PendingJob job : jobs) {
            awaitJob(job);
            intents.jobSettled(id, job.jobId());
        }
        long rows = 0;
        Map<RowKey, String> created = new HashMap<>();
        java.util.Set<dev.sfsync.core.RunId> runs = new java.util.TreeSet<>(java.util.Comparator.comparing(dev.sfsync.core.RunId::value));
        jobs.forEach(job -> runs.add(job.run()));
        RecordFinder finder = new RecordFinder(client);
        String field = sync.definition().hasIdempotencyKey() ? sync.field(sync.definition().match().orElseThrow().field()).name() : null;
        RowKey after = null;
        for (List<WriteIntents.PendingRow> page = intents.pendingRows(id, null, PAGE); !page.isEmpty(); page = intents.pendingRows(id, after, PAGE)) {
            rows += page.size();
            after = page.getLast().key();
            page.forEach(row -> runs.add(row.run()));
            if (field == null) {
                continue;
            }
            List<String> values = page.stream().map(WriteIntents.PendingRow::matchValue).filter(v -> v != null).toList();
            Map<String, String> found = finder.findNow(sync.object().name(), field, values);
            for (WriteIntents.PendingRow row : page) {
                String recordId = row.matchValue() == null ? null : found.get(row.matchValue());
                if (recordId != null) {
                    created.put(row.key(), recordId);
                }
            }
        }
        return new Result(rows, jobs.size(), created, runs);
    }

    private void awaitJob(WriteIntents.PendingJob job) {
        try {
            if (ApiChoice.BULK1.name().equals(job.api())) {
                client.bulk1().awaitJob(job.jobId());
            } else {
                client.bulk2().awaitIngestJob(job.jobId());
            }
        } catch (ResourceNotFound gone) {
            // Salesforce deleted the job (they are kept for days): its rows are found by their key like any other.
        }
    }
}
