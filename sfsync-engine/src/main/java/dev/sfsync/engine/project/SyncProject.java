package dev.sfsync.engine.project;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.change.CommitResult;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.config.ModelConfig;
import dev.sfsync.engine.config.ProblemLocator;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.config.SourceConfig;
import dev.sfsync.engine.lease.DeadRuns;
import dev.sfsync.engine.lease.SyncLease;
import dev.sfsync.engine.plan.Plan;
import dev.sfsync.engine.plan.Planner;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.run.Reconciler;
import dev.sfsync.engine.run.SnapshotRepair;
import dev.sfsync.engine.run.RestCollectionsWriter;
import dev.sfsync.engine.run.WriteAheadLog;
import dev.sfsync.engine.run.RunProgress;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.engine.run.Runner;
import dev.sfsync.engine.run.SplitRetry;
import dev.sfsync.engine.sync.Lookup;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.engine.validate.OrgSchema;
import dev.sfsync.engine.validate.RemoteValidator;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.describe.SObjectDescribe;
import dev.sfsync.salesforce.observe.ApiExchange;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.source.Source;
import dev.sfsync.source.duckdb.DuckDbSource;
import dev.sfsync.source.snapshot.DetectOptions;
import dev.sfsync.source.snapshot.SnapshotStore;
import dev.sfsync.store.ApiCall;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A project at work: its config, the state directory (state store and snapshots), and clients for its connections.
 * Validates syncs against the org, plans and runs them. One process opens a state directory at a time.
 */
public final class SyncProject implements AutoCloseable {
    /** The state directory inside a project, unless told otherwise. */
    public static final String STATE_DIRECTORY = ".sfsync";

    private final ProjectConfig config;
    private final ProblemLocator locator;
    private final StateStore store;
    /** Opened on first use: DuckDB lets one process open the file, and reading runs or connections needs no snapshot. */
    private final java.util.function.Supplier<SnapshotStore> openSnapshots;
    private SnapshotStore snapshots;
    private final ClientFactory clients;
    private final Sleeper sleeper;
    private final Map<String, SalesforceClient> quietClients = new HashMap<>();
    private boolean bulkRowByRow = Boolean.getBoolean("sfsync.bulk.rowByRow");
    private int rowsPerBulkLoad = dev.sfsync.engine.sync.ApiChoice.BULK_ROWS_PER_LOAD;
    private Duration leaseTtl = SyncLease.DEFAULT_TTL;
    private final List<DeadRuns.Interrupted> interrupted = new ArrayList<>();

    private SyncProject(ProjectConfig config, ProblemLocator locator, StateStore store, java.util.function.Supplier<SnapshotStore> snapshots,
                        ClientFactory clients,
                        Sleeper sleeper) {
        this.config = config;
        this.locator = locator;
        this.store = store;
        this.openSnapshots = snapshots;
        this.clients = clients;
        this.sleeper = sleeper;
    }

    public static SyncProject open(ProjectConfig config, ProblemLocator locator, StateStore store, Path stateDirectory, ClientFactory clients,
                                   Sleeper sleeper) {
        // Drivers sfsync does not bundle (Snowflake's, Databricks' ...) come from drivers/ and SFSYNC_DRIVERS.
        dev.sfsync.source.drivers.ExtraDrivers.register(dev.sfsync.source.drivers.ExtraDrivers.directories(config.directory(),
                System.getenv(dev.sfsync.source.drivers.ExtraDrivers.ENVIRONMENT)));
        SyncProject project = new SyncProject(config, locator, store, () -> SnapshotStore.open(stateDirectory), clients, sleeper);
        project.noteDeadRuns();
        return project;
    }

    private synchronized void noteDeadRuns() {
        interrupted.addAll(DeadRuns.interrupt(store, Clock.systemUTC()));
    }

    /** Runs found dead (their process killed or crashed) since the last call, now marked interrupted; for the caller to report. */
    public synchronized List<DeadRuns.Interrupted> takeInterrupted() {
        List<DeadRuns.Interrupted> taken = List.copyOf(interrupted);
        interrupted.clear();
        return taken;
    }

    /** Tests shorten the lease to see a run outlive it. */
    void leaseTtl(Duration ttl) {
        leaseTtl = ttl;
    }

    public ProjectConfig config() {
        return config;
    }

    public StateStore store() {
        return store;
    }

    public SyncDefinition sync(String name) {
        SyncDefinition sync = config.syncs().get(name);
        if (sync == null) {
            throw new UnknownSync(name, config.syncs().keySet());
        }
        return sync;
    }

    /** Every problem of the sync against the org's describe and the model's columns; empty when it can run. */
    public List<ConfigProblem> validateRemote(String name) {
        SyncDefinition sync = sync(name);
        Checked local = describeModel(sync);
        // A model the source cannot read is a local problem: report it without logging in.
        return local.schema == null ? local.problems : check(sync, quietClient(sync), local).problems;
    }

    /** What a run would do now; sends nothing to Salesforce but describe calls. */
    public Plan plan(String name) {
        return plan(name, false);
    }

    /** What a run would do now, or with {@code full} what {@code sfsync run --full} would resend and cost. */
    public Plan plan(String name, boolean full) {
        SyncDefinition sync = sync(name);
        Checked local = readable(sync, describeModel(sync));
        if (sync.mode() == dev.sfsync.engine.sync.SyncMode.ALL) {
            return picklistPlan(sync, picklistChange(sync, quietClient(sync), local));
        }
        PreparedSync prepared = prepare(sync, quietClient(sync), local, full);
        try (ChangeSet changes = detect(prepared)) {
            return Planner.plan(prepared, changes);
        }
    }

    /**
     * Runs the sync: every changed row ends in one outcome, kept in the state store with the run's API log; the
     * snapshot moves forward for the successes. Throws {@link SyncHasProblems} (nothing sent) or the client's
     * exception when Salesforce cannot be reached; the run is then recorded as failed.
     */
    public RunResult run(String name, RunProgress progress) {
        return run(name, false, progress);
    }

