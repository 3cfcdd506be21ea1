package dev.sfsync.cli;

import dev.sfsync.engine.plan.Plan;
import dev.sfsync.engine.plan.WriteKind;
import dev.sfsync.engine.run.Errors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** A dry run: what a run would send, reject and cost, without writing to Salesforce. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Show what 'sfsync run SYNC' would do now: rows to create, update, delete or reject (with reasons), "
                + "and the API calls it would cost. Checks the sync against the org first; writes nothing."},
        footer = {"", "Examples:", "  sfsync plan accounts", "  sfsync plan accounts --json"})
final class PlanCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Mixin
    StateOption state;

    @Parameters(index = "0", paramLabel = "SYNC", description = "The sync to plan.")
    String sync;

    @Option(names = "--json", description = "Print the plan as JSON.")
    boolean json;

    @Option(names = "--full", description = "Plan a full resync: every row of the model sent again (sfsync run --full).")
    boolean full;

    @Option(names = "--baseline", description = "Say what 'sfsync run SYNC --baseline' would do (record the model's rows as synced, send nothing).")
    boolean baseline;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (baseline) {
            return ProjectSession.useForSync(project, spec, sync, (session, printer) -> {
                session.project.sync(sync);
                printer.println(RunCommand.baselinePlan(sync));
                return ExitCodes.OK;
            });
        }
        return ProjectSession.use(project, err, session -> {
            Plan plan;
            try {
                plan = session.project.plan(sync, full);
            } catch (RuntimeException e) {
                return Failures.report(e, session, sync, err);
            }
            if (json) {
                out.println(JsonOutput.MAPPER.writeValueAsString(plan));
            } else {
                print(plan, out);
            }
            out.flush();
            return ExitCodes.OK;
        });
    }

    static void print(Plan plan, PrintWriter out) {
        out.printf("Plan for sync %s: %d model rows, %d changed since the last run%n", plan.sync(), plan.changes().modelRows(), plan.changes().total());
        for (WriteKind kind : WriteKind.values()) {
            if (plan.writes(kind) > 0) {
                out.printf("  %-8s %,d%n", kind.name().toLowerCase(java.util.Locale.ROOT), plan.writes(kind));
            }
        }
        out.printf("  %-8s %,d%n", "skip", plan.unchanged());
        out.printf("  %-8s %,d (would fail at Salesforce; not sent)%n", "reject", plan.rejected());
        plan.rejectedByCode().forEach((code, count) -> out.printf("    %-40s %,d  %s%n", code, count, Errors.explain(code).fix()));
        for (Plan.Reject reject : plan.sampleRejects()) {
            out.printf("    row %s: %s: %s%n", reject.key(), reject.error().code(), reject.error().message());
        }
        out.printf("Estimated API calls: %,d%n", plan.estimatedApiCalls());
        plan.notices().forEach(n -> out.println("Note: " + n));
    }
}
