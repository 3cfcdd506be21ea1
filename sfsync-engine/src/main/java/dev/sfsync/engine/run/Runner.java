package dev.sfsync.engine.run;

import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.plan.RowPlan;
import dev.sfsync.engine.plan.RowPlanner;
import dev.sfsync.engine.plan.WriteKind;
import dev.sfsync.engine.sync.ApiChoice;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.error.SalesforceException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Executes a sync's change set: decides every change as the planner does, prepares and writes rows in chunks (in
 * parallel up to the sync's parallelism, with at most twice that in flight so memory stays bounded), and hands every
 * row's one outcome to {@code settle} as soon as it is known, always on the thread that called {@link #run} (the
 * change set's DuckDB appender is confined to the thread that opened it). Does not commit the change set.
 * <p>
 * REST writes each chunk as it is prepared. The Bulk APIs stream every prepared record of a write kind into one load
 * (a Bulk 2.0 ingest or a Bulk 1.0 job, which the client splits into jobs or batches), so a run makes as few jobs as
 * Salesforce's limits allow; those rows' outcomes arrive when their load ends.
 */
public final class Runner {
    /** Rows prepared together for a Bulk load: their record Ids and lookups are found in batched queries. */
    static final int BULK_PREPARE_CHUNK = 2_000;
    /** Chunks prepared at once for Bulk: enough to overlap the lookup queries, while the load takes rows one at a time. */
    static final int BULK_PREPARE_THREADS = 4;
    static final int OUTCOMES_PER_SETTLE = 10_000;

    private final PreparedSync sync;
    private final Consumer<List<RowOutcome>> settle;
    private final AtomicReference<ChunkWriter.ChunkAborted> aborted = new AtomicReference<>();
    private final BlockingQueue<List<RowOutcome>> written = new LinkedBlockingQueue<>();
    private final int chunkSize;
    private final int threads;
    private ChunkWriter chunks;
    private BulkDelivery bulk;
    private WriteAheadLog log = WriteAheadLog.NONE;
    private Map<dev.sfsync.core.model.RowKey, String> alreadyCreated = Map.of();
    private java.util.function.BooleanSupplier leaseLost = () -> false;
    private java.util.function.BooleanSupplier cancelled = () -> false;
    private final java.util.concurrent.atomic.AtomicBoolean heldBack = new java.util.concurrent.atomic.AtomicBoolean();
    private final java.util.concurrent.atomic.AtomicBoolean createsUncertain = new java.util.concurrent.atomic.AtomicBoolean();
    /** Set for Bulk runs that may write their plain rows set-based (see {@link SqlBulkLoad}). */
    private SqlBulkLoad.Context setBased;
    private int rowsPerLoad;

    private volatile CallLinks links = CallLinks.NONE;
    /** What the writers made here are given: whatever {@link #linkCalls} sets, even after they were made. */
    private final CallLinks linksOfRun = new CallLinks() {
        @Override
        public Long lastCall() {
            return links.lastCall();
        }

        @Override
        public void decided(dev.sfsync.core.model.RowKey key, long call) {
            links.decided(key, call);
        }
    };

    private Runner(PreparedSync sync, Consumer<List<RowOutcome>> settle, int chunkSize, int threads) {
        this.sync = sync;
        this.settle = settle;
        this.chunkSize = chunkSize;
        this.threads = threads;
    }

    /** Writes chunk by chunk through REST sObject Collections (or any batch writer). */
    public static Runner writing(PreparedSync sync, RowWriter writer, SalesforceClient client, SplitRetry retry, Consumer<List<RowOutcome>> settle,
                                 WriteAheadLog log) {
        Runner runner = new Runner(sync, settle, writer.chunkSize(), writer.concurrent() ? sync.definition().parallelism() : 1);
        runner.log = log;
        runner.chunks = ChunkWriter.writing(sync, writer, new RecordFinder(client), retry, runner.linksOfRun);
        return runner;
    }

