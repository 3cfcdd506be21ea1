package dev.sfsync.server.web;

import com.github.kagkarlsson.scheduler.testhelper.SettableClock;
import com.github.kagkarlsson.scheduler.testhelper.TestHelper;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.engine.connection.Logins;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.salesforce.rest.OrgLimit;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.server.SfsyncServer;
import dev.sfsync.server.TestProject;
import dev.sfsync.server.auth.Role;
import dev.sfsync.server.run.SharedProject;
import dev.sfsync.testing.EmulatedOrg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code sfsync serve} as a user runs it: the project's connection logs in with what the UI's Connect stored (not a
 * test password), so connecting, expiring, reconnecting and disconnecting in the browser decide whether runs work.
 */
final class ServedProject implements AutoCloseable {
    static final String PASSWORD = "correct horse battery staple";

    final TestProject project;
    final SfsyncServer server;
    final Logins logins;
    private final ProjectConfig config;

    ServedProject(Path directory, EmulatedOrg org, String syncs) {
        project = new TestProject(directory, org);
        try {
            Files.writeString(directory.resolve("client.secret"), org.clientSecret());
            Files.writeString(directory.resolve(ProjectConfigReader.FILE_NAME), """
                    connections:
                      org: {environment: sandbox, login_url: %s, client_id: %s, client_secret: "${file:client.secret}"}
                    sources:
                      warehouse: {url: "jdbc:duckdb:warehouse.duckdb"}
                    models:
                      accounts: {sql: select * from accounts, primary_key: id}
                    """.formatted(org.loginUrl(), org.clientId()) + syncs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config = project.read();
        logins = new Logins(project.store(), directory, project.stateDirectory(), Sleeper.SYSTEM);
        SettableClock schedulerClock = new SettableClock();
        schedulerClock.set(Instant.now());
        server = SfsyncServer.builder(config, project.store(), project.serverDb(), new SharedProject(() -> SyncProject.open(config,
                        new ProjectConfigReader().locator(directory), project.store(), project.stateDirectory(), logins::client, Sleeper.SYSTEM)))
                .logins(logins).limits(this::limits)
                .scheduler(tasks -> TestHelper.createManualScheduler(project.serverDb().dataSource(), tasks).clock(schedulerClock)
                        .jdbcCustomization(project.serverDb().schedulerSql()).build(), schedulerClock)
                .build().start("127.0.0.1", 0);
        // The connected app lists the server's callback, as an admin registers it in Salesforce; consent asked each time.
        var app = org.connectedApp();
        org.putConnectedApp(new dev.sfsync.emulator.org.ConnectedApp(app.name(), app.clientId(), app.clientSecret(), java.util.List.of(url("/ui/oauth/callback")),
                app.certificateKey(), false, false, app.rotateRefreshTokens()));
        server.context().users().add("ada", Role.ADMIN, PASSWORD);
        server.context().users().add("otto", Role.OPERATOR, PASSWORD);
        server.context().users().add("vera", Role.VIEWER, PASSWORD);
    }

    private Optional<OrgLimit> limits(String connection) {
        try (SalesforceClient client = logins.client(config.connections().get(connection), ExchangeListener.NONE)) {
            return Optional.ofNullable(client.rest().limits().get("DailyApiRequests"));
        }
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    @Override
    public void close() {
        server.close();
        project.close();
    }
}
