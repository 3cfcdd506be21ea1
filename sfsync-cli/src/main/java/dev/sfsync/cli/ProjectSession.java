package dev.sfsync.cli;

import dev.sfsync.engine.config.ConfigResult;
import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.auth.LoginHost;
import dev.sfsync.salesforce.auth.OAuthTokens;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.store.SalesforceConnection;
import dev.sfsync.store.StateStore;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/** A project opened for a command: its config (problems printed, exit 3), state store and snapshots. */
final class ProjectSession implements AutoCloseable {
    final ProjectConfig config;
    final StateStore store;
    final SyncProject project;

    private ProjectSession(ProjectConfig config, StateStore store, SyncProject project) {
        this.config = config;
        this.store = store;
        this.project = project;
    }

    /** What a command does with its open project; returns the command's exit code. */
    @FunctionalInterface
    interface Work {
        int with(ProjectSession session) throws Exception;
    }

    /** Opens the project, does the work and closes the project; exit 3 (every problem printed) when its file is not valid. */
    static int use(ProjectOption option, PrintWriter err, Work work) throws Exception {
        Optional<ProjectSession> opened = open(option, err);
        if (opened.isEmpty()) {
            return ExitCodes.CONFIG_INVALID;
        }
        try (ProjectSession session = opened.get()) {
            return work.with(session);
        }
    }

    /** Empty (after printing every problem) when the project file is not valid. */
    static Optional<ProjectSession> open(ProjectOption option, PrintWriter err) {
        Path directory = option.directory;
        Sleeper sleeper = option.sleeper();
        Optional<ProjectConfig> read = readConfig(directory, err);
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Path state = directory.resolve(SyncProject.STATE_DIRECTORY);
        StateStore store = StateStore.embedded(state).open();
        ProjectConfig config = read.get();
        SyncProject project = project(config, store, sleeper);
        InterruptedRuns.report(project.takeInterrupted(), err);
        return Optional.of(new ProjectSession(config, store, project));
    }

    /** The project file read and checked; empty after printing every problem when it is not valid. */
    static Optional<ProjectConfig> readConfig(Path directory, PrintWriter err) {
        ConfigResult result = new ProjectConfigReader().read(directory);
        if (!result.ok()) {
            err.printf("%s has %d problem(s):%n", ProjectConfigReader.FILE_NAME, result.problems().size());
            result.problems().forEach(p -> err.println("  " + p.render()));
            err.flush();
        }
        return result.config();
    }

    /** The project's engine over an open store, its clients logging in with the stored tokens (also what sfsync serve runs through). */
    static SyncProject project(ProjectConfig config, StateStore store, Sleeper sleeper) {
        Path directory = config.directory();
        return SyncProject.open(config, new ProjectConfigReader().locator(directory), store, directory.resolve(SyncProject.STATE_DIRECTORY),
                (connection, listener) -> client(store, connection, listener, sleeper), sleeper);
    }

    /** A client from the tokens `sfsync connect` stored; a rotated refresh token is stored again. */
    static SalesforceClient client(StateStore store, ConnectionConfig connection, ExchangeListener listener, Sleeper sleeper) {
        SalesforceConnection stored = store.connections().find(connection.name())
                .orElseThrow(() -> new NotConnected(connection.name()));
        SalesforceConnection.Secrets secrets = stored.secrets();
        Credentials credentials = secrets.refreshToken() != null
                ? Credentials.refreshToken(stored.clientId(), secrets.clientSecret(), secrets.refreshToken())
                : Credentials.accessToken(secrets.accessToken(), URI.create(stored.instanceUrl()));
        SalesforceClient.Builder builder = SalesforceClient.builder().loginHost(LoginHost.of(stored.loginUrl())).credentials(credentials)
                .sleeper(sleeper).listener(listener)
                .onNewTokens(t -> store.connections().updateTokens(connection.name(), t.accessToken(), t.refreshToken()));
        connection.apiVersion().ifPresent(builder::apiVersion);
        if (secrets.accessToken() != null && stored.instanceUrl() != null) {
            builder.tokens(new OAuthTokens(secrets.accessToken(), secrets.refreshToken(), URI.create(stored.instanceUrl()), null,
                    stored.updatedAt(), null));
        }
        return builder.build();
    }

    /** The connection the sync writes through, or null when the project has no such sync. */
    String connectionOf(String sync) {
        var definition = config.syncs().get(sync);
        return definition == null ? null : definition.connection();
    }

    @Override
    public void close() {
        project.close();
        store.close();
    }

    /** The project's connection has no stored login yet. */
    static final class NotConnected extends dev.sfsync.core.SfsyncException {
        NotConnected(String name) {
            super("connection '" + name + "' is not connected yet", "run 'sfsync connect " + name + "'");
        }
    }
}
