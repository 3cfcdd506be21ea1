package dev.sfsync.engine.project;

import dev.sfsync.engine.config.ConfigResult;
import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.engine.run.RunProgress;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.auth.LoginHost;
import dev.sfsync.store.StateStore;
import dev.sfsync.testing.EmulatedOrg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A project in a temp directory against an emulated org: a DuckDB warehouse the test fills with SQL, an sfsync.yaml
 * the test writes, and a {@link SyncProject} whose client logs in with the password grant and whose split-retry
 * waits are recorded, not slept (Bulk polls do sleep, briefly).
 */
final class EngineHarness implements AutoCloseable {
    static final String CONNECTION = """
            connections:
              org:
                environment: custom
                login_url: %s
                client_id: %s
                %s
            sources:
              warehouse:
                url: jdbc:duckdb:warehouse.duckdb
                %s
            """;

    /** A model over the warehouse's table accounts (key id) and the head of a sync 'accounts' of it into Account. */
    static final String ACCOUNTS_SYNC = """
            models:
              accounts:
                sql: select * from accounts
                primary_key: id
            syncs:
              accounts:
                model: accounts
                object: Account
            """;

    final Path directory;
    final EmulatedOrg org;
    final List<Duration> waits = new CopyOnWriteArrayList<>();
    /** How long the project's clients wait for a Bulk job before giving up with JOB_TIMEOUT. */
    Duration pollTimeout = Duration.ofSeconds(60);
    private final java.util.Map<String, EmulatedOrg> otherOrgs = new java.util.HashMap<>();
    private StateStore store;
    private SyncProject project;
    private String connectionSettings = "";
    private String sourceSettings = "";

    /** One more key of the connection, e.g. {@code "quota: {reserve: 20%}"}; call before config(). */
    EngineHarness connectionSettings(String yaml) {
        connectionSettings = yaml.strip();
        return this;
    }

    /** More keys of the warehouse source, e.g. {@code "change_detection: warehouse"}; call before config(). */
    EngineHarness sourceSettings(String yaml) {
        sourceSettings = yaml.strip();
        return this;
    }

    EngineHarness(Path directory, EmulatedOrg org) {
        this.directory = directory;
        this.org = org;
    }

    /** Runs SQL against the warehouse (with the project closed, as DuckDB lets one process open a file once). */
    EngineHarness sql(String... statements) {
        closeProject();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("warehouse.duckdb")); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** Rows of a query against the warehouse, each as lower-case column name -> value (with the project closed). */
    List<java.util.Map<String, Object>> query(String sql) {
        closeProject();
        List<java.util.Map<String, Object>> rows = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("warehouse.duckdb")); Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                java.util.Map<String, Object> row = new java.util.LinkedHashMap<>();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    row.put(rs.getMetaData().getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return rows;
    }

    /** Writes sfsync.yaml: the connection to the emulator and the warehouse, then the given models and syncs. */
    EngineHarness config(String modelsAndSyncs) {
        return wholeConfig(CONNECTION.formatted(org.loginUrl(), org.clientId(), connectionSettings, sourceSettings) + modelsAndSyncs);
    }

    /** Another emulated org, reached by the connections whose login_url is its own. */
    EngineHarness alsoReaching(EmulatedOrg other) {
        otherOrgs.put(other.loginUrl(), other);
        return this;
    }