    /** Tells {@code links} which API call decided each failed row: the REST write, or the Bulk result read, that answered it. */
    public Runner linkCalls(CallLinks links) {
        this.links = links;
        return this;
    }

    /** Streams through a Bulk API, a new load per write kind every {@code rowsPerLoad} rows. */
    public static Runner loading(PreparedSync sync, ApiChoice api, SalesforceClient client, SplitRetry retry, int rowsPerLoad,
                                 Consumer<List<RowOutcome>> settle, WriteAheadLog log) {
        Runner runner = new Runner(sync, settle, BULK_PREPARE_CHUNK, Math.min(sync.definition().parallelism(), BULK_PREPARE_THREADS));
        runner.log = log;
        String externalIdField = sync.definition().match().map(m -> sync.field(m.field()).name()).orElse(null);
        BulkLoad.Context context = new BulkLoad.Context(BulkApi.of(sync.definition(), client, log), sync.object().name(),
                externalIdField, retry, client.workDirectory(), runner.written::add,
                e -> runner.aborted.compareAndSet(null, new ChunkWriter.ChunkAborted(List.of(), e)), runner.linksOfRun,
                () -> runner.createsUncertain.set(true));
        runner.bulk = new BulkDelivery(sync, context, rowsPerLoad);
        runner.chunks = ChunkWriter.loading(sync, runner.bulk, new RecordFinder(client));
        runner.rowsPerLoad = rowsPerLoad;
        if (api == ApiChoice.BULK2 || api == ApiChoice.BULK1) {
            runner.setBased = new SqlBulkLoad.Context(client, api, context.api(), sync.object().name(), retry, log, settle,
                    () -> runner.cancelled.getAsBoolean(), () -> runner.leaseLost.getAsBoolean(), runner.linksOfRun, null);
        }
        return runner;
    }

    /**
     * Rows a Bulk load writes set-based and Salesforce accepts are recorded in the change set straight from the joined
     * results, and only their counts by status reach {@code counted}, never {@code settle}: for runs that keep the
     * outcomes of failed and rejected rows only. Failed and rejected rows still reach {@code settle} one by one.
     */
    public Runner countingSuccesses(Consumer<Map<dev.sfsync.core.outcome.OutcomeStatus, Long>> counted) {
        if (setBased != null) {
            setBased = setBased.withCounted(counted);
        }
        return this;
    }

    /**
     * Rows an earlier, interrupted run created (found again by their idempotency key when this run reconciled): they
     * are settled as created with that record, never sent again.
     */
    public Runner alreadyCreated(Map<dev.sfsync.core.model.RowKey, String> created) {
        this.alreadyCreated = Map.copyOf(created);
        return this;
    }

    /** Once this says the run's lease on its sync is lost (another process may run it now), no further chunk is sent. */
    public Runner stopWhen(java.util.function.BooleanSupplier lost) {
        this.leaseLost = lost;
        return this;
    }

    /**
     * Once this says the run was cancelled, no further chunk is sent: it is checked before each write call (a REST
     * chunk, or rows joining a Bulk load). Rows already sent, Bulk rows already loaded included, are waited for and keep
     * their outcomes; the rest get none, so the change set leaves them pending for the next run.
     */
    public Runner cancelWhen(java.util.function.BooleanSupplier requested) {
        this.cancelled = requested;
        return this;
    }

    /**
     * Sends every row through the planner, as REST does, instead of writing the plain rows of a Bulk upsert
     * set-based in the change set's database (for comparing the two; both give the same outcomes).
     */
    public Runner rowByRow() {
        this.setBased = null;
        return this;
    }

    /** True when the run was cancelled before every change was sent: some rows have no outcome and wait for the next run. */
    public boolean heldBackForCancel() {
        return heldBack.get();
    }