    /**
     * Runs the sync; with {@code full} every row of the model is sent as if it had changed, whatever the snapshot says
     * (after records were changed behind the sync's back), and the snapshot is rebuilt from the outcomes.
     */
    public RunResult run(String name, boolean full, RunProgress progress) {
        SyncDefinition sync = sync(name);
        noteDeadRuns();
        try (SyncLease lease = SyncLease.acquire(store.runLeases(), SyncId.of(name), leaseTtl)) {
            return run(sync, full, lease, progress);
        }
    }

    /** The sync's lease is this process's: nobody else sends its rows until the run ends. */
    private RunResult run(SyncDefinition sync, boolean full, SyncLease lease, RunProgress progress) {
        String name = sync.name();
        Run run = store.runs().start(SyncId.of(name), Run.Kind.OUTBOUND);
        lease.attach(run.id(), store.cancellations());
        progress.started(run.id());
        dev.sfsync.core.PhaseTimings.mark("lease and run start");
        AtomicLong calls = new AtomicLong();
        CallTrail trail = new CallTrail();
        ExchangeListener log = exchange -> {
            calls.incrementAndGet();
            trail.called(logCall(store, run, exchange));
        };
        try {
            Checked local = readable(sync, describeModel(sync));
            if (sync.mode() == dev.sfsync.engine.sync.SyncMode.ALL) {
                return runPicklist(sync, run, local, clients.client(config.connections().get(sync.connection()), log), calls, progress, lease);
            }
            dev.sfsync.core.PhaseTimings.mark("model described");
            // Changes are detected before any call, so a sync whose model did not change costs no API call at all.
            SyncId snapshot = snapshotId(sync);
            snapshots();
            dev.sfsync.core.PhaseTimings.mark("snapshot store open");
            try (ChangeSet changes = snapshots().detect(snapshot, source(config.models().get(sync.model())), local.model,
                    detectOptions(sync, full)); OutcomeLog outcomeLog = new OutcomeLog(store, run.id(), keepsEveryRow(sync))) {
                // --full resends every row whatever the snapshot holds: the user asked for the creates a lost snapshot would repeat.
                List<String> notices = new ArrayList<>(changes.notices());
                if (!full) {
                    checkSnapshotKept(sync, snapshot, run.id(), notices);
                }
                dev.sfsync.core.PhaseTimings.mark("diff");
                progress.detected(changes.counts());
                boolean creates = sync.mode() == dev.sfsync.engine.sync.SyncMode.INSERT;
                java.util.function.Consumer<List<RowOutcome>> settle = outcomes -> {
                    if (!outcomes.isEmpty()) {
                        changes.record(outcomes);
                        if (creates) {
                            // A failed create keeps its intent until the run ends: should the run end with creates of
                            // unknown fate, the next run settles it against Salesforce rather than trusting the failure.
                            store.intents().settled(SyncId.of(name), outcomes.stream().filter(o -> !(o instanceof RowOutcome.Failed))
                                    .map(RowOutcome::key).toList());
                        }
                        trail.byCall(outcomes).forEach((call, carried) -> outcomeLog.write(carried, call));
                        progress.settled(outcomes);
                    }
                };
                String stopped = null;
                boolean cancelled = false;
                SalesforceClient client = null;
                boolean reconcileNextRun = false;
                if (needsSalesforce(sync, changes.counts()) || hasIntents(sync)) {
                    client = clients.client(config.connections().get(sync.connection()), log);
                    try {
                        PreparedSync prepared = prepare(sync, client, local, full);
                        // Before anything is sent: what earlier runs left in flight is settled against the org first.
                        Reconciler.Result reconciled = new Reconciler(prepared, client, store.intents()).reconcile();
                        if (!reconciled.nothing()) {
                            notices.add(reconciledNotice(sync, reconciled));
                        }
                        dev.sfsync.engine.run.MergeRun merges = dev.sfsync.engine.run.MergeRun.of(prepared, client, settle);
                        Runner runner = sync.options().orLead().isPresent() ? null
                                : runner(prepared, client, new SplitRetry(sync.retry(), sleeper), merges.settle(), new StoredIntents(store, sync, run.id()), trail)
                                        .alreadyCreated(reconciled.created()).stopWhen(lease::lost).cancelWhen(lease::cancelled);
                        if (runner != null && !outcomeLog.keepsEveryRow()) {
                            runner.countingSuccesses(counts -> {
                                outcomeLog.count(counts, null);
                                progress.counted(counts.values().stream().mapToLong(Long::longValue).sum());
                            });
                        }
                        dev.sfsync.engine.run.MultiObjectRun multiObject = runner != null ? null
                                : new dev.sfsync.engine.run.MultiObjectRun(prepared, leadHalf(prepared, client), client, settle).cancelWhen(lease::cancelled);
                        dev.sfsync.core.PhaseTimings.mark("describe and reconcile");
                        stopped = runner == null ? multiObject.run(changes) : runner.run(changes);
                        if (stopped == null && (runner != null ? runner.heldBackForCancel() : multiObject.heldBackForCancel())) {
                            cancelled = true;
                            stopped = cancelledMessage(lease.cancelRequest().orElseThrow());
                        } else if (stopped == null && lease.lost()) {
                            stopped = "the run lost its lease on the sync (the state store did not answer for longer than the lease lasts);"
                                    + " rows not sent go next run";
                        }
                        merges.finish(stopped);
                        reconcileNextRun = runner != null && runner.createsLeftUncertain();
                    } catch (dev.sfsync.salesforce.error.LimitExceeded e) {
                        if (!e.byReserve()) {
                            throw e;
                        }
                        stopped = e.getMessage();
                        // Stopped before the reconciliation or the run settled every row: the next run reconciles what is left.
                        reconcileNextRun = true;
                    }
                } else {
                    settleRemovedRowsAsUnchanged(changes, settle);
                }
                outcomeLog.finish();
                dev.sfsync.core.PhaseTimings.mark("send");
                if (stopped != null && client != null && !cancelled) {
                    stopped = reserveStop(sync, client, changes.counts(), run, stopped).orElse(stopped);
                }
                CommitResult commit = changes.commit();
                markSnapshot(snapshot, snapshots().size(snapshot));
                dev.sfsync.core.PhaseTimings.mark("commit");
                if (!reconcileNextRun) {
                    // Every row of this run has its outcome, and what earlier runs left was reconciled before it sent anything.
                    store.intents().clear(SyncId.of(name));
                }
                RunSummary summary = store.outcomes().summarize(run.id());
                Run.Status status = cancelled ? Run.Status.CANCELLED
                        : stopped != null ? Run.Status.FAILED : summary.allSucceeded() ? Run.Status.SUCCEEDED : Run.Status.PARTIAL;
                store.runs().finish(run.id(), status, summary, stopped);
                if ((stopped == null || cancelled) && needsSalesforce(sync, changes.counts())) {
                    store.connections().recordSuccess(sync.connection());
                }
                dev.sfsync.core.PhaseTimings.mark("run finish");
                return new RunResult(name, run.id(), changes.counts(), summary, store.outcomes().errorCounts(run.id()), commit, calls.get(),
                        stopped, notices, cancelled);
            }
        } catch (RuntimeException e) {
            store.runs().finish(run.id(), Run.Status.FAILED, store.outcomes().summarize(run.id()), e.getMessage());
            throw e;
        }
    }

