package dev.sfsync.cli;

import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.project.BaselineResult;
import dev.sfsync.engine.run.Errors;
import dev.sfsync.engine.run.RunProgress;
import dev.sfsync.engine.run.RunResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;

/** Runs syncs and prints what happened to their rows. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Send each sync's changed rows to Salesforce. Every row ends created, updated, deleted, merged, unchanged, rejected "
                + "(before sending) or failed (with Salesforce's code); failed and rejected rows are sent again next run."},
        footer = {"", "Examples:", "  sfsync run accounts", "  sfsync run accounts contacts", "  sfsync run --all", "  sfsync run accounts --full", "  sfsync run accounts --baseline",
                "", "Exit codes: 0 every row succeeded, 1 some rows failed, 3 config problems, 4 Salesforce unavailable (or the API reserve reached),",
                "  5 the sync is running in another process (nothing sent), 6 the state directory cannot be used (the run stopped before"
                        + " sending more; the next run reconciles)"})
final class RunCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Mixin
    StateOption state;

    @Parameters(paramLabel = "SYNC", arity = "0..*", description = "Syncs to run, in this order.")
    List<String> syncs = new ArrayList<>();

    @Option(names = "--all", description = "Run every sync of the project, in file order.")
    boolean all;

    @Option(names = "--full", description = {"Redo the initial sync. An outbound sync resends every row of the model, whatever the last runs "
            + "sent (after a sandbox refresh, or when records were changed behind the sync's back), and prints the plan of what it resends "
            + "and costs first; an inbound sync rebuilds its table from every record."})
    boolean full;

    @Option(names = "--baseline", description = {"Start the sync from the model's current rows without sending them: every row is recorded "
            + "as already synced, so the next runs send only what is added, changed or removed after it (for rows already in Salesforce, "
            + "loaded another way). No API call; in change_detection: warehouse no row leaves the warehouse. Only for a sync that has "
            + "never synced a row."})
    boolean baseline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (syncs.isEmpty() == !all) {
            err.println("sfsync run: name the syncs to run, or pass --all, not both (e.g. 'sfsync run accounts' or 'sfsync run --all')");
            err.flush();
            return ExitCodes.USAGE;
        }
        if (baseline && full) {
            err.println("sfsync run: --baseline records the rows without sending them and --full resends every row; pass one of them");
            err.flush();
            return ExitCodes.USAGE;
        }
        if (baseline) {
            return ProjectSession.use(project, err, session -> baselines(session, all ? new ArrayList<>(session.config.syncs().keySet()) : syncs, out, err));
        }
        return ProjectSession.use(project, err, session -> {
            int exit = ExitCodes.OK;
            List<RunResult> results = new ArrayList<>();
            List<String> names = new ArrayList<>(all ? session.config.syncs().keySet() : syncs);
            if (all) {
                names.addAll(session.config.inbound().keySet());
                names.addAll(session.config.twoWay().keySet());
            }
            for (String sync : names) {
                if (session.config.inbound().containsKey(sync)) {
                    exit = Math.max(exit, InboundRunOutput.run(session, sync, full, out, err));
                    continue;
                }
                if (session.config.twoWay().containsKey(sync)) {
                    exit = Math.max(exit, TwoWayRunOutput.run(session, sync, out, err));
                    continue;
                }
                try {
                    if (full) {
                        PlanCommand.print(session.project.plan(sync, true), out);
                        out.println();
                        out.flush();
                    }
                    RunResult result = session.project.run(sync, full, progress(sync, out));
                    InterruptedRuns.report(session.project.takeInterrupted(), err);
                    results.add(result);
                    if (!result.allSucceeded()) {
                        // A cancelled run's unsent rows wait for the next run, as failed rows do: not Salesforce's fault.
                        exit = Math.max(exit, result.stopped() != null && !result.cancelled() ? ExitCodes.SALESFORCE_UNAVAILABLE : ExitCodes.ROWS_FAILED);
                    }
                } catch (RuntimeException e) {
                    exit = Math.max(exit, Failures.report(e, session, sync, err));
                }
            }
            summary(results, out);
            out.flush();
            return exit;
        });
    }

    private static int baselines(ProjectSession session, List<String> names, PrintWriter out, PrintWriter err) {
        int exit = ExitCodes.OK;
        for (String sync : names) {
            if (session.config.inbound().containsKey(sync) || session.config.twoWay().containsKey(sync)) {
                err.printf("%s: --baseline is for outbound syncs; an inbound or two-way sync reads Salesforce, so it is skipped%n", sync);
                exit = Math.max(exit, ExitCodes.USAGE);
                continue;
            }
            try {
                BaselineResult result = session.project.baseline(sync);
                out.printf("%s: baseline recorded: %,d rows marked as synced in %s, none sent, 0 API calls (run %s);"
                        + " the next run sends only what changes after it%n", sync, result.rows(), result.place(), result.run());
            } catch (RuntimeException e) {
                exit = Math.max(exit, Failures.report(e, session, sync, err));
            }
        }
        out.flush();
        return exit;
    }

    /** What {@code sfsync plan SYNC --baseline} prints. */
    static String baselinePlan(String sync) {
        return sync + ": 'sfsync run " + sync + " --baseline' would record every row the model returns then as already synced (its key and"
                + " the hash of its mapped values) and send nothing: 0 API calls. Later runs send only rows added, changed or removed after"
                + " it; they find the records of changed rows by the sync's match (the baseline knows no Salesforce Id), and an insert"
                + " sync does not create a baselined row. Refused if the sync has synced rows already.";
    }

    /** On a terminal, one line rewritten in place; otherwise nothing until the summary (plain logs stay readable). */
    private RunProgress progress(String sync, PrintWriter out) {
        boolean terminal = System.console() != null;
        AtomicLong total = new AtomicLong();
        AtomicLong done = new AtomicLong();
        return new RunProgress() {
            @Override
            public void detected(ChangeCounts counts) {
                total.set(counts.total());
                out.printf("%s: %,d changed rows of %,d%n", sync, counts.total(), counts.modelRows());
                out.flush();
            }

            @Override
            public void settled(List<RowOutcome> outcomes) {
                counted(outcomes.size());
            }

            @Override
            public void counted(long rows) {
                long now = done.addAndGet(rows);
                if (terminal) {
                    out.printf("\r%s: %,d / %,d rows", sync, now, total.get());
                    out.flush();
                }
            }
        };
    }

    static void summary(List<RunResult> results, PrintWriter out) {
        if (results.isEmpty()) {
            return;
        }
        out.printf("%n%-20s %9s %9s %9s %9s %9s %9s %9s %9s  %s%n", "SYNC", "CREATED", "UPDATED", "DELETED", "UNCHANGED", "REJECTED", "FAILED",
                "MERGED", "API CALLS", "RUN");
        for (RunResult r : results) {
            var s = r.summary();
            out.printf("%-20s %9d %9d %9d %9d %9d %9d %9d %9d  %s%n", r.sync(), s.created(), s.updated(), s.deleted(), s.unchanged(), s.rejected(),
                    s.failed(), s.merged(), r.apiCalls(), r.runId());
        }
        for (RunResult r : results) {
            r.notices().forEach(notice -> out.printf("  %s: %s%n", r.sync(), notice));
            r.errorCounts().forEach((code, count) -> out.printf("  %s: %,d rows %s: %s%n", r.sync(), count, code, Errors.explain(code).fix()));
            if (r.stopped() != null) {
                out.printf(r.cancelled() ? "  %s %s%n" : "  %s stopped early: %s%n", r.sync(), r.stopped());
            }
        }
        out.println("Details: sfsync runs show RUN");
    }
}
