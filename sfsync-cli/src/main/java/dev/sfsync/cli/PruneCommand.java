package dev.sfsync.cli;

import dev.sfsync.engine.config.RetentionConfig;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.server.retention.RetentionJob;
import dev.sfsync.server.run.SequenceRuns;
import dev.sfsync.store.PruneResult;
import dev.sfsync.store.RetentionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;

/** Applies sfsync.yaml's retention once: what 'sfsync serve' does every retention.every. */
@Command(name = "prune", mixinStandardHelpOptions = true,
        description = {"Remove what sfsync.yaml's 'retention:' no longer keeps: row outcomes and API log of old runs (details, default 30d), "
                + "request/response bodies of their calls (bodies, default 7d), the old runs themselves with their counts, and old sequence runs "
                + "(runs, default 180d). The newest runs of each sync (keep_last, default 10), running runs, and runs whose rows a crash left to "
                + "reconcile are always kept. 'sfsync serve' does this by itself every retention.every (default 1h)."},
        footer = {"", "Examples:", "  sfsync prune --dry-run     what would go, removing nothing", "  sfsync prune"})
final class PruneCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Mixin
    StateOption state;

    @Option(names = "--dry-run", description = "Say what would be removed, and remove nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        return ProjectSession.use(project, spec.commandLine().getErr(), session -> {
            RetentionConfig retention = session.config.service().retention();
            RetentionPolicy policy = retention.policy();
            PruneResult runs = dryRun ? session.store.prunable(policy) : session.store.prune(policy);
            long sequenceRuns = 0;
            if (!session.config.service().sequences().isEmpty()) {
                // sequence runs are recorded by the server only, in its tables beside the store's
                try (ServerDatabase db = state.openServerTables(project.directory)) {
                    sequenceRuns = new SequenceRuns(db, Clock.systemUTC()).prune(Clock.systemUTC().instant().minus(policy.keepRunsFor()),
                            policy.keepRuns(), dryRun);
                }
            }
            out.printf("Retention: details %s, bodies %s, runs %s; the %d newest runs of each sync always kept.%n", age(policy.keepFor()),
                    age(policy.keepBodiesFor()), age(policy.keepRunsFor()), policy.keepRuns());
            RetentionJob.Pruned pruned = new RetentionJob.Pruned(runs, sequenceRuns);
            String what = pruned.describe();
            if (pruned.isEmpty()) {
                out.println(dryRun ? "Would remove nothing." : "Removed nothing: everything is within retention.");
            } else {
                out.println((dryRun ? "Would remove " : "Removed ") + what + "." + (dryRun ? " Run 'sfsync prune' to remove it." : ""));
            }
            out.flush();
            return ExitCodes.OK;
        });
    }

    private static String age(java.time.Duration age) {
        if (age.compareTo(RetentionPolicy.FOREVER) >= 0) {
            return "forever";
        }
        return age.toDays() > 0 && age.toHours() % 24 == 0 ? age.toDays() + "d" : age.toMinutes() % 60 == 0 ? age.toHours() + "h" : age.toMinutes() + "m";
    }
}