    /** Whether the run keeps every row's outcome in the store, or rows that succeeded as counts ({@code keep_row_outcomes}). */
    private static boolean keepsEveryRow(SyncDefinition sync) {
        return sync.options().keepRowOutcomes() == dev.sfsync.engine.sync.KeepRowOutcomes.ALL;
    }

    /**
     * Records the model's current rows as already synced, sending nothing ({@code sfsync run --baseline}, Hightouch's
     * "skip initial sync"): for a model whose rows are already in Salesforce, loaded another way, so that the first run
     * sends only what changed after the baseline. No API call; in warehouse mode no row leaves the warehouse. Kept in the
     * sync log as a run whose rows all count as unchanged. Only for a sync whose snapshot is empty.
     *
     * @throws dev.sfsync.source.snapshot.SnapshotNotEmpty when the sync has synced rows already
     */
    public BaselineResult baseline(String name) {
        SyncDefinition sync = sync(name);
        if (sync.mode() == dev.sfsync.engine.sync.SyncMode.ALL) {
            throw new BaselineRefused(name, "a picklist values sync keeps no snapshot of rows");
        }
        noteDeadRuns();
        try (SyncLease lease = SyncLease.acquire(store.runLeases(), SyncId.of(name), leaseTtl)) {
            if (hasIntents(sync)) {
                // Rows a dead run was sending are settled against Salesforce by the next run; a baseline would hide them.
                throw new BaselineRefused(name, "a run of it was interrupted while sending rows, and the next run must settle them first"
                        + " (run it once without --baseline)");
            }
            Run run = store.runs().start(SyncId.of(name), Run.Kind.OUTBOUND);
            lease.attach(run.id(), store.cancellations());
            try {
                long remembered = store.snapshotMarks().rows(snapshotId(sync)).orElse(0L);
                if (sync.mode() == dev.sfsync.engine.sync.SyncMode.INSERT && remembered > 0) {
                    // Its snapshot was lost: a baseline would record rows added since the last run as created.
                    throw new SnapshotLost(sync, remembered);
                }
                Checked local = readable(sync, describeModel(sync));
                SyncId snapshot = snapshotId(sync);
                long rows = snapshots().baseline(snapshot, source(config.models().get(sync.model())), local.model, detectOptions(sync, false));
                markSnapshot(snapshot, snapshots().size(snapshot));
                store.runs().finish(run.id(), Run.Status.SUCCEEDED, new RunSummary(0, 0, 0, rows, 0, 0, 0),
                        String.format("baseline: %,d rows recorded as synced, none sent", rows));
                return new BaselineResult(name, run.id(), rows, snapshotPlace(sync));
            } catch (RuntimeException e) {
                store.runs().finish(run.id(), Run.Status.FAILED, RunSummary.EMPTY, e.getMessage());
                throw e;
            }
        }
    }

    private static String cancelledMessage(dev.sfsync.store.RunCancellations.Request request) {
        return "cancelled by " + request.requestedBy() + " at " + request.requestedAt()
                + "; the rows it had sent keep their outcomes, the rest are sent by the next run";
    }

    /**
     * An insert sync whose snapshot is gone while the store remembers records it created would create them all again:
     * refused until the snapshot is restored or rebuilt by {@link #repair}. Both are kept per org: a sync pointed at
     * another org starts from an empty snapshot there, which is no loss.
     */
    private void checkSnapshotKept(SyncDefinition sync, SyncId id, dev.sfsync.core.RunId run, List<String> notices) {
        long remembered = store.snapshotMarks().rows(id).orElse(0L);
        if (sync.mode() == dev.sfsync.engine.sync.SyncMode.INSERT && remembered > 0 && snapshots().size(id) == 0) {
            throw new SnapshotLost(sync, remembered);
        }
        java.util.Optional<Long> expected = store.snapshotMarks().generation(id);
        java.util.OptionalLong found = snapshots().generation(id);
        if (found.isPresent() && (expected.isEmpty() || found.getAsLong() > expected.get()) && lastRunMarkedTheSnapshot(sync, run)) {
            checkStoreNotOlder(sync, expected, found.getAsLong(), notices);
            return;
        }
        if (expected.isEmpty() || found.isPresent() && found.getAsLong() >= expected.get()) {
            return;
        }
        if (sync.mode() == dev.sfsync.engine.sync.SyncMode.INSERT) {
            throw new SnapshotOutdated(sync, expected.get(), found, snapshotPlace(sync));
        }
        notices.add(String.format("the snapshot of sync '%s' is older than the state store remembers (restored from a backup?): rows"
                + " synced since are sent again; a %s sync finds their records by the match, so none is duplicated", sync.name(), sync.mode().configName()));
    }