    /** Writes sfsync.yaml as given. */
    EngineHarness wholeConfig(String yaml) {
        closeProject();
        try {
            Files.writeString(directory.resolve(ProjectConfigReader.FILE_NAME), yaml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    SyncProject project() {
        if (project == null) {
            ConfigResult result = new ProjectConfigReader().read(directory);
            if (!result.ok()) {
                throw new IllegalStateException("test config has problems: " + result.problems());
            }
            Path state = directory.resolve(SyncProject.STATE_DIRECTORY);
            store = StateStore.embedded(state).open();
            project = SyncProject.open(result.config().orElseThrow(), new ProjectConfigReader().locator(directory), store, state,
                    (connection, listener) -> client(otherOrgs.getOrDefault(connection.loginUrl(), org), listener, connection.reserve()), waits::add);
        }
        return project;
    }

    SalesforceClient client(dev.sfsync.salesforce.observe.ExchangeListener listener) {
        return client(org, listener, dev.sfsync.salesforce.limits.QuotaReserve.NONE);
    }

    SalesforceClient client(dev.sfsync.salesforce.observe.ExchangeListener listener, dev.sfsync.salesforce.limits.QuotaReserve reserve) {
        return client(org, listener, reserve);
    }

    private SalesforceClient client(EmulatedOrg org, dev.sfsync.salesforce.observe.ExchangeListener listener,
            dev.sfsync.salesforce.limits.QuotaReserve reserve) {
        return SalesforceClient.builder().loginHost(LoginHost.of(org.loginUrl())).quotaReserve(reserve)
                .credentials(Credentials.password(org.clientId(), org.clientSecret(), org.username(), org.password()))
                .listener(listener).sleeper(dev.sfsync.salesforce.retry.Sleeper.SYSTEM)
                .pollPolicy(new dev.sfsync.salesforce.retry.PollPolicy(Duration.ofMillis(20), Duration.ofMillis(200), 2, pollTimeout))
                .workDirectory(directory).build();
    }

    /** A client logged in as another user of the org file (e.g. an admin who owns records the sync's user may not see). */
    SalesforceClient clientAs(String username, String password) {
        return SalesforceClient.builder().loginHost(LoginHost.of(org.loginUrl()))
                .credentials(Credentials.password(org.clientId(), org.clientSecret(), username, password)).workDirectory(directory).build();
    }

    /**
     * What a process killed in the middle of running the sync leaves: a RUNNING run under the lease of a process that is
     * gone. Its intents are for the test to add.
     */
    dev.sfsync.store.Run deadRun(String sync) throws Exception {
        return deadRun(sync, dev.sfsync.store.Run.Kind.OUTBOUND);
    }

    dev.sfsync.store.Run deadRun(String sync, dev.sfsync.store.Run.Kind kind) throws Exception {
        StateStore state = project().store();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String dead = new dev.sfsync.engine.lease.LeaseHolder(gone.pid(), dev.sfsync.engine.lease.LeaseHolder.current().host(),
                java.time.Instant.parse("2026-01-01T00:00:00Z")).toString();
        dev.sfsync.core.SyncId id = dev.sfsync.core.SyncId.of(sync);
        dev.sfsync.store.RunLease lease = state.runLeases().tryAcquire(id, dead, Duration.ofMinutes(5)).orElseThrow();
        dev.sfsync.store.Run killed = state.runs().start(id, kind);
        state.runLeases().attach(lease, killed.id());
        return killed;
    }

    RunResult run(String sync) {
        return project().run(sync, RunProgress.NONE);
    }

    /** How many Accounts of the org hold each External_Key__c value: exactly-once tests expect 1 for every key. */
    java.util.Map<Object, Long> accountsPerKey() {
        return org.records("Account").stream().collect(java.util.stream.Collectors.groupingBy(r -> String.valueOf(r.get("External_Key__c")),
                java.util.stream.Collectors.counting()));
    }

    /** Converts a Lead through the emulator's admin endpoint (as Salesforce's Convert button does). */
    void convertLead(String leadId) {
        try {
            java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(org.loginUrl() + "/__admin/leads/" + leadId + "/convert")).POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() >= 300) {
                throw new IllegalStateException("converting lead " + leadId + ": " + answer.statusCode() + " " + answer.body());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    RunResult runFull(String sync) {
        return project().run(sync, true, RunProgress.NONE);
    }

    private void closeProject() {
        if (project != null) {
            project.close();
            store.close();
            project = null;
            store = null;
        }
    }

    @Override
    public void close() {
        closeProject();
    }
}
