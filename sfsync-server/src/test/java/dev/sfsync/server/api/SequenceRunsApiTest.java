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

/** A sequence started through the API is a resource of its own: its steps name the runs they started, from any node. */
class SequenceRunsApiTest {
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
        server = new RunningServer(project, project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "")
                + insertSync("broken", "broken", "Account", "Name", "") + insertSync("contacts", "contacts", "Contact", "LastName", "") + """
                sequences:
                  nightly: {schedule: manual, syncs: [accounts, broken, contacts], on_failure: stop}
                """).read());
        operator = server.token("otto", Role.OPERATOR);
    }

    @AfterEach
    void stop() {
        server.close();
        project.close();
    }

    @Test
    void a_triggered_sequence_returns_its_run_whose_steps_carry_the_run_ids_they_started() throws Exception {
        RunningServer.Answer started = server.post("/api/v1/sequences/nightly/runs", operator);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().path("sequence_run_id").asText();
        assertThat(started.json().path("sequence_run").asText()).isEqualTo("/api/v1/sequence-runs/" + id);

        JsonNode run = awaitEnd(id);

        assertThat(run.path("sequence").asText()).isEqualTo("nightly");
        assertThat(run.path("trigger").asText()).isEqualTo("api otto");
        assertThat(run.path("status").asText()).isEqualTo("failed");
        JsonNode steps = run.path("steps");
        assertThat(steps).hasSize(3);
        assertThat(steps.get(0).path("sync").asText()).isEqualTo("accounts");
        assertThat(steps.get(0).path("status").asText()).isEqualTo("succeeded");
        String accountsRun = steps.get(0).path("run_id").asText();
        assertThat(server.get("/api/v1/runs/" + accountsRun, operator).json().path("run").path("sync").asText()).isEqualTo("accounts");
        assertThat(steps.get(1).path("status").asText()).isEqualTo("failed");
        assertThat(steps.get(1).path("run_id").asText()).isNotBlank();
        assertThat(steps.get(1).path("message").asText()).contains("no_such_table");
        assertThat(steps.get(2).path("status").asText()).isEqualTo("skipped");
        assertThat(steps.get(2).path("run_id").isNull()).isTrue();
        JsonNode listed = server.get("/api/v1/sequence-runs?sequence=nightly", operator).json().path("items");
        assertThat(listed).singleElement().satisfies(r -> assertThat(r.path("id").asText()).isEqualTo(id));
        assertThat(server.get("/api/v1/sequence-runs/nope", operator).status()).isEqualTo(404);
    }

    private JsonNode awaitEnd(String id) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = server.get("/api/v1/sequence-runs/" + id, operator).json();
            if (!run.path("status").asText().equals("running")) {
                return run;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("sequence run " + id + " did not end");
    }
}