    /**
     * A snapshot newer than the state store remembers is normal after a run died between the snapshot's commit and the
     * store's mark (the next detection commits what it recorded): its run ended INTERRUPTED or FAILED. After a run that
     * ended in order (which marks the store after its commit), or with no run at all, it means the state store is the
     * older one: restored from a backup, or made anew.
     */
    private boolean lastRunMarkedTheSnapshot(SyncDefinition sync, dev.sfsync.core.RunId current) {
        return store.runs().recent(SyncId.of(sync.name()), 2).stream().filter(r -> !r.id().equals(current)).findFirst()
                .map(r -> r.status() == Run.Status.SUCCEEDED || r.status() == Run.Status.PARTIAL || r.status() == Run.Status.CANCELLED)
                .orElse(true);
    }

    /**
     * The state store is older than the snapshot: the write intents and Bulk jobs of runs since its backup are gone, so
     * an insert sync cannot tell which creates of a run killed since reached Salesforce. Refused for inserts until
     * repaired; a notice for the modes that find their records by the match.
     */
    private void checkStoreNotOlder(SyncDefinition sync, java.util.Optional<Long> expected, long found, List<String> notices) {
        if (sync.mode() == dev.sfsync.engine.sync.SyncMode.INSERT) {
            throw new StateStoreOutdated(sync, expected, found, snapshotPlace(sync));
        }
        notices.add(String.format("the state store (%s/%s) is older than the snapshot of sync '%s' (restored from a backup, or made anew?):"
                        + " the run history since is missing from it; a %s sync finds its records by the match, so nothing is duplicated",
                STATE_DIRECTORY, dev.sfsync.store.StateStore.FILE_NAME, sync.name(), sync.mode().configName()));
    }

    /** Where the sync's snapshot is kept, as a user would look for it. */
    private String snapshotPlace(SyncDefinition sync) {
        SourceConfig source = config.sources().get(config.models().get(sync.model()).source());
        return source != null && source.settings().changeDetection() == dev.sfsync.source.ChangeDetectionMode.WAREHOUSE
                ? "the state schema " + source.settings().stateSchema() + " of source '" + source.name() + "'"
                : STATE_DIRECTORY + "/" + SnapshotStore.FILE_NAME;
    }

    /** The state store's side of the cross-check: the snapshot's size and generation as this run left them. */
    private void markSnapshot(SyncId id, long rows) {
        store.snapshotMarks().remember(id, rows);
        store.snapshotMarks().rememberGeneration(id, snapshots().generation(id));
    }

    /**
     * Rebuilds an insert sync's snapshot from Salesforce after it was lost: each model row whose record Salesforce holds
     * (found by the idempotency key) is marked synced with that record. Sends nothing but queries. For a sync without a
     * key, {@code resendAll} acknowledges that its next run creates every row again.
     */
    public SnapshotRepair.Result repair(String name, boolean resendAll) {
        SyncDefinition sync = sync(name);
        SyncId id = SyncId.of(name);
        if (sync.mode() != dev.sfsync.engine.sync.SyncMode.INSERT) {
            throw new RepairNotNeeded(sync);
        }
        if (!sync.hasIdempotencyKey() && !resendAll) {
            throw new RepairNotPossible(sync);
        }
        noteDeadRuns();
        try (SyncLease lease = SyncLease.acquire(store.runLeases(), id, leaseTtl)) {
            Run run = store.runs().start(id, Run.Kind.REPAIR);
            lease.attach(run.id());
            try {
                SnapshotRepair.Result result = new SnapshotRepair.Result(0, 0);
                if (sync.hasIdempotencyKey()) {
                    Checked local = readable(sync, describeModel(sync));
                    SalesforceClient client = clients.client(config.connections().get(sync.connection()), exchange -> logCall(store, run, exchange));
                    PreparedSync prepared = prepare(sync, client, local, false);
                    try (ChangeSet changes = detect(prepared); OutcomeLog outcomeLog = new OutcomeLog(store, run.id(), keepsEveryRow(sync))) {
                        result = new SnapshotRepair(prepared, client).repair(changes, outcomes -> {
                            changes.record(outcomes);
                            outcomeLog.write(outcomes);
                        });
                        outcomeLog.finish();
                        changes.commit();
                    }
                    markSnapshot(snapshotId(sync), snapshots().size(snapshotId(sync)));
                }
                if (!sync.hasIdempotencyKey()) {
                    markSnapshot(snapshotId(sync), 0);
                }
                store.intents().clear(id);
                store.runs().finish(run.id(), Run.Status.SUCCEEDED, RunSummary.EMPTY, String.format(
                        "snapshot rebuilt from Salesforce: %,d of %,d model rows found there", result.found(), result.rows()));
                return result;
            } catch (RuntimeException e) {
                store.runs().finish(run.id(), Run.Status.FAILED, RunSummary.EMPTY, e.getMessage());
                throw e;
            }
        }
    }

    /** The run stopped because the next call would have crossed the connection's API reserve: say what waits, and until when. */
    private java.util.Optional<String> reserveStop(SyncDefinition sync, SalesforceClient client, dev.sfsync.core.change.ChangeCounts counts, Run run,
            String stopped) {
        var connection = config.connections().get(sync.connection());
        var usage = client.apiUsage();
        // Calls in flight when the reserve refused one may leave the last usage seen just below it: the refusal itself says so.
        boolean refusedByReserve = stopped.startsWith(dev.sfsync.salesforce.error.LimitExceeded.RESERVE_CODE);
        if (usage.isEmpty() || !(refusedByReserve || connection.reserve().wouldCross(usage.get()))) {
            return java.util.Optional.empty();
        }
        RunSummary settled = store.outcomes().summarize(run.id());
        var errors = store.outcomes().errorCounts(run.id());
        long notSent = errors.getOrDefault(dev.sfsync.engine.run.Errors.NOT_SENT, 0L)
                + errors.getOrDefault(dev.sfsync.salesforce.error.LimitExceeded.RESERVE_CODE, 0L);
        long rowsLeft = Math.max(0, counts.total() - settled.rows() + notSent);
        long perCall = sync.api() == dev.sfsync.engine.sync.ApiChoice.REST ? Math.max(1, sync.batchSize()) : rowsPerBulkLoad;
        long callsNeeded = (rowsLeft + perCall - 1) / perCall * (sync.api() == dev.sfsync.engine.sync.ApiChoice.REST ? 1 : 5) + 2;
        List<String> syncs = config.syncs().values().stream().filter(s -> s.connection().equals(sync.connection())).map(SyncDefinition::name).toList();
        return java.util.Optional.of(dev.sfsync.engine.quota.QuotaStop.explain(connection, usage.get(), rowsLeft, callsNeeded, syncs, store,
                java.time.Clock.systemUTC()));
    }