    /**
     * Whether creates failed by a call that may have reached Salesforce (an upload, a poll or a results read failing
     * after the rows were sent, or a row no result names), set-based or row by row on Bulk: the run keeps their write intents and job ids, so that the next run settles them
     * from the job's results or by their key before sending them again, instead of creating them twice.
     */
    public boolean createsLeftUncertain() {
        return createsUncertain.get();
    }

    private boolean cancelNow() {
        if (cancelled.getAsBoolean()) {
            heldBack.set(true);
            return true;
        }
        return false;
    }

    /**
     * Settles every outcome written so far, merged into calls of up to {@link #OUTCOMES_PER_SETTLE}: each call is a
     * durable commit in the change set and the state store, so few large ones cost far less than many small ones.
     */
    private void drain() {
        drain(written.poll());
    }

    private void drain(List<RowOutcome> first) {
        List<RowOutcome> merged = new ArrayList<>();
        for (List<RowOutcome> outcomes = first; outcomes != null; outcomes = written.poll()) {
            merged.addAll(outcomes);
            if (merged.size() >= OUTCOMES_PER_SETTLE) {
                settle.accept(merged);
                merged = new ArrayList<>();
            }
        }
        if (!merged.isEmpty()) {
            settle.accept(merged);
        }
    }

    /** @return why the run stopped early, or null when every change got its outcome from Salesforce or local checks */
    public String run(ChangeSet changes) {
        java.util.Optional<dev.sfsync.core.change.ChangeTable> table = changes.table();
        if (setBased == null || !alreadyCreated.isEmpty() || table.isEmpty()) {
            return runRows(changes);
        }
        java.util.Optional<dev.sfsync.engine.plan.SqlRecords> records = dev.sfsync.engine.plan.SqlRecords.of(sync, "c",
                SqlLookups.names(sync, table.get()));
        java.util.Optional<dev.sfsync.engine.plan.SqlRecords> removals = dev.sfsync.engine.plan.SqlRecords.removals(sync, "c");
        if (records.isEmpty() && removals.isEmpty()) {
            return runRows(changes);
        }
        SqlLookups lookups = null;
        if (records.isPresent() && !SqlLookups.names(sync, table.get()).isEmpty()) {
            try {
                lookups = SqlLookups.resolve(sync, table.get(), new RecordFinder(setBased.client()));
            } catch (SalesforceException e) {
                // The planner's path queries chunk by chunk and fails only the chunks whose query Salesforce refuses.
                return runRows(changes);
            }
        }
        try {
            return runSetBased(changes, table.get(), records, removals);
        } finally {
            if (lookups != null) {
                lookups.close();
            }
        }
    }

    private String runSetBased(ChangeSet changes, dev.sfsync.core.change.ChangeTable table, java.util.Optional<dev.sfsync.engine.plan.SqlRecords> records,
                               java.util.Optional<dev.sfsync.engine.plan.SqlRecords> removals) {
        // The plain rows go set-based; the planner decides the others (refusals, shared match values, rows whose record
        // is not known, lookups not found, inserts of rows created or baselined before) as ever. Removed rows go first, as
        // the row path always sent them: a record a removed row leaves and a present row takes (a row re-keyed in the
        // model) is deleted or cleared before it is written again, not wiped after.
        String removalsTaken = removals.map(r -> uniqueIds(table, r, "c._sfsync_kind = 'REMOVED' AND " + r.clean())).orElse("FALSE");
        String stopped = runRows(dev.sfsync.core.change.ChangeTable.filtered(changes, table,
                "c._sfsync_kind = 'REMOVED' AND NOT (" + removalsTaken + ")"));
        if (stopped != null || heldBack.get()) {
            return stopped;
        }
        if (removals.isPresent()) {
            stopped = load(table, removals.get(), removalsTaken, () -> true);
            if (stopped != null || heldBack.get()) {
                return stopped;
            }
        }
        String present = records.map(r -> present(table, r)).orElse("FALSE");
        String offPath = "c._sfsync_kind <> 'REMOVED' AND NOT (" + present + ")";
        if (records.isEmpty()) {
            return runRows(dev.sfsync.core.change.ChangeTable.filtered(changes, table, offPath));
        }
        // The load sends the present rows it does not take before its first upload, and skips finding them when it takes
        // every change (a first run of clean rows): the scan would judge each row again for nothing.
        String[] offPathStopped = {null};
        stopped = load(table, records.get(), present, () -> {
            offPathStopped[0] = runRows(dev.sfsync.core.change.ChangeTable.filtered(changes, table, offPath));
            return offPathStopped[0] == null && !heldBack.get();
        });
        return offPathStopped[0] != null ? offPathStopped[0] : stopped;
    }

