package dev.sfsync.cli;

import dev.sfsync.engine.run.SnapshotRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

/** Rebuilds a lost snapshot of an insert sync from the records in Salesforce, so that no run creates them again. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = {"Rebuild an insert sync's lost snapshot (a deleted or restored-from-old-backup snapshots.duckdb) from Salesforce:"
                + " every model row whose record exists there (found by the sync's idempotency key) is marked synced. Sends nothing"
                + " but queries."},
        footer = {"", "Examples:", "  sfsync repair new_leads", "  sfsync repair new_leads --resend-all   (a sync without a key: accept duplicates)",
                "", "Exit codes: 0 repaired, 3 nothing to repair or not possible, 4 Salesforce unavailable, 5 the sync is running"})
final class RepairCommand implements Callable<Integer> {
    @Mixin
    ProjectOption project;

    @Parameters(paramLabel = "SYNC", description = "The insert sync whose snapshot to rebuild.")
    String sync;

    @Option(names = "--resend-all", description = "For a sync without an idempotency key: accept that its next run creates every row again.")
    boolean resendAll;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return ProjectSession.useForSync(project, spec, sync, (session, out) -> {
            SnapshotRepair.Result result = session.project.repair(sync, resendAll);
            out.printf("%s: %,d of %,d model rows are in Salesforce already and are marked synced; the next run creates the other %,d%n",
                    sync, result.found(), result.rows(), result.rows() - result.found());
            return ExitCodes.OK;
        });
    }
}