    private dev.sfsync.engine.plan.PicklistChange picklistChange(SyncDefinition sync, SalesforceClient client, Checked local) {
        Checked checked = check(sync, client, local);
        if (!checked.problems.isEmpty()) {
            throw new SyncHasProblems(sync.name(), checked.problems);
        }
        return PicklistSyncRun.change(sync, source(config.models().get(sync.model())), local.model, client);
    }

    private static Plan picklistPlan(SyncDefinition sync, dev.sfsync.engine.plan.PicklistChange change) {
        Map<String, Long> rejectedByCode = new java.util.TreeMap<>();
        List<Plan.Reject> samples = new java.util.ArrayList<>();
        long updated = 0;
        long unchanged = 0;
        for (RowOutcome outcome : change.outcomes()) {
            switch (outcome) {
                case RowOutcome.RejectedLocally r -> {
                    rejectedByCode.merge(r.error().code(), 1L, Long::sum);
                    if (samples.size() < Plan.SAMPLE_REJECTS) {
                        samples.add(new Plan.Reject(r.key(), r.error()));
                    }
                }
                case RowOutcome.Updated u -> updated++;
                default -> unchanged++;
            }
        }
        long rejected = rejectedByCode.values().stream().mapToLong(Long::longValue).sum();
        return new Plan(sync.name(), new dev.sfsync.core.change.ChangeCounts(change.outcomes().size(), change.added(), updated - change.added(), 0, 0),
                updated > 0 ? Map.of(dev.sfsync.engine.plan.WriteKind.UPDATE, updated) : Map.of(), unchanged, rejected, rejectedByCode, samples,
                change.changes() ? 2 : 1, List.of(change.summary(sync.object() + "." + sync.options().picklist().orElseThrow().field())));
    }

    private RunResult runPicklist(SyncDefinition sync, Run run, Checked local, SalesforceClient client, AtomicLong calls, RunProgress progress,
                                  SyncLease lease) {
        dev.sfsync.engine.plan.PicklistChange change = picklistChange(sync, client, local);
        String stopped;
        // Checked before the one write call, as other runs check before each: cancelled, the value set is not written
        // and no row gets an outcome (there is no snapshot: the next run compares the model with the field again).
        boolean cancelled = change.changes() && lease.cancelled();
        if (cancelled) {
            stopped = cancelledMessage(lease.cancelRequest().orElseThrow());
        } else {
            try (OutcomeLog outcomeLog = new OutcomeLog(store, run.id())) {
                stopped = PicklistSyncRun.write(sync, change, client, outcomes -> {
                    outcomeLog.write(outcomes);
                    progress.settled(outcomes);
                });
                outcomeLog.finish();
            }
        }
        RunSummary summary = store.outcomes().summarize(run.id());
        Run.Status status = cancelled ? Run.Status.CANCELLED
                : stopped != null ? Run.Status.FAILED : summary.allSucceeded() ? Run.Status.SUCCEEDED : Run.Status.PARTIAL;
        store.runs().finish(run.id(), status, summary, stopped);
        return new RunResult(sync.name(), run.id(), new dev.sfsync.core.change.ChangeCounts(change.outcomes().size(), change.added(), 0, 0, 0),
                summary, store.outcomes().errorCounts(run.id()), new CommitResult(0, 0, 0, 0, 0), calls.get(), stopped,
                List.of(change.summary(sync.object() + "." + sync.options().picklist().orElseThrow().field())), cancelled);
    }

    /** Removed rows alone, with on_delete: nothing, need no call: not even a login. */
    private static boolean needsSalesforce(SyncDefinition sync, dev.sfsync.core.change.ChangeCounts counts) {
        return counts.added() + counts.changed() > 0 || (counts.removed() > 0 && sync.onDelete() != dev.sfsync.engine.sync.DeleteBehaviour.NOTHING);
    }

    private static void settleRemovedRowsAsUnchanged(ChangeSet changes, java.util.function.Consumer<List<RowOutcome>> settle) {
        List<RowOutcome> outcomes = new java.util.ArrayList<>();
        try (var stream = changes.changes()) {
            stream.forEach(change -> {
                outcomes.add(new RowOutcome.Unchanged(change.key()));
                if (outcomes.size() >= 1_000) {
                    settle.accept(List.copyOf(outcomes));
                    outcomes.clear();
                }
            });
        }
        settle.accept(List.copyOf(outcomes));
    }

    /** Records the exchange in the run's API log with its bodies (the client has redacted and cut them). */
    static long logCall(StateStore store, Run run, ApiExchange exchange) {
        return store.apiLog().record(apiCall(run, exchange), new dev.sfsync.store.CallBodies(exchange.requestBody(), exchange.responseBody()));
    }

    static ApiCall apiCall(Run run, ApiExchange exchange) {
        String error = exchange.failure();
        if (error == null && exchange.status() >= 400 && exchange.responseBody() != null) {
            String body = exchange.responseBody();
            error = body.length() > 500 ? body.substring(0, 500) + "…" : body;
        }
        return new ApiCall(run.id(), exchange.startedAt(), exchange.method(), exchange.url().toString(), exchange.status(), exchange.total(),
                exchange.requestBytes(), exchange.responseBytes(), error);
    }

