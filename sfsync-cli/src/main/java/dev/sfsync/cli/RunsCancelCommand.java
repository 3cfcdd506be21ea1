package dev.sfsync.cli;

import dev.sfsync.core.RunId;
import dev.sfsync.engine.lease.LeaseHolder;
import dev.sfsync.engine.lease.RunCancel;
import dev.sfsync.engine.lease.RunNotCancellable;
import dev.sfsync.engine.lease.RunNotFound;
import dev.sfsync.store.Run;
import dev.sfsync.store.RunCancellations;
import dev.sfsync.store.StateStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/** Cancels a running run, whichever process runs it: the request goes into the state store, the run's process stops sending. */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = {"Cancel a running run, started by 'sfsync run' or by a server (any node sharing the state store).",
                "It stops before its next write call: rows it sent keep their outcomes, the rest stay pending for the next run, and the run "
                        + "ends CANCELLED ('sfsync runs' shows it)."},
        footer = {"", "Examples:", "  sfsync runs cancel 20250101-120000-000-ab12", "  sfsync runs cancel 20250101-120000-000-ab12 --wait"})
final class RunsCancelCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Mixin
    StateOption state;

    @Parameters(index = "0", paramLabel = "RUN", description = "The run's id (from 'sfsync runs').")
    String runId;

    @Option(names = "--wait", description = "Wait until the run has stopped and print how it ended.")
    boolean await;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        return ProjectSession.use(project, err, session -> {
            RunId id = RunId.of(runId);
            RunCancellations.Request request;
            try {
                request = new RunCancel(session.store, Clock.systemUTC()).request(id,
                        System.getProperty("user.name", "someone") + " (sfsync runs cancel, " + LeaseHolder.current().describe() + ")");
            } catch (RunNotFound | RunNotCancellable e) {
                err.println("sfsync runs cancel: " + e.problem() + "\n  fix: " + e.fix());
                err.flush();
                return ExitCodes.USAGE;
            }
            out.printf("Asked run %s to stop (requested by %s at %s); it stops before its next write call.%n", id, request.requestedBy(),
                    request.requestedAt());
            if (await) {
                Run ended = awaitEnd(session.store, id);
                out.printf("Run %s ended %s: created %d, updated %d, deleted %d, failed %d%n", id, ended.status(), ended.summary().created(),
                        ended.summary().updated(), ended.summary().deleted(), ended.summary().failed());
            } else {
                out.println("'sfsync runs show " + id + "' shows how it ended.");
            }
            out.flush();
            return ExitCodes.OK;
        });
    }

    /** The run once it is no longer running, or as last seen when its process stopped renewing its lease. */
    private static Run awaitEnd(StateStore store, RunId id) throws InterruptedException {
        while (true) {
            Run run = store.runs().find(id).orElseThrow();
            boolean alive = store.runLeases().current(run.sync()).filter(l -> id.equals(l.run()) && !l.expiredAt(Clock.systemUTC().instant())).isPresent();
            if (run.status() != Run.Status.RUNNING || !alive) {
                return run;
            }
            Thread.sleep(250);
        }
    }
}
