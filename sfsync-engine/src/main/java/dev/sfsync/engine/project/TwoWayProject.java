package dev.sfsync.engine.project;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.config.ProblemLocator;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.twoway.Conflict;
import dev.sfsync.engine.twoway.TwoWayResult;
import dev.sfsync.engine.twoway.TwoWaySyncDefinition;
import dev.sfsync.engine.twoway.TwoWaySyncs;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.source.UnableToOpenSource;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Two-way syncs of a project: the run, its row outcomes (duplicates as rejected rows) and its API log go to the
 * state store; every conflict is written into the run's message, which 'sfsync runs show' prints.
 */
final class TwoWayProject {
    /** Conflicts listed one by one in a run's record; the rest are counted. */
    static final int CONFLICTS_LISTED = 200;

    private final ProjectConfig config;
    private final ProblemLocator locator;
    private final StateStore store;
    private final ClientFactory clients;

    TwoWayProject(ProjectConfig config, ProblemLocator locator, StateStore store, ClientFactory clients) {
        this.config = config;
        this.locator = locator;
        this.store = store;
        this.clients = clients;
    }

    TwoWayResult run(TwoWaySyncDefinition sync, dev.sfsync.engine.lease.SyncLease lease) {
        Run run = store.runs().start(SyncId.of(sync.name()), Run.Kind.TWO_WAY);
        lease.attach(run.id());
        ExchangeListener log = exchange -> SyncProject.logCall(store, run, exchange);
        try (SalesforceClient client = clients.client(config.connections().get(sync.connection()), log);
             Connection table = SourceConnections.open(config, sync.source())) {
            List<ConfigProblem> problems = TwoWaySyncs.problems(sync, client, table, locator);
            if (!problems.isEmpty()) {
                throw new SyncHasProblems(sync.name(), problems);
            }
            TwoWayResult result = TwoWaySyncs.run(sync, client, table, page -> store.outcomes().record(run.id(), page));
            RunSummary summary = store.outcomes().summarize(run.id());
            Run.Status status = summary.allSucceeded() ? Run.Status.SUCCEEDED : Run.Status.PARTIAL;
            store.runs().finish(run.id(), status, summary, message(result));
            return result;
        } catch (SQLException e) {
            store.runs().finish(run.id(), Run.Status.FAILED, store.outcomes().summarize(run.id()), e.getMessage());
            throw new UnableToOpenSource(sync.source(), config.sources().get(sync.source()).url(), e.getMessage(),
                    "check the source and that table " + sync.table() + " exists with the mapped columns", e);
        } catch (RuntimeException e) {
            store.runs().finish(run.id(), Run.Status.FAILED, store.outcomes().summarize(run.id()), e.getMessage());
            throw e;
        }
    }

    static String message(TwoWayResult result) {
        StringBuilder text = new StringBuilder(String.format("%d created and %d updated in Salesforce, %d rows updated in the table, %d conflicts",
                result.createdInSalesforce(), result.updatedInSalesforce(), result.updatedInTable(), result.conflicts().size()));
        List<Conflict> conflicts = result.conflicts();
        for (int i = 0; i < Math.min(CONFLICTS_LISTED, conflicts.size()); i++) {
            text.append("\n  conflict: ").append(conflicts.get(i).describe());
        }
        if (conflicts.size() > CONFLICTS_LISTED) {
            text.append("\n  … and ").append(conflicts.size() - CONFLICTS_LISTED).append(" more conflicts");
        }
        return text.toString();
    }
}