    /** Which present rows the set path writes: the clean ones no other row shares a match value (or record) with. */
    private String present(dev.sfsync.core.change.ChangeTable table, dev.sfsync.engine.plan.SqlRecords records) {
        String plain = "c._sfsync_kind <> 'REMOVED' AND coalesce(" + records.clean() + ", FALSE) AND "
                + dev.sfsync.engine.plan.SqlRecords.shareNothing("c", table.uniqueColumns())
                + (records.kind() == WriteKind.CREATE && !sync.fullResync() ? " AND c._sfsync_record_id IS NULL AND c._sfsync_kind <> 'CHANGED'" : "");
        return records.kind().needsRecordId() ? uniqueIds(table, records, plain) : "(" + plain + ")";
    }

    /**
     * Rows written by Id are joined to their results by it: a record two of them would write (a repeated Id in the model,
     * or one record matched twice) is left to the planner's path, which sends each row on its own.
     */
    private static String uniqueIds(dev.sfsync.core.change.ChangeTable table, dev.sfsync.engine.plan.SqlRecords records, String condition) {
        String id = records.cells().getFirst();
        return "(" + condition + " AND coalesce(" + id + " NOT IN (SELECT " + id + " FROM " + table.name() + " c WHERE " + condition
                + " GROUP BY 1 HAVING count(*) > 1), FALSE))";
    }

    private String load(dev.sfsync.core.change.ChangeTable table, dev.sfsync.engine.plan.SqlRecords records, String plain, SqlBulkLoad.OffPath offPath) {
        SqlBulkLoad load = new SqlBulkLoad(setBased, records, table, plain, dev.sfsync.salesforce.bulk2.IngestSpec.DEFAULT_MAX_BYTES_PER_JOB,
                rowsPerLoad);
        String stopped = load.run(offPath);
        if (load.heldBackForCancel()) {
            heldBack.set(true);
        }
        if (load.createsLeftUncertain()) {
            createsUncertain.set(true);
        }
        return stopped;
    }

