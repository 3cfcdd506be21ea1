package dev.sfsync.server;

import dev.sfsync.engine.config.ConfigResult;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.auth.LoginHost;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.server.run.SharedProject;
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

/**
 * A project in a temp directory against an emulated org, as the server sees it: sfsync.yaml (a connection to the
 * emulator, a DuckDB warehouse, the models and syncs a test writes), the state store, and the server's tables.
 */
public final class TestProject implements AutoCloseable {
    static final String HEAD = """
            connections:
              org: {environment: custom, login_url: %s, client_id: %s}
            sources:
              warehouse: {url: "jdbc:duckdb:warehouse.duckdb"}
            """;

    /** Two models over the warehouse's tables accounts and contacts (key id, column name), inserted into Account and Contact. */
    public static final String ACCOUNTS_AND_CONTACTS = """
            models:
              accounts: {sql: select * from accounts, primary_key: id}
              contacts: {sql: select * from contacts, primary_key: id}
              broken: {sql: select * from no_such_table, primary_key: id}
            """;

    public final Path directory;
    public final EmulatedOrg org;
    private StateStore store;
    private ServerDatabase serverDb;

    public TestProject(Path directory, EmulatedOrg org) {
        this.directory = directory;
        this.org = org;
        sql("create table if not exists accounts as select 'A' || i as id, 'Account ' || i as name from range(3) t(i)",
                "create table if not exists contacts as select 'C' || i as id, 'Last ' || i as name from range(2) t(i)");
    }

    /** Writes sfsync.yaml: the connection and warehouse, the two models, then what the test gives (syncs:, sequences:, alerts:). */
    public TestProject config(String rest) {
        try {
            Files.writeString(directory.resolve(ProjectConfigReader.FILE_NAME),
                    HEAD.formatted(org.loginUrl(), org.clientId()) + ACCOUNTS_AND_CONTACTS + rest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** A sync of a model inserting its name column into an object's given field. */
    public static String insertSync(String name, String model, String object, String field, String extra) {
        return "  " + name + ":\n    model: " + model + "\n    object: " + object + "\n    mode: insert\n    insert_without_key: at_least_once\n    mappings: [{from: name, to: " + field + "}]\n"
                + (extra.isEmpty() ? "" : "    " + extra + "\n");
    }

    public ProjectConfig read() {
        ConfigResult result = new ProjectConfigReader().read(directory);
        if (!result.ok()) {
            throw new IllegalStateException("test config has problems: " + result.problems());
        }
        return result.config().orElseThrow();
    }

    public TestProject sql(String... statements) {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + directory.resolve("warehouse.duckdb")); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    public Path stateDirectory() {
        return directory.resolve(SyncProject.STATE_DIRECTORY);
    }

    public synchronized StateStore store() {
        if (store == null) {
            store = StateStore.embedded(stateDirectory()).open();
        }
        return store;
    }

    public synchronized ServerDatabase serverDb() {
        if (serverDb == null) {
            store();
            serverDb = ServerDatabase.embedded(stateDirectory());
        }
        return serverDb;
    }

    /** Opens the project as the CLI does, the client logging in with the emulator user's password. */
    public SharedProject shared(ProjectConfig config) {
        return new SharedProject(() -> SyncProject.open(config, new ProjectConfigReader().locator(directory), store(), stateDirectory(),
                (connection, listener) -> client(listener), Sleeper.SYSTEM));
    }

    public SalesforceClient client(dev.sfsync.salesforce.observe.ExchangeListener listener) {
        return SalesforceClient.builder().loginHost(LoginHost.of(org.loginUrl()))
                .credentials(Credentials.password(org.clientId(), org.clientSecret(), org.username(), org.password()))
                .listener(listener).sleeper(Sleeper.SYSTEM).workDirectory(directory).build();
    }

    @Override
    public synchronized void close() {
        if (store != null) {
            store.close();
            store = null;
        }
    }
}
