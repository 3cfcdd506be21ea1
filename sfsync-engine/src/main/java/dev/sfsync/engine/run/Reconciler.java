package dev.sfsync.engine.run;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.sync.ApiChoice;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.bulk.KeyedAnswer;
import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.ResourceNotFound;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.store.WriteIntents;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Settles what earlier runs of a sync left unsettled (they were killed, or stopped on an error) before this run sends
 * anything. Every Bulk job they opened is waited for by its id (one never completed is aborted, so it processes
 * nothing), then its rows' outcomes are read from Salesforce's own answer: the job's result sets (Bulk 2.0) or each
 * batch's request beside its results (Bulk 1.0), matched to the rows by their idempotency value. Rows no job answers
 * for (their job was deleted or its results expired, or they went by REST) are looked up in Salesforce by that value.
 * Rows found created are never sent again; the others were not created and go as usual.
 */
public final class Reconciler {
    /** Rows looked up in one page of the store. */
    private static final int PAGE = 2_000;
    /** A row a job answered for without creating its record (failed or not processed). */
    private static final String NOT_CREATED = "";

    /**
     * What reconciling found.
     *
     * @param fromResults rows whose outcome came from their Bulk job's results
     * @param failed      rows Salesforce answered as failed or not processed (so not created)
     * @param jobsRead    jobs whose results were read
     * @param jobsGone    jobs Salesforce no longer has (deleted, or their results expired): their rows were looked up by key
     * @param keyField    the Salesforce field rows are looked up by; null for syncs without an idempotency key
     */
    public record Result(long rows, int jobs, Map<RowKey, String> created, Set<RunId> runs, long fromResults, long failed, List<String> jobsRead,
                         List<String> jobsGone, String keyField) {
        public long toResend() {
            return rows - created.size();
        }

        public boolean nothing() {
            return rows == 0 && jobs == 0;
        }

        /** Rows settled by looking them up in Salesforce by their key rather than from a job's answer. */
        public long byKey() {
            return keyField == null ? 0 : rows - fromResults;
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
        String field = sync.definition().hasIdempotencyKey() ? sync.field(sync.definition().match().orElseThrow().field()).name() : null;
        List<WriteIntents.PendingJob> jobs = intents.pendingJobs(id);
        // A killed run's jobs also hold the rows it had settled already: only answers for rows still unsettled are kept.
        Set<String> unsettled = field == null ? Set.of() : unsettledValues(id);
        Map<String, String> answers = new HashMap<>();
        List<String> read = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (WriteIntents.PendingJob job : jobs) {
            if (settle(job, unsettled.isEmpty() ? null : field, answer -> {
                if (unsettled.contains(answer.key())) {
                    answers.merge(answer.key(), answer.created() && answer.id() != null ? answer.id() : NOT_CREATED,
                            (before, now) -> before.equals(NOT_CREATED) ? now : before);
                }
            })) {
                read.add(job.jobId());
            } else {
                gone.add(job.jobId());
            }
            intents.jobSettled(id, job.jobId());
        }
        long rows = 0;
        long fromResults = 0;
        long failed = 0;
        Map<RowKey, String> created = new HashMap<>();
        Set<RunId> runs = new TreeSet<>(Comparator.comparing(RunId::value));
        jobs.forEach(job -> runs.add(job.run()));
        RecordFinder finder = new RecordFinder(client);
        RowKey after = null;
        for (List<WriteIntents.PendingRow> page = intents.pendingRows(id, null, PAGE); !page.isEmpty(); page = intents.pendingRows(id, after, PAGE)) {
            rows += page.size();
            after = page.getLast().key();
            page.forEach(row -> runs.add(row.run()));
            if (field == null) {
                continue;
            }
            List<String> unanswered = new ArrayList<>();
            for (WriteIntents.PendingRow row : page) {
                String answer = row.matchValue() == null ? null : answers.get(row.matchValue());
                if (answer == null) {
                    if (row.matchValue() != null) {
                        unanswered.add(row.matchValue());
                    }
                    continue;
                }
                fromResults++;
                if (answer.equals(NOT_CREATED)) {
                    failed++;
                    // A job's "not created" does not prove no earlier attempt (in a job now gone) created it: look.
                    unanswered.add(row.matchValue());
                } else {
                    created.put(row.key(), answer);
                }
            }
            Map<String, String> found = unanswered.isEmpty() ? Map.of() : finder.findNow(sync.object().name(), field, unanswered);
            for (WriteIntents.PendingRow row : page) {
                String answer = row.matchValue() == null ? null : answers.get(row.matchValue());
                String recordId = row.matchValue() == null || (answer != null && !answer.equals(NOT_CREATED)) ? null : found.get(row.matchValue());
                if (recordId != null) {
                    created.put(row.key(), recordId);
                    if (answer != null) {
                        failed--;
                    }
                }
            }
        }
        return new Result(rows, jobs.size(), created, runs, fromResults, failed, read, gone, field);
    }

    private Set<String> unsettledValues(SyncId id) {
        Set<String> values = new java.util.HashSet<>();
        RowKey after = null;
        for (List<WriteIntents.PendingRow> page = intents.pendingRows(id, null, PAGE); !page.isEmpty(); page = intents.pendingRows(id, after, PAGE)) {
            after = page.getLast().key();
            page.stream().map(WriteIntents.PendingRow::matchValue).filter(v -> v != null).forEach(values::add);
        }
        return values;
    }

    /**
     * Waits for the job to end, then hands its rows' answers; false when Salesforce no longer has the job or will not
     * give its results, so its rows must be looked up by key.
     */
    private boolean settle(WriteIntents.PendingJob job, String field, Consumer<KeyedAnswer> answers) {
        boolean bulk1 = ApiChoice.BULK1.name().equals(job.api());
        try {
            if (bulk1) {
                client.bulk1().awaitJob(job.jobId());
            } else {
                client.bulk2().awaitIngestJob(job.jobId());
            }
        } catch (ResourceNotFound gone) {
            return false;
        } catch (SalesforceException e) {
            if ("JOB_TIMEOUT".equals(e.errorCode())) {
                throw stillRunning(job, bulk1, e);
            }
            throw e;
        }
        if (field == null) {
            return true;
        }
        try {
            if (bulk1) {
                client.bulk1().answers(job.jobId(), field, answers);
            } else {
                client.bulk2().ingestAnswers(job.jobId(), field, answers);
            }
            return true;
        } catch (ResourceNotFound gone) {
            return false;
        } catch (SalesforceException e) {
            if (e.retryable()) {
                throw e;
            }
            // Salesforce will not give this job's results (an aborted job may have none): its rows are found by key instead.
            return false;
        }
    }

    private static SalesforceException stillRunning(WriteIntents.PendingJob job, boolean bulk1, SalesforceException timeout) {
        String api = bulk1 ? "Bulk API 1.0" : "Bulk API 2.0";
        return SalesforceException.of(new SalesforceException.Failure(api + " job " + job.jobId(), 0, ErrorKind.TRANSIENT, List.of(new SalesforceError(
                "JOB_TIMEOUT", "run " + job.run() + " was interrupted with " + api + " job " + job.jobId() + " still running at Salesforce, and it"
                        + " has not ended while this run waited for it (" + timeout.getMessage() + "). Nothing was sent: run the sync again once the"
                        + " job has ended (Setup > Bulk Data Load Jobs shows it), or abort it there to have its unprocessed rows sent again"))), timeout);
    }
}