    private String runRows(ChangeSet changes) {
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("sfsync-" + sync.definition().name() + "-", 0).factory());
        Semaphore inFlight = new Semaphore(threads * 2);
        List<Future<?>> futures = new ArrayList<>();
        Map<WriteKind, List<RowPlan.Write>> buffers = new EnumMap<>(WriteKind.class);
        RowPlanner planner = new RowPlanner(sync);
        List<RowOutcome> settledLocally = new ArrayList<>();
        boolean finished = false;
        try (Stream<Change> stream = changes.changes()) {
            for (Change change : (Iterable<Change>) stream::iterator) {
                if (cancelNow()) {
                    break;
                }
                RowPlan plan = planner.decide(change);
                if (plan instanceof RowPlan.Write write && write.kind() == WriteKind.CREATE && alreadyCreated.containsKey(write.key())) {
                    plan = new RowPlan.Settled(new RowOutcome.Created(write.key(), alreadyCreated.get(write.key())));
                }
                switch (plan) {
                    case RowPlan.Settled settled -> {
                        settledLocally.add(settled.outcome());
                        if (settledLocally.size() >= OUTCOMES_PER_SETTLE) {
                            settle.accept(List.copyOf(settledLocally));
                            settledLocally.clear();
                        }
                    }
                    case RowPlan.Write write -> {
                        List<RowPlan.Write> buffer = buffers.computeIfAbsent(write.kind(), k -> new ArrayList<>());
                        buffer.add(write);
                        if (buffer.size() >= chunkSize) {
                            futures.add(submit(pool, inFlight, write.kind(), List.copyOf(buffer)));
                            buffer.clear();
                            drain();
                        }
                    }
                }
            }
            settle.accept(List.copyOf(settledLocally));
            for (Map.Entry<WriteKind, List<RowPlan.Write>> entry : buffers.entrySet()) {
                if (!entry.getValue().isEmpty() && !cancelNow()) {
                    futures.add(submit(pool, inFlight, entry.getKey(), List.copyOf(entry.getValue())));
                }
            }
            for (Future<?> future : futures) {
                while (!future.isDone()) {
                    settleWithin(50);
                }
                future.get();
            }
            if (bulk != null) {
                bulk.finish();
                while (!bulk.awaitOutcomes(50)) {
                    drain();
                }
            }
            drain();
            finished = true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
            if (bulk != null && !finished) {
                bulk.abandon();
            }
        }
        ChunkWriter.ChunkAborted stop = aborted.get();
        return stop == null ? null : stop.getMessage();
    }

    private void settleWithin(long millis) throws InterruptedException {
        drain(written.poll(millis, TimeUnit.MILLISECONDS));
    }

    private Future<?> submit(ExecutorService pool, Semaphore inFlight, WriteKind kind, List<RowPlan.Write> chunk) throws InterruptedException {
        while (!inFlight.tryAcquire(50, TimeUnit.MILLISECONDS)) {
            drain();
        }
        return pool.submit(() -> {
            try {
                writeChunk(kind, chunk);
            } finally {
                inFlight.release();
            }
        });
    }

    private void writeChunk(WriteKind kind, List<RowPlan.Write> chunk) {
        ChunkWriter.ChunkAborted stop = aborted.get();
        if (stop != null) {
            RowError notSent = RowError.of(Errors.NOT_SENT, "not sent: the run stopped after " + stop.salesforceCause().errorCode()
                    + ": " + stop.salesforceCause().errors().getFirst().message());
            written.add(chunk.stream().<RowOutcome>map(w -> new RowOutcome.Failed(w.key(), notSent, 0)).toList());
            return;
        }
        if (cancelNow()) {
            return;
        }
        if (leaseLost.getAsBoolean()) {
            RowError notSent = RowError.of(Errors.NOT_SENT, "not sent: this run lost its lease on the sync (the state store was unreachable"
                    + " longer than the lease lasts), so another process may be running it");
            written.add(chunk.stream().<RowOutcome>map(w -> new RowOutcome.Failed(w.key(), notSent, 0)).toList());
            return;
        }
        if (kind == WriteKind.CREATE) {
            // Before any of these rows can reach Salesforce; if it cannot be kept, the run stops without sending them.
            log.creating(chunk);
        }
        try {
            chunks.prefetchLookups(chunk);
            List<RowOutcome> outcomes = chunks.write(kind, chunk);
            written.add(outcomes);
        } catch (ChunkWriter.ChunkAborted e) {
            aborted.compareAndSet(null, e);
            written.add(e.outcomes);
        } catch (SalesforceException e) {
            // A lookup query failed as a whole: the chunk's rows fail with its code, the run goes on unless it cannot.
            RowError error = Errors.row(e);
            written.add(chunk.stream().<RowOutcome>map(w -> new RowOutcome.Failed(w.key(), error, 0)).toList());
            if (ChunkWriter.endsRun(e)) {
                aborted.compareAndSet(null, new ChunkWriter.ChunkAborted(List.of(), e));
            }
        }
    }
}
