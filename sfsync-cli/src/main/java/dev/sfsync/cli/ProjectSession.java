package dev.sfsync.cli;

import dev.sfsync.engine.config.ConfigResult;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.engine.connection.Logins;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.store.StateStore;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** A project opened for a command: its config (problems printed, exit 3), state store and snapshots. */
final class ProjectSession implements AutoCloseable {
    final ProjectConfig config;
    final StateStore store;
    final SyncProject project;

    final Logins logins;

    private ProjectSession(ProjectConfig config, StateStore store, SyncProject project, Logins logins) {
        this.config = config;
        this.store = store;
        this.project = project;
        this.logins = logins;
    }

    /** The syncs that write through a connection. */
    java.util.List<String> syncsOf(String connection) {
        return config.syncs().values().stream().filter(s -> s.connection().equals(connection)).map(s -> s.name()).toList();
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

    /** What a command does with one sync of its open project, printing to {@code out}; returns the command's exit code. */
    @FunctionalInterface
    interface SyncWork {
        int with(ProjectSession session, PrintWriter out);
    }

    /**
     * Opens the project and does the work on one sync; a failure (unknown sync, Salesforce, the state) is reported about
     * that sync with its exit code.
     */
    static int useForSync(ProjectOption option, picocli.CommandLine.Model.CommandSpec spec, String sync, SyncWork work) throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return use(option, err, session -> {
            try {
                int code = work.with(session, out);
                out.flush();
                return code;
            } catch (RuntimeException e) {
                return Failures.report(e, session, sync, err);
            }
        });
    }

    /** Empty (after printing every problem) when the project file is not valid. */
    static Optional<ProjectSession> open(ProjectOption option, PrintWriter err) {
        Path directory = option.directory;
        Sleeper sleeper = option.sleeper();
        dev.sfsync.core.PhaseTimings.mark("command line");
        Optional<ProjectConfig> read = readConfig(directory, err);
        dev.sfsync.core.PhaseTimings.mark("config");
        if (read.isEmpty()) {
            return Optional.empty();
        }
        Path state = directory.resolve(SyncProject.STATE_DIRECTORY);
        StateStore store = option.state().map(s -> s.openStore(directory)).orElseGet(() -> StateStore.embedded(state).open());
        dev.sfsync.core.PhaseTimings.mark("state store open");
        ProjectConfig config = read.get();
        Logins logins = logins(config, store, sleeper);
        SyncProject project = project(config, store, logins, sleeper);
        InterruptedRuns.report(project.takeInterrupted(), err);
        dev.sfsync.core.PhaseTimings.mark("project open");
        return Optional.of(new ProjectSession(config, store, project, logins));
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

    /** The logins of a project's connections over its store (one shared token renewal per connection). */
    static Logins logins(ProjectConfig config, StateStore store, Sleeper sleeper) {
        return Logins.of(config, store, sleeper);
    }

    /** The project's engine over an open store, its clients logging in with the stored tokens (also what sfsync serve runs through). */
    static SyncProject project(ProjectConfig config, StateStore store, Sleeper sleeper) {
        return project(config, store, logins(config, store, sleeper), sleeper);
    }

    private static SyncProject project(ProjectConfig config, StateStore store, Logins logins, Sleeper sleeper) {
        Path directory = config.directory();
        return SyncProject.open(config, new ProjectConfigReader().locator(directory), store, directory.resolve(SyncProject.STATE_DIRECTORY),
                logins::client, sleeper);
    }

    /** The connection the sync writes through, or null when the project has no such sync. */
    String connectionOf(String sync) {
        var definition = config.syncs().get(sync);
        var inbound = config.inbound().get(sync);
        var twoWay = config.twoWay().get(sync);
        return definition != null ? definition.connection() : inbound != null ? inbound.connection() : twoWay == null ? null : twoWay.connection();
    }

    @Override
    public void close() {
        project.close();
        store.close();
    }

}
