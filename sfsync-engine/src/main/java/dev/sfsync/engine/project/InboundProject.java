package dev.sfsync.engine.project;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.engine.config.ProblemLocator;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.inbound.InboundColumns;
import dev.sfsync.engine.inbound.InboundProgress;
import dev.sfsync.engine.inbound.InboundResult;
import dev.sfsync.engine.inbound.InboundSyncDefinition;
import dev.sfsync.engine.inbound.InboundSyncs;
import dev.sfsync.engine.inbound.WhyMissing;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.source.UnableToOpenSource;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

/** Inbound syncs of a project: the client of the sync's connection, its destination source, and the run kept in the store. */
final class InboundProject {
    private final ProjectConfig config;
    private final ProblemLocator locator;
    private final StateStore store;
    private final ClientFactory clients;

    InboundProject(ProjectConfig config, ProblemLocator locator, StateStore store, ClientFactory clients) {
        this.config = config;
        this.locator = locator;
        this.store = store;
        this.clients = clients;
    }

    /**
     * Runs the sync: the run and its API log are kept in the state store (created, updated, deleted and unchanged
     * rows in its summary). Throws {@link SyncHasProblems} when the sync does not fit the org (nothing read).
     */
    InboundResult run(InboundSyncDefinition sync, boolean full, InboundProgress progress, dev.sfsync.engine.lease.SyncLease lease) {
        Run run = store.runs().start(SyncId.of(sync.name()), Run.Kind.INBOUND);
        lease.attach(run.id());
        ExchangeListener log = exchange -> SyncProject.logCall(store, run, exchange);
        try (SalesforceClient client = clients.client(config.connections().get(sync.connection()), log)) {
            InboundColumns columns = columns(sync, client);
            try (Connection destination = open(sync)) {
                InboundResult result = InboundSyncs.run(sync, columns, client, orgId(client), destination, full, Clock.systemUTC(), progress);
                store.runs().finish(run.id(), Run.Status.SUCCEEDED,
                        new RunSummary(result.created(), result.updated(), result.deleted(), result.unchanged(), 0, 0), String.join("; ", result.notices()));
                return result;
            }
        } catch (SQLException e) {
            store.runs().finish(run.id(), Run.Status.FAILED, RunSummary.EMPTY, e.getMessage());
            throw unusable(sync, e);
        } catch (RuntimeException e) {
            store.runs().finish(run.id(), Run.Status.FAILED, RunSummary.EMPTY, e.getMessage());
            throw e;
        }
    }

    WhyMissing.Answer whyMissing(InboundSyncDefinition sync, String recordIdOrEmail) {
        try (SalesforceClient client = clients.client(config.connections().get(sync.connection()), ExchangeListener.NONE)) {
            InboundColumns columns = columns(sync, client);
            try (Connection destination = open(sync)) {
                return WhyMissing.explain(sync, columns, client, orgId(client), destination, recordIdOrEmail);
            }
        } catch (SQLException e) {
            throw unusable(sync, e);
        }
    }

    private UnableToOpenSource unusable(InboundSyncDefinition sync, SQLException e) {
        return new UnableToOpenSource(sync.source(), config.sources().get(sync.source()).url(), e.getMessage(),
                "check the source's URL and credentials, and that no other process holds a DuckDB file open", e);
    }

    private InboundColumns columns(InboundSyncDefinition sync, SalesforceClient client) {
        InboundColumns.Planned planned = InboundSyncs.columns(sync, client, locator);
        if (!planned.problems().isEmpty()) {
            throw new SyncHasProblems(sync.name(), planned.problems());
        }
        return planned.columns().orElseThrow();
    }

    /** The org the client is logged in to (from the identity URL), which the cursor belongs to. */
    private static String orgId(SalesforceClient client) {
        return client.session().tokens().orgId().orElseGet(() -> client.session().instanceUrl().getHost());
    }

    /**
     * An inbound sync's DuckDB needs little memory: rows are appended, and only the Ids are grouped (spilling to disk
     * past the limit). A limit well below the shared one keeps a sync's peak memory the same whatever the object's size.
     */
    static final String INBOUND_DUCKDB_MEMORY_LIMIT = "128MB";

    private Connection open(InboundSyncDefinition sync) throws SQLException {
        Connection c = SourceConnections.open(config, sync.source());
        try {
            if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("duckdb")) {
                try (java.sql.Statement s = c.createStatement()) {
                    s.execute("SET memory_limit = '" + INBOUND_DUCKDB_MEMORY_LIMIT + "'");
                }
            }
            return c;
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }
}
