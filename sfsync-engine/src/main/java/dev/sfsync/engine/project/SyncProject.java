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
import dev.sfsync.engine.run.RestCollectionsWriter;
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
    private final SnapshotStore snapshots;
    private final ClientFactory clients;
    private final Sleeper sleeper;
    private final Map<String, SalesforceClient> quietClients = new HashMap<>();
    private int rowsPerBulkLoad = dev.sfsync.engine.sync.ApiChoice.BULK_ROWS_PER_LOAD;
    private Duration leaseTtl = SyncLease.DEFAULT_TTL;
    private final List<DeadRuns.Interrupted> interrupted = new ArrayList<>();

    private SyncProject(ProjectConfig config, ProblemLocator locator, StateStore store, SnapshotStore snapshots, ClientFactory clients,
                        Sleeper sleeper) {
        this.config = config;
        this.locator = locator;
        this.store = store;
        this.snapshots = snapshots;
        this.clients = clients;
        this.sleeper = sleeper;
    }

    public static SyncProject open(ProjectConfig config, ProblemLocator locator, StateStore store, Path stateDirectory, ClientFactory clients,
                                   Sleeper sleeper) {
        SyncProject project = new SyncProject(config, locator, store, SnapshotStore.open(stateDirectory), clients, sleeper);
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
            try (ChangeSet changes = snapshots.detect(SyncId.of(name), source(config.models().get(sync.model())), local.model,
                    detectOptions(sync)); OutcomeLog outcomeLog = new OutcomeLog(store, run.id())) {
                progress.detected(changes.counts());
                java.util.function.Consumer<List<RowOutcome>> settle = outcomes -> {
                    if (!outcomes.isEmpty()) {
                        changes.record(outcomes);
                        outcomeLog.write(outcomes);
                        progress.settled(outcomes);
                    }
                };
                String stopped = null;
                if (needsSalesforce(sync, changes.counts())) {
                    SalesforceClient client = clients.client(config.connections().get(sync.connection()), log);
                    PreparedSync prepared = prepare(sync, client, local);
                    stopped = runner(prepared, client, new SplitRetry(sync.retry(), sleeper), settle).run(changes);
                } else {
                    settleRemovedRowsAsUnchanged(changes, settle);
                }
                outcomeLog.finish();
                CommitResult commit = changes.commit();
                RunSummary summary = store.outcomes().summarize(run.id());
                Run.Status status = stopped != null ? Run.Status.FAILED : summary.allSucceeded() ? Run.Status.SUCCEEDED : Run.Status.PARTIAL;
                store.runs().finish(run.id(), status, summary, stopped);
                return new RunResult(name, run.id(), changes.counts(), summary, store.outcomes().errorCounts(run.id()), commit, calls.get(),
                        stopped, changes.notices());
            }
        } catch (RuntimeException e) {
            store.runs().finish(run.id(), Run.Status.FAILED, store.outcomes().summarize(run.id()), e.getMessage());
            throw e;
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

    private Runner runner(PreparedSync sync, SalesforceClient client, SplitRetry retry, java.util.function.Consumer<List<RowOutcome>> settle) {
        return switch (sync.definition().api()) {
            case REST -> Runner.writing(sync, new RestCollectionsWriter(client, sync.definition().batchSize()), client, retry, settle);
            case BULK1, BULK2 -> Runner.loading(sync, sync.definition().api(), client, retry, rowsPerBulkLoad, settle);
        };
    }

    private ChangeSet detect(PreparedSync prepared) {
        SyncDefinition sync = prepared.definition();
        return snapshots.detect(SyncId.of(sync.name()), source(config.models().get(sync.model())), prepared.model(),
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

    @Override
    public void close() {
        snapshots.close();
    }

    /** The project has no sync of that name. */
    public static final class UnknownSync extends dev.sfsync.core.SfsyncException {
        UnknownSync(String name, java.util.Collection<String> names) {
            super("the project has no sync named '" + name + "'", dev.sfsync.engine.config.NearestName.fix(name, names, "sync"));
        }
    }
}
