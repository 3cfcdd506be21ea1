package dev.sfsync.server;

import dev.sfsync.core.RunId;
import dev.sfsync.server.auth.Role;
import dev.sfsync.store.Run;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static dev.sfsync.server.TestProject.insertSync;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stopping the server while a sync runs: the run is asked to stop and waited for; one that does not stop in time is marked interrupted. */
class ServerStopTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    @TempDir
    Path directory;

    private TestProject project;
    private RunningServer server;
    private RunId run;

    @BeforeEach
    void start() {
        project = new TestProject(directory, org);
        project.sql("insert into accounts select 'M' || i, 'Many ' || i from range(1500) t(i)");
        server = new RunningServer(project, project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "parallelism: 1")).read());
    }

    @AfterEach
    void stop() throws InterruptedException {
        org.faults().clear();
        // A run left going must end before the project under it closes.
        while (server.server.context().launcher().anyRunning()) {
            Thread.sleep(50);
        }
        server.close();
        project.close();
    }

    private void runningWithEachCallTaking(long millis) throws InterruptedException {
        org.faults().set("latency: [{api: rest, path: 'composite/sobjects', fixedMillis: " + millis + "}]");
        String operator = server.token("otto", Role.OPERATOR);
        run = RunId.of(server.post("/api/v1/syncs/accounts/runs", operator).json().path("run_id").asText());
        while (org.records("Account").isEmpty()) {
            Thread.sleep(20);
        }
    }

    private Run stored() {
        return project.store().runs().find(run).orElseThrow();
    }

    @Test
    void a_running_run_is_asked_to_stop_and_the_server_waits_for_it_to_end_before_closing_its_database() throws Exception {
        runningWithEachCallTaking(300);

        Map<String, RunId> left = server.server.stop(Duration.ofSeconds(30));
        Instant stopped = Instant.now();

        assertThat(left).isEmpty();
        assertThat(stored().status()).as("stopped midway as a cancel does, not run to its end").isEqualTo(Run.Status.CANCELLED);
        assertThat(stored().message()).contains("the server stopping");
        assertThat(stored().finishedAt()).isBeforeOrEqualTo(stopped);
        assertThat(org.records("Account").size()).isBetween(1, 1_400);
        assertThatThrownBy(() -> server.server.context().launcher().runHere("accounts", "schedule"))
                .as("no run starts once the server is stopping (a schedule slot, a sequence's next step)")
                .isInstanceOf(dev.sfsync.server.run.ServerStopping.class).hasMessageContaining("the server is stopping");
    }

    @Test
    void a_run_that_does_not_stop_in_time_is_marked_interrupted_for_the_next_run_to_reconcile() throws Exception {
        runningWithEachCallTaking(1_500);

        Map<String, RunId> left = server.server.stop(Duration.ofMillis(300));

        assertThat(left).containsEntry("accounts", run);
        assertThat(server.server.runsLeftGoing()).isEqualTo(left);
        assertThat(stored().status()).isEqualTo(Run.Status.INTERRUPTED);
        assertThat(stored().message()).contains("the server stopped").contains("the next run settles what it sent");
    }
}
