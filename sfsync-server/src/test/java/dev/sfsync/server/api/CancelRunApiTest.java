package dev.sfsync.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.server.RunningServer;
import dev.sfsync.server.TestProject;
import dev.sfsync.server.auth.Role;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static dev.sfsync.server.TestProject.insertSync;
import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/runs/{run}/cancel: a running run stops midway and ends cancelled; ended and unknown runs are refused with a fix. */
class CancelRunApiTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    @TempDir
    Path directory;

    private TestProject project;
    private RunningServer server;
    private String operator;

    @BeforeEach
    void start() {
        project = new TestProject(directory, org);
        project.sql("insert into accounts select 'M' || i, 'Many ' || i from range(1500) t(i)");
        server = new RunningServer(project, project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "parallelism: 1")).read());
        operator = server.token("otto", Role.OPERATOR);
    }

    @AfterEach
    void stop() {
        server.close();
        project.close();
    }

    private JsonNode awaitEnd(String runId) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = server.get("/api/v1/runs/" + runId, operator).json().path("run");
            if (!run.path("status").asText().equals("running")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    @Test
    void a_running_run_is_cancelled_midway_and_a_second_cancel_or_an_unknown_run_is_refused() throws Exception {
        org.faults().set("latency: [{api: rest, path: 'composite/sobjects', fixedMillis: 300}]");
        String runId = server.post("/api/v1/syncs/accounts/runs", operator).json().path("run_id").asText();
        while (org.records("Account").isEmpty()) {
            Thread.sleep(20);
        }

        RunningServer.Answer cancel = server.post("/api/v1/runs/" + runId + "/cancel", operator);

        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
        assertThat(cancel.json().path("cancel_requested_by").asText()).isEqualTo("otto (api)");
        JsonNode run = awaitEnd(runId);
        assertThat(run.path("status").asText()).isEqualTo("cancelled");
        assertThat(run.path("created").asLong()).isBetween(1L, 1_400L).isEqualTo(org.records("Account").size());
        assertThat(run.path("failed").asLong()).isZero();

        RunningServer.Answer again = server.post("/api/v1/runs/" + runId + "/cancel", operator);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.header("Content-Type")).startsWith("application/problem+json");
        assertThat(again.json().path("detail").asText()).contains("already ended (cancelled)");
        assertThat(again.json().path("fix").asText()).contains("sfsync runs show " + runId);
        RunningServer.Answer unknown = server.post("/api/v1/runs/no-such-run/cancel", operator);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("fix").asText()).contains("sfsync runs");
    }
}