    /** Tests send every Bulk row through the planner, to compare that with the set-based path. */
    void bulkRowByRow(boolean rowByRow) {
        bulkRowByRow = rowByRow;
    }

    /** Tests make Bulk loads small to see a run spread over several. */
    void rowsPerBulkLoad(int rows) {
        rowsPerBulkLoad = rows;
    }

    private Runner runner(PreparedSync sync, SalesforceClient client, SplitRetry retry, java.util.function.Consumer<List<RowOutcome>> settle,
                          WriteAheadLog intents, CallTrail trail) {
        return switch (sync.definition().api()) {
            case REST -> Runner.writing(sync, new RestCollectionsWriter(client, sync.definition().batchSize()), client, retry, settle, intents)
                    .linkCalls(trail);
            case BULK1, BULK2 -> bulkRowByRow ? Runner.loading(sync, sync.definition().api(), client, retry, rowsPerBulkLoad, settle, intents).rowByRow()
                    .linkCalls(trail) : Runner.loading(sync, sync.definition().api(), client, retry, rowsPerBulkLoad, settle, intents).linkCalls(trail);
        };
    }

    private boolean hasIntents(SyncDefinition sync) {
        SyncId id = SyncId.of(sync.name());
        return store.intents().countPendingRows(id) > 0 || !store.intents().pendingJobs(id).isEmpty();
    }

    /**
     * E.g. "run R was interrupted at 14:02; 24,400 rows reconciled from Bulk job 750...'s results: 24,400 created, 0 to
     * resend"; says which rows were looked up by key instead (their job gone, or sent by REST).
     */
    private String reconciledNotice(SyncDefinition sync, Reconciler.Result reconciled) {
        String runs = reconciled.runs().stream().map(this::howRunEnded).collect(java.util.stream.Collectors.joining(", "));
        if (reconciled.keyField() == null && reconciled.rows() > 0) {
            return keylessNotice(sync, reconciled, runs);
        }
        List<String> sources = new java.util.ArrayList<>();
        if (reconciled.fromResults() > 0 || (reconciled.byKey() == 0 && !reconciled.jobsRead().isEmpty())) {
            sources.add(String.format("%,d from the results of Bulk job %s", reconciled.fromResults(), jobs(reconciled.jobsRead())));
        }
        if (reconciled.byKey() > 0) {
            sources.add(String.format("%,d looked up in Salesforce by %s%s", reconciled.byKey(), reconciled.keyField(), reconciled.jobsGone().isEmpty() ? ""
                    : " (Salesforce no longer has Bulk job " + jobs(reconciled.jobsGone()) + " or its results)"));
        }
        String failed = reconciled.failed() == 0 ? "" : String.format(" (%,d of them failed or were not processed at Salesforce)", reconciled.failed());
        return String.format("%s; %,d rows reconciled (%s): %,d created, %,d to resend%s", runs, reconciled.rows(),
                sources.isEmpty() ? "no idempotency key to look them up by" : String.join("; ", sources), reconciled.created().size(),
                reconciled.toResend(), failed);
    }

    /**
     * A sync without an idempotency key cannot match a dead run's in-flight creates to Salesforce's records (neither by
     * key nor, safely, by a Bulk job's results, which carry no row key): the notice says what happens to them and
     * exactly what the user should check, from when.
     */
    private String keylessNotice(SyncDefinition sync, Reconciler.Result reconciled, String runs) {
        java.time.Instant since = reconciled.runs().stream().map(id -> store.runs().find(id)).flatMap(java.util.Optional::stream)
                .map(Run::startedAt).min(java.util.Comparator.naturalOrder()).orElse(java.time.Instant.EPOCH);
        String from = java.time.format.DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        String delivery = sync.insertWithoutKey() == dev.sfsync.engine.sync.InsertWithoutKey.AT_MOST_ONCE
                ? "although insert_without_key is at_most_once: only a lost answer within a run is held back" : "insert_without_key: at_least_once";
        return String.format("%s; %,d rows were being created when it stopped, and this sync has no idempotency key (match: an external ID"
                        + " field) to tell which of them Salesforce created, so they are sent again (%s). Check %s for"
                        + " duplicates created since %s, e.g. SELECT Id, CreatedDate FROM %s WHERE CreatedDate >= %s ORDER BY CreatedDate, and delete"
                        + " the extra copies; a match on an external ID field makes creates exactly-once", runs, reconciled.rows(),
                delivery, sync.object(), from, sync.object(), from);
    }

    private static String jobs(List<String> ids) {
        return ids.size() <= 3 ? String.join(", ", ids) : String.join(", ", ids.subList(0, 3)) + " and " + (ids.size() - 3) + " more";
    }

    private String howRunEnded(dev.sfsync.core.RunId id) {
        return store.runs().find(id).filter(r -> r.finishedAt() != null).map(r -> String.format("run %s %s at %s", id,
                r.status() == Run.Status.INTERRUPTED ? "was interrupted" : "ended " + r.status(),
                java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(r.finishedAt().atZone(java.time.ZoneId.systemDefault()))))
                .orElse("run " + id + " left rows unsettled");
    }

    private ChangeSet detect(PreparedSync prepared) {
        SyncDefinition sync = prepared.definition();
        return snapshots().detect(snapshotId(sync), source(config.models().get(sync.model())), prepared.model(),
                detectOptions(sync, prepared.fullResync()));
    }

    private static DetectOptions detectOptions(SyncDefinition sync, boolean full) {
        DetectOptions options = DetectOptions.mapped(PreparedSync.mappedColumns(sync)).withConstants(PreparedSync.constants(sync))
                .withUniqueColumns(PreparedSync.uniqueColumns(sync));
        return full ? options.withFullResync() : options;
    }

