package dev.sfsync.server.retention;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.server.RunningServer;
import dev.sfsync.server.TestProject;
import dev.sfsync.server.run.SequenceRuns;
import dev.sfsync.store.PruneResult;
import dev.sfsync.store.Run;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static dev.sfsync.server.TestProject.insertSync;
import static org.assertj.core.api.Assertions.assertThat;

/** The server's retention job over a real store and server database, after real runs of a sync and a sequence. */
class RetentionJobTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    @TempDir
    Path directory;

    private TestProject project;
    private RunningServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        project.close();
    }

    @Test
    void old_runs_lose_their_details_then_go_with_old_sequence_runs_while_the_newest_and_a_running_run_stay() {
        project = new TestProject(directory, org);
        server = new RunningServer(project, project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "") + """
                sequences:
                  nightly: {schedule: manual, syncs: [accounts]}
                retention: {details: 10d, bodies: 5d, runs: 20d, keep_last: 2}
                """).read());
        var sequence = server.server.context().config().service().sequences().get("nightly");
        SequenceRuns records = server.server.context().sequences().records().orElseThrow();
        List<RunId> runs = new ArrayList<>();
        List<String> sequenceRuns = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            project.sql("insert into accounts values ('N" + i + "', 'New " + i + "')");
            runs.add(server.server.context().sequences().run(sequence).getFirst().runId());
            sequenceRuns.add(records.recent("nightly", 1).getFirst().id());
        }
        // as if run 30, 15, 7, 2 and 1 days ago
        int[] daysAgo = {30, 15, 7, 2, 1};
        for (int i = 0; i < runs.size(); i++) {
            long shift = Duration.ofDays(daysAgo[i]).toMillis();
            project.serverDb().update("UPDATE runs SET started_at = started_at - ?, finished_at = finished_at - ? WHERE run_id = ?", shift, shift,
                    runs.get(i).value());
            project.serverDb().update("UPDATE sequence_runs SET started_at = started_at - ?, finished_at = finished_at - ? WHERE id = ?", shift,
                    shift, sequenceRuns.get(i));
        }
        RunId running = project.store().runs().start(SyncId.of("accounts"), Run.Kind.OUTBOUND).id();
        project.serverDb().update("UPDATE runs SET started_at = started_at - ? WHERE run_id = ?", Duration.ofDays(60).toMillis(), running.value());
        long callsOfRun1 = project.store().apiLog().count(runs.get(1));
        assertThat(callsOfRun1).as("runs log their calls").isPositive();

        RetentionJob.Pruned pruned = server.server.retention().runOnce();

        assertThat(pruned.sequenceRuns()).isEqualTo(1);
        assertThat(pruned.runs().runsDeleted()).isEqualTo(1);
        assertThat(pruned.runs().runs()).isEqualTo(1);
        assertThat(pruned.runs().callBodies()).as("the 7-day-old run's calls keep no bodies").isPositive();
        assertThat(project.store().runs().find(runs.get(0))).as("30 days: gone").isEmpty();
        assertThat(records.find(sequenceRuns.get(0))).isEmpty();
        assertThat(project.store().runs().find(runs.get(1)).orElseThrow().detailsPrunedAt()).as("15 days: details gone").isNotNull();
        assertThat(project.store().apiLog().count(runs.get(1))).isZero();
        assertThat(records.find(sequenceRuns.get(1))).as("sequence runs go with the runs, at 20 days").isPresent();
        assertThat(project.store().runs().find(runs.get(2)).orElseThrow().detailsPrunedAt()).as("7 days: details kept").isNull();
        assertThat(project.store().apiLog().count(runs.get(2))).isPositive();
        assertThat(project.store().apiLog().count(runs.get(4))).isPositive();
        assertThat(project.store().runs().find(running).orElseThrow().status()).as("a running run is never touched").isEqualTo(Run.Status.RUNNING);
        assertThat(server.server.retention().runOnce().isEmpty()).as("a second pass finds nothing").isTrue();
        assertThat(pruned.describe()).isEqualTo("details of 1 run, 1 whole run: " + pruned.runs().rowOutcomes() + " row outcomes, "
                + pruned.runs().apiCalls() + " API calls; bodies of " + pruned.runs().callBodies() + " API calls; 1 sequence run");
        assertThat(new PruneResult(0, 0, 0, 0, 0).describe()).isEqualTo("nothing");
    }
}
