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
        SyncDefinition sync = sync(name);
        Checked local = readable(sync, describeModel(sync));
        PreparedSync prepared = prepare(sync, quietClient(sync), local);
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
        SyncDefinition sync = sync(name);
        noteDeadRuns();
        try (SyncLease lease = SyncLease.acquire(store.runLeases(), SyncId.of(name), leaseTtl)) {
            return run(sync, lease, progress);
        }
    }

    /** The sync's lease is this process's: nobody else sends its rows until the run ends. */
    private RunResult run(SyncDefinition sync, SyncLease lease, RunProgress progress) {
        String name = sync.name();
        Run run = store.runs().start(SyncId.of(name), Run.Kind.OUTBOUND);
        lease.attach(run.id());
        progress.started(run.id());
        AtomicLong calls = new AtomicLong();
        ExchangeListener log = exchange -> {
            calls.incrementAndGet();
            store.apiLog().record(apiCall(run, exchange));
        };
        try {
            Checked local = readable(sync, describeModel(sync));
            // Changes are detected before any call, so a sync whose model did not change costs no API call at all.
            try (ChangeSet changes = snapshots().detect(SyncId.of(name), source(config.models().get(sync.model())), local.model,
                    detectOptions(sync)); OutcomeLog outcomeLog = new OutcomeLog(store, run.id())) {
                checkSnapshotKept(sync);
                progress.detected(changes.counts());
                boolean creates = sync.mode() == dev.sfsync.engine.sync.SyncMode.INSERT;
                java.util.function.Consumer<List<RowOutcome>> settle = outcomes -> {
                    if (!outcomes.isEmpty()) {
                        changes.record(outcomes);
                        if (creates) {
                            store.intents().settled(SyncId.of(name), outcomes.stream().map(RowOutcome::key).toList());
                        }
                        outcomeLog.write(outcomes);
                        progress.settled(outcomes);
                    }
                };
                String stopped = null;
                List<String> notices = new ArrayList<>(changes.notices());
                if (needsSalesforce(sync, changes.counts()) || hasIntents(sync)) {
                    SalesforceClient client = clients.client(config.connections().get(sync.connection()), log);
                    PreparedSync prepared = prepare(sync, client, local);
                    // Before anything is sent: what earlier runs left in flight is settled against the org first.
                    Reconciler.Result reconciled = new Reconciler(prepared, client, store.intents()).reconcile();
                    if (!reconciled.nothing()) {
                        notices.add(reconciledNotice(reconciled));
                    }
                    stopped = runner(prepared, client, new SplitRetry(sync.retry(), sleeper), settle, new StoredIntents(store, sync, run.id()))
                            .alreadyCreated(reconciled.created()).run(changes);
                } else {
                    settleRemovedRowsAsUnchanged(changes, settle);
                }
                outcomeLog.finish();
                CommitResult commit = changes.commit();
                store.snapshotMarks().remember(SyncId.of(name), snapshots().size(SyncId.of(name)));
                // Every row of this run has its outcome, and what earlier runs left was reconciled before it sent anything.
                store.intents().clear(SyncId.of(name));
                RunSummary summary = store.outcomes().summarize(run.id());
                Run.Status status = stopped != null ? Run.Status.FAILED : summary.allSucceeded() ? Run.Status.SUCCEEDED : Run.Status.PARTIAL;
                store.runs().finish(run.id(), status, summary, stopped);
                return new RunResult(name, run.id(), changes.counts(), summary, store.outcomes().errorCounts(run.id()), commit, calls.get(),
                        stopped, notices);
            }
        } catch (RuntimeException e) {
            store.runs().finish(run.id(), Run.Status.FAILED, store.outcomes().summarize(run.id()), e.getMessage());
            throw e;
        }
    }

    /**
     * An insert sync whose snapshot is gone while the store remembers records it created would create them all again:
     * refused until the snapshot is restored or rebuilt by {@link #repair}.
     */
    private void checkSnapshotKept(SyncDefinition sync) {
        SyncId id = SyncId.of(sync.name());
        long remembered = store.snapshotMarks().rows(id).orElse(0L);
        if (sync.mode() == dev.sfsync.engine.sync.SyncMode.INSERT && remembered > 0 && snapshots().size(id) == 0) {
            throw new SnapshotLost(sync, remembered);
        }
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
                    SalesforceClient client = clients.client(config.connections().get(sync.connection()), exchange -> store.apiLog()
                            .record(apiCall(run, exchange)));
                    PreparedSync prepared = prepare(sync, client, local);
                    try (ChangeSet changes = detect(prepared); OutcomeLog outcomeLog = new OutcomeLog(store, run.id())) {
                        result = new SnapshotRepair(prepared, client).repair(changes, outcomes -> {
                            changes.record(outcomes);
                            outcomeLog.write(outcomes);
                        });
                        outcomeLog.finish();
                        changes.commit();
                    }
                    store.snapshotMarks().remember(id, snapshots().size(id));
                }
                if (!sync.hasIdempotencyKey()) {
                    store.snapshotMarks().remember(id, 0);
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

    private static ApiCall apiCall(Run run, ApiExchange exchange) {
        String error = exchange.failure();
        if (error == null && exchange.status() >= 400 && exchange.responseBody() != null) {
            String body = exchange.responseBody();
            error = body.length() > 500 ? body.substring(0, 500) + "…" : body;
        }
        return new ApiCall(run.id(), exchange.startedAt(), exchange.method(), exchange.url().toString(), exchange.status(), exchange.total(),
                exchange.requestBytes(), exchange.responseBytes(), error);
    }

    /** Tests make Bulk loads small to see a run spread over several. */
    void rowsPerBulkLoad(int rows) {
        rowsPerBulkLoad = rows;
    }

    private Runner runner(PreparedSync sync, SalesforceClient client, SplitRetry retry, java.util.function.Consumer<List<RowOutcome>> settle,
                          WriteAheadLog intents) {
        return switch (sync.definition().api()) {
            case REST -> Runner.writing(sync, new RestCollectionsWriter(client, sync.definition().batchSize()), client, retry, settle, intents);
            case BULK1, BULK2 -> Runner.loading(sync, sync.definition().api(), client, retry, rowsPerBulkLoad, settle, intents);
        };
    }

    private boolean hasIntents(SyncDefinition sync) {
        SyncId id = SyncId.of(sync.name());
        return store.intents().countPendingRows(id) > 0 || !store.intents().pendingJobs(id).isEmpty();
    }

    /** E.g. "run R was interrupted at 14:02; 24,400 rows reconciled: 24,400 created, 0 to resend". */
    private static String reconciledNotice(Reconciler.Result reconciled) {
        String runs = reconciled.runs().stream().map(r -> "run " + r).collect(java.util.stream.Collectors.joining(", "));
        return String.format("%s left %,d row(s) and %d Bulk job(s) unsettled; %,d rows reconciled: %,d created, %,d to resend",
                runs, reconciled.rows(), reconciled.jobs(), reconciled.rows(), reconciled.created().size(), reconciled.toResend());
    }

    private ChangeSet detect(PreparedSync prepared) {
        SyncDefinition sync = prepared.definition();
        return snapshots().detect(SyncId.of(sync.name()), source(config.models().get(sync.model())), prepared.model(),
                detectOptions(sync));
    }

    private static DetectOptions detectOptions(SyncDefinition sync) {
        return DetectOptions.mapped(PreparedSync.mappedColumns(sync)).withConstants(PreparedSync.constants(sync))
                .withUniqueColumns(PreparedSync.uniqueColumns(sync));
    }

    private PreparedSync prepare(SyncDefinition sync, SalesforceClient client, Checked local) {
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
        return new PreparedSync(sync, checked.model, checked.schema, object, lookupObjects);
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
        if (source.url().startsWith("jdbc:duckdb:")) {
            String location = source.url().substring("jdbc:duckdb:".length());
            int query = location.indexOf('?');
            location = query < 0 ? location : location.substring(0, query);
            return location.isEmpty() || location.startsWith(":memory:")
                    ? DuckDbSource.files(source.name(), directory)
                    : DuckDbSource.file(source.name(), directory.resolve(location));
        }
        return Source.open(new dev.sfsync.source.SourceConfig(source.name(), source.url(),
                SecretValues.resolve(source.user(), directory), SecretValues.resolve(source.password(), directory)));
    }

    private synchronized SalesforceClient quietClient(SyncDefinition sync) {
        return quietClients.computeIfAbsent(sync.connection(), c -> clients.client(config.connections().get(c), ExchangeListener.NONE));
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
