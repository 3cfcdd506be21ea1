package dev.sfsync.cli;

import dev.sfsync.core.RunId;
import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.run.Errors;
import dev.sfsync.store.ApiCall;
import dev.sfsync.store.LoggedCall;
import dev.sfsync.store.Run;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;

/** Past runs: the list, or one run's outcomes, failed rows and API log. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = {"List recent runs, or show one: its outcomes by status and error code, failed rows with the fix, and every API call."},
        subcommands = {RunsCommand.Show.class, RunsCancelCommand.class},
        footer = {"", "Examples:", "  sfsync runs", "  sfsync runs --json", "  sfsync runs --limit 5", "  sfsync runs show 20250101-120000-000-ab12",
                "  sfsync runs cancel 20250101-120000-000-ab12 --wait"})
final class RunsCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Mixin
    StateOption state;

    @Option(names = "--json", description = "Print as JSON.")
    boolean json;

    @Option(names = "--limit", defaultValue = "20", description = "How many runs (default 20).")
    int limit;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return ProjectSession.use(project, spec.commandLine().getErr(), session -> {
            List<Run> runs = session.store.runs().recent(limit);
            if (json) {
                out.println(JsonOutput.MAPPER.writeValueAsString(runs.stream().map(RunsCommand::asMap).toList()));
            } else if (runs.isEmpty()) {
                out.println("No runs yet: 'sfsync run SYNC' runs a sync ('sfsync plan SYNC' shows what it would do first).");
            } else {
                out.printf("%-32s %-16s %-10s %-24s %8s %8s%n", "RUN", "SYNC", "STATUS", "STARTED", "ROWS", "FAILED");
                for (Run run : runs) {
                    out.printf("%-32s %-16s %-10s %-24s %8d %8d%n", run.id(), run.sync(), run.status(), run.startedAt(), run.summary().rows(),
                            run.summary().failed() + run.summary().rejected());
                    if ((run.status() == Run.Status.FAILED || run.status() == Run.Status.INTERRUPTED || run.status() == Run.Status.CANCELLED)
                            && run.message() != null) {
                        out.println("  stopped: " + run.message().lines().findFirst().orElse(""));
                    }
                }
                out.println("Details of one run: sfsync runs show RUN");
            }
            out.flush();
            return ExitCodes.OK;
        });
    }

    static Map<String, Object> asMap(Run run) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", run.id().value());
        map.put("sync", run.sync().value());
        map.put("status", run.status().name());
        map.put("startedAt", String.valueOf(run.startedAt()));
        map.put("finishedAt", String.valueOf(run.finishedAt()));
        map.put("summary", run.summary());
        map.put("message", run.message());
        return map;
    }

    /** One run in detail. */
    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a run: rows by outcome, each error code with its explanation and fix, the first 50 failed or rejected "
                    + "rows, and every API call it made.",
            footer = {"", "Examples:", "  sfsync runs show 20250101-120000-000-ab12", "  sfsync runs show 20250101-120000-000-ab12 --json"})
    static final class Show implements Callable<Integer> {
        @Mixin
        ProjectOption project;

        @Mixin
        StateOption state;

        @Parameters(index = "0", paramLabel = "RUN", description = "The run's id (from 'sfsync runs').")
        String runId;

        @Option(names = "--json", description = "Print as JSON.")
        boolean json;

        @Option(names = "--call", paramLabel = "N", description = "Print call #N of the API log with its request and response bodies"
                + " (secrets redacted).")
        Long call;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            return ProjectSession.use(project, err, session -> {
                RunId id = RunId.of(runId);
                Optional<Run> run = session.store.runs().find(id);
                if (run.isEmpty()) {
                    err.println("this project has no run '" + runId + "'\n  fix: copy a RUN id from 'sfsync runs'");
                    err.flush();
                    return ExitCodes.USAGE;
                }
                if (call != null) {
                    return printCall(session.store, id, call, out, err);
                }
                List<RowOutcome> failed = session.store.outcomes().list(id, Set.of(OutcomeStatus.FAILED, OutcomeStatus.REJECTED), 50, 0);
                List<LoggedCall> calls = session.store.apiLog().entries(id, 0);
                Map<String, Long> codes = session.store.outcomes().errorCounts(id);
                if (json) {
                    Map<String, Object> body = asMap(run.get());
                    body.put("errors", codes);
                    body.put("failedRows", failed.stream().map(o -> Map.of("key", o.key().toString(), "status", o.status().name(),
                            "code", o.error().code(), "message", o.error().message(), "fields", o.error().fields())).toList());
                    body.put("apiCalls", calls.stream().map(l -> Map.of("call", l.seq(), "at", l.call().at().toString(), "method", l.call().method(),
                            "url", l.call().url(), "status", l.call().status(), "millis", l.call().duration().toMillis())).toList());
                    out.println(JsonOutput.MAPPER.writeValueAsString(body));
                } else {
                    Run r = run.get();
                    out.printf("Run %s of %s: %s, started %s%n", r.id(), r.sync(), r.status(), r.startedAt());
                    out.printf("  created %d, updated %d, deleted %d, unchanged %d, rejected %d, failed %d%s%n", r.summary().created(),
                            r.summary().updated(), r.summary().deleted(), r.summary().unchanged(), r.summary().rejected(), r.summary().failed(),
                            r.summary().merged() > 0 ? ", merged " + r.summary().merged() : "");
                    if (r.message() != null) {
                        out.println("  " + r.message());
                    }
                    codes.forEach((code, count) -> {
                        var explanation = Errors.explain(code);
                        out.printf("%n  %s (%,d rows): %s%n    fix: %s%n", code, count, explanation.explanation(), explanation.fix());
                    });
                    if (!failed.isEmpty()) {
                        out.println();
                        out.println("  Failed and rejected rows (first 50):");
                        failed.forEach(o -> out.printf("    %s %s %s: %s%n", o.key(), o.status(), o.error().code(), o.error().message()));
                    }
                    out.printf("%n  API log (%d calls; 'sfsync runs show %s --call N' prints one with its bodies):%n", calls.size(), id);
                    calls.forEach(l -> out.printf("    #%d %s %-6s %s -> %d (%d ms)%n", l.seq(), l.call().at(), l.call().method(), l.call().url(),
                            l.call().status(), l.call().duration().toMillis()));
                }
                out.flush();
                return ExitCodes.OK;
            });
        }

        private static String orElse(String body, String none) {
            return body == null || body.isEmpty() ? none : body;
        }

        /**
         * One call with its bodies, redacted again on the way out as the web UI does (the client redacted them before
         * they were recorded; this holds for a log written by an older version too), without control characters: a
         * body cannot send escape sequences to the terminal.
         */
        private static int printCall(dev.sfsync.store.StateStore store, RunId run, long seq, PrintWriter out, PrintWriter err) {
            Optional<LoggedCall> found = store.apiLog().find(run, seq);
            if (found.isEmpty()) {
                err.println("run " + run + " has no API call #" + seq + "\n  fix: pick a number from the API log of 'sfsync runs show " + run + "'");
                err.flush();
                return ExitCodes.USAGE;
            }
            ApiCall c = found.get().call();
            dev.sfsync.store.CallBodies bodies = store.apiLog().bodies(run, seq);
            dev.sfsync.salesforce.internal.Redactor shown = new dev.sfsync.salesforce.internal.Redactor();
            out.printf("Call #%d of run %s: %s %s -> %s in %d ms%n", seq, run, c.method(), shown.forDisplay(c.url()), c.status() == 0 ? "no answer"
                    : c.status(), c.duration().toMillis());
            if (c.error() != null) {
                out.printf("  error: %s%n", shown.forDisplay(c.error()));
            }
            out.printf("%n  Request (%d bytes):%n%s%n", c.requestBytes(), orElse(shown.forDisplay(bodies.request()), "    (no body)"));
            out.printf("%n  Response (%d bytes):%n%s%n", c.responseBytes(), orElse(shown.forDisplay(bodies.response()), "    (no body kept)"));
            out.flush();
            return ExitCodes.OK;
        }
    }
}