    /**
     * The snapshot of the sync against the org its connection reaches now: pointing the sync at another org (sandbox to
     * production) starts from an empty snapshot there, instead of sending nothing because another org got the rows.
     */
    private SyncId snapshotId(SyncDefinition sync) {
        SyncId id = SyncId.of(sync.name() + ".org-" + SnapshotOrg.of(config.connections().get(sync.connection()),
                store.connections().find(sync.connection()).orElse(null)).key());
        // Snapshots kept before they were per org, or before the org's id was known, belong to the org the sync reaches now.
        snapshots().adopt(SyncId.of(sync.name()), id);
        snapshots().adopt(SyncId.of(sync.name() + ".org-" + SnapshotOrg.of(config.connections().get(sync.connection()), null).key()), id);
        return id;
    }

    private PreparedSync prepare(SyncDefinition sync, SalesforceClient client, Checked local, boolean full) {
        Checked checked = check(sync, client, local);
        if (!checked.problems.isEmpty()) {
            throw new SyncHasProblems(sync.name(), checked.problems);
        }
        OrgSchema org = OrgSchema.of(client);
        SObjectDescribe object = org.describe(sync.object()).orElseThrow();
        Map<String, SObjectDescribe> lookupObjects = new HashMap<>();
        for (Lookup lookup : sync.lookups()) {
            lookupObjects.put(object.field(lookup.field()).orElseThrow().name(), org.describe(lookup.object()).orElseThrow());
        }
        dev.sfsync.engine.plan.MergeGroups merge = sync.options().merge().map(spec -> dev.sfsync.engine.plan.MergeGroups.read(
                source(config.models().get(sync.model())), checked.model, spec, sync.match().map(dev.sfsync.engine.sync.Match::column).orElse(null)))
                .orElse(null);
        return new PreparedSync(sync, checked.model, checked.schema, object, lookupObjects, full, recordTypes(client, sync, object), merge);
    }

    /** A multi-object sync as it writes Leads. */
    private static PreparedSync leadHalf(PreparedSync prepared, SalesforceClient client) {
        SObjectDescribe lead = OrgSchema.of(client).describe(dev.sfsync.engine.sync.LeadAlternative.OBJECT).orElseThrow();
        return new PreparedSync(dev.sfsync.engine.sync.LeadAlternative.leadHalf(prepared.definition()), prepared.model(), prepared.schema(), lead,
                Map.of(), prepared.fullResync(), dev.sfsync.engine.plan.RecordTypeIds.of(lead, Map.of()), null);
    }

    /** The object's record types by one query when the sync sets them; the describe tells which the user may use. */
    private static dev.sfsync.engine.plan.RecordTypeIds recordTypes(SalesforceClient client, SyncDefinition sync, SObjectDescribe object) {
        if (object.field("RecordTypeId").isEmpty() || sync.options().recordType().isEmpty()) {
            return dev.sfsync.engine.plan.RecordTypeIds.of(object, Map.of());
        }
        Map<String, String> queried = new java.util.LinkedHashMap<>();
        try (var rows = client.rest().query("SELECT Id, DeveloperName FROM RecordType WHERE SobjectType = '" + object.name()
                + "' AND IsActive = true")) {
            rows.forEachRemaining(r -> queried.put(String.valueOf(r.get("DeveloperName")), String.valueOf(r.get("Id"))));
        }
        return dev.sfsync.engine.plan.RecordTypeIds.of(object, queried);
    }

    private record Checked(Model model, ModelSchema schema, List<ConfigProblem> problems) {
    }

    /** The model's columns from the source (no API call); a model the source refuses is a problem of the sync. */
    private Checked describeModel(SyncDefinition sync) {
        ModelConfig modelConfig = config.models().get(sync.model());
        Model model = new Model(modelConfig.name(), modelConfig.sql(), modelConfig.primaryKey());
        try {
            return new Checked(model, source(modelConfig).describe(model), List.of());
        } catch (dev.sfsync.core.SfsyncException e) {
            return new Checked(model, null, List.of(locator.problem("models." + model.name() + ".sql", e.problem(),
                    e.fix() == null ? "check the query against the source" : e.fix())));
        }
    }

    private static Checked readable(SyncDefinition sync, Checked local) {
        if (local.schema == null) {
            throw SyncHasProblems.modelUnreadable(sync.name(), sync.model(), local.problems);
        }
        return local;
    }

    private Checked check(SyncDefinition sync, SalesforceClient client, Checked local) {
        if (local.schema == null) {
            return local;
        }
        return new Checked(local.model, local.schema, RemoteValidator.validate(sync, local.schema, OrgSchema.of(client), locator));
    }

    private Source source(ModelConfig model) {
        SourceConfig source = Objects.requireNonNull(config.sources().get(model.source()), "source " + model.source());
        Path directory = config.directory().toAbsolutePath();
        if (source.url().startsWith("jdbc:duckdb:") && source.settings().changeDetection() == dev.sfsync.source.ChangeDetectionMode.LOCAL) {
            String location = source.url().substring("jdbc:duckdb:".length());
            int query = location.indexOf('?');
            location = query < 0 ? location : location.substring(0, query);
            return location.isEmpty() || location.startsWith(":memory:")
                    ? DuckDbSource.files(source.name(), directory)
                    : DuckDbSource.file(source.name(), directory.resolve(location));
        }
        return ProjectSources.open(source, directory);
    }

    private synchronized SalesforceClient quietClient(SyncDefinition sync) {
        return quietClients.computeIfAbsent(sync.connection(), c -> clients.client(config.connections().get(c), ExchangeListener.NONE));
    }

    public dev.sfsync.engine.inbound.InboundSyncDefinition inboundSync(String name) {
        dev.sfsync.engine.inbound.InboundSyncDefinition sync = config.inbound().get(name);
        if (sync == null) {
            throw new UnknownSync(name, config.inbound().keySet());
        }
        return sync;
    }

    /** Runs an inbound sync (see {@link InboundProject#run}). */
    public dev.sfsync.engine.inbound.InboundResult runInbound(String name, boolean full, dev.sfsync.engine.inbound.InboundProgress progress) {
        dev.sfsync.engine.inbound.InboundSyncDefinition sync = inboundSync(name);
        noteDeadRuns();
        // One process at a time writes the sync's table: a second run waits its turn (exit 5) as an outbound run does.
        try (SyncLease lease = SyncLease.acquire(store.runLeases(), SyncId.of(name), leaseTtl)) {
            return new InboundProject(config, locator, store, clients).run(sync, full, progress, lease);
        }
    }

    /** Runs a two-way sync (see {@link TwoWayProject#run}). */
    public dev.sfsync.engine.twoway.TwoWayResult runTwoWay(String name) {
        dev.sfsync.engine.twoway.TwoWaySyncDefinition sync = config.twoWay().get(name);
        if (sync == null) {
            throw new UnknownSync(name, config.twoWay().keySet());
        }
        noteDeadRuns();
        try (SyncLease lease = SyncLease.acquire(store.runLeases(), SyncId.of(name), leaseTtl)) {
            return new TwoWayProject(config, locator, store, clients).run(sync, lease);
        }
    }

    /** Why a record is not in an inbound sync's table (see {@link InboundProject#whyMissing}). */
    public dev.sfsync.engine.inbound.WhyMissing.Answer whyMissing(String name, String recordIdOrEmail) {
        return new InboundProject(config, locator, store, clients).whyMissing(inboundSync(name), recordIdOrEmail);
    }

    /** Every outcome of a run is in the store; this is for callers that only hold the project. */
    public List<RowOutcome> outcomes(dev.sfsync.core.RunId run, int limit) {
        return store.outcomes().list(run, java.util.Set.of(), limit, 0);
    }

    private synchronized SnapshotStore snapshots() {
        if (snapshots == null) {
            snapshots = openSnapshots.get();
        }
        return snapshots;
    }

    @Override
    public synchronized void close() {
        if (snapshots != null) {
            snapshots.close();
        }
    }

    /** An insert sync's snapshot is missing while the store remembers records it created. */
    public static final class SnapshotLost extends dev.sfsync.core.SfsyncException {
        SnapshotLost(SyncDefinition sync, long created) {
            super(String.format("sync '%s' had %,d rows synced, but its snapshot is missing or empty (was %s deleted or"
                            + " restored from an old backup?): running it now would create their records again", sync.name(), created,
                            STATE_DIRECTORY + "/" + SnapshotStore.FILE_NAME),
                    "restore " + SnapshotStore.FILE_NAME + " from a backup of the state directory, or run 'sfsync repair " + sync.name() + "'"
                            + (sync.hasIdempotencyKey() ? " to rebuild it from the records in Salesforce (found by " + sync.match().orElseThrow().field() + ")"
                            : " --resend-all to accept that every row is created again (this sync has no idempotency key to find its records by)"));
        }
    }

    /** An insert sync's snapshot is older than the last one a run committed: it was restored from an older backup. */
    public static final class SnapshotOutdated extends dev.sfsync.core.SfsyncException {
        SnapshotOutdated(SyncDefinition sync, long expected, java.util.OptionalLong found, String place) {
            super(String.format("sync '%s': its snapshot in %s is older than the state store remembers (the store remembers commit number"
                            + " %d, the snapshot holds %s): it was restored from an older backup, and running now would create again"
                            + " the records synced since", sync.name(), place, expected,
                            found.isPresent() ? "number " + found.getAsLong() : "a snapshot from before they were numbered"),
                    "restore the newest backup of the snapshot (taken together with state.db), or run 'sfsync repair "
                            + sync.name() + "'" + (sync.hasIdempotencyKey() ? " to rebuild it from the records in Salesforce (found by "
                            + sync.match().orElseThrow().field() + ")" : " --resend-all to accept that rows synced since are created again"));
        }
    }

    /** The state store is older than an insert sync's snapshot: it was restored from an older backup, or made anew. */
    public static final class StateStoreOutdated extends dev.sfsync.core.SfsyncException {
        StateStoreOutdated(SyncDefinition sync, java.util.Optional<Long> expected, long found, String place) {
            super(String.format("sync '%s': the state store %s is older than its snapshot in %s (the snapshot holds commit number %d,"
                            + " the state store remembers %s): it was restored from an older backup or made anew, so it lacks the record of"
                            + " which creates later runs had in flight, and running now could create some records twice", sync.name(),
                            STATE_DIRECTORY + "/" + dev.sfsync.store.StateStore.FILE_NAME, place, found,
                            expected.map(n -> "commit number " + n).orElse("no commit of it")),
                    "restore the newest backup of " + dev.sfsync.store.StateStore.FILE_NAME + " (taken together with the snapshot), or run 'sfsync repair "
                            + sync.name() + "'" + (sync.hasIdempotencyKey() ? " to check the snapshot against the records in Salesforce (found by "
                            + sync.match().orElseThrow().field() + ")" : " --resend-all to accept that rows in flight are created again"));
        }
    }

    /** Repair rebuilds insert snapshots only: the other modes find their records by the match on every run. */
    public static final class RepairNotNeeded extends dev.sfsync.core.SfsyncException {
        RepairNotNeeded(SyncDefinition sync) {
            super("sync '" + sync.name() + "' is a " + sync.mode().configName() + " sync: without its snapshot the next run sends every row again,"
                    + " which finds each record by the match and creates no duplicate", "nothing to repair; just run it");
        }
    }

    /** An insert without an idempotency key has nothing to find its records by. */
    public static final class RepairNotPossible extends dev.sfsync.core.SfsyncException {
        RepairNotPossible(SyncDefinition sync) {
            super("sync '" + sync.name() + "' has no idempotency key, so its records in Salesforce cannot be told apart from others",
                    "add 'match: {column: <key column>, field: <external ID field>}' for the future, and run 'sfsync repair " + sync.name()
                            + " --resend-all' to accept that the next run creates every row again");
        }
    }

    /** The project has no sync of that name. */
    public static final class UnknownSync extends dev.sfsync.core.SfsyncException {
        UnknownSync(String name, java.util.Collection<String> names) {
            super("the project has no sync named '" + name + "'", dev.sfsync.engine.config.NearestName.fix(name, names, "sync"));
        }
    }
}
