package dev.sfsync.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.core.SyncId;
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

class ApiTest {
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
        project.sql("insert into accounts select 'L' || i, repeat('x', 300) from range(3) t(i)");
        server = new RunningServer(project, project.config("syncs:\n" + insertSync("accounts", "accounts", "Account", "Name", "schedule: {every: 1h}")).read());
        operator = server.token("otto", Role.OPERATOR);
    }

    @AfterEach
    void stop() {
        server.close();
        project.close();
    }

    private JsonNode awaitRun(String runId) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonNode run = server.get("/api/v1/runs/" + runId, operator).json();
            if (!run.path("run").path("status").asText().equals("running")) {
                return run;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("run " + runId + " did not end");
    }

    @Test
    void a_run_started_through_the_api_is_followed_to_its_outcomes_by_code_and_its_rejected_rows_page_by_page() {
        RunningServer.Answer started = server.post("/api/v1/syncs/accounts/runs", operator);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String runId = started.json().path("run_id").asText();

        JsonNode run = awaitRun(runId);
        assertThat(run.path("run").path("status").asText()).isEqualTo("partial");
        assertThat(run.path("run").path("created").asLong()).isEqualTo(3);
        JsonNode code = run.path("outcomes_by_code").get(0);
        assertThat(code.path("code").asText()).isEqualTo("STRING_TOO_LONG");
        assertThat(code.path("rows").asLong()).isEqualTo(3);
        assertThat(code.path("fix").asText()).isNotBlank();
        assertThat(org.records("Account")).hasSize(3);

        JsonNode first = server.get("/api/v1/runs/" + runId + "/failed-rows?limit=2", operator).json();
        assertThat(first.path("items")).hasSize(2);
        JsonNode second = server.get("/api/v1/runs/" + runId + "/failed-rows?limit=2&cursor=" + first.path("next_cursor").asText(), operator).json();
        assertThat(second.path("items")).hasSize(1);
        assertThat(second.path("next_cursor").isNull()).isTrue();
        assertThat(second.path("items").get(0).path("outcome").asText()).isEqualTo("rejected");

        JsonNode syncs = server.get("/api/v1/syncs", operator).json();
        JsonNode accounts = syncs.path("items").get(0);
        assertThat(accounts.path("last_run").path("id").asText()).isEqualTo(runId);
        assertThat(accounts.path("schedule").asText()).isEqualTo("every 1h");
        assertThat(accounts.path("next_run").asText()).isNotBlank();
        assertThat(server.get("/api/v1/runs/" + runId + "/api-log", operator).json().path("items").size()).isPositive();

        assertThat(awaitMetric("sfsync_rows_total{outcome=\"created\",sync=\"accounts\"}")).contains("sfsync_rows_total{outcome=\"created\",sync=\"accounts\"} 3.0", "sfsync_run_duration_seconds_count");
    }

    /** Listeners hear a run end just after the store records it. */
    private String awaitMetric(String name) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        String metrics = "";
        while (Instant.now().isBefore(deadline) && !metrics.contains(name)) {
            metrics = server.call("GET", "/metrics", null).body();
        }
        return metrics;
    }

    @Test
    void a_run_asked_for_while_the_sync_is_held_elsewhere_is_refused_with_409() {
        project.store().runLeases().tryAcquire(SyncId.of("accounts"), "sfsync run on another host", Duration.ofMinutes(5)).orElseThrow();

        RunningServer.Answer refused = server.post("/api/v1/syncs/accounts/runs", operator);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().path("detail").asText()).contains("is running");
        assertThat(server.get("/api/v1/syncs/accounts", operator).json().path("running").asBoolean()).isTrue();
    }

    @Test
    void errors_are_problem_documents_with_a_fix_and_never_a_stack_trace() {
        RunningServer.Answer missing = server.get("/api/v1/runs/nope", operator);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.json().path("fix").asText()).contains("GET /api/v1/runs");
        RunningServer.Answer badCursor = server.get("/api/v1/runs?cursor=bogus", operator);
        assertThat(badCursor.status()).isEqualTo(400);
        RunningServer.Answer noRoute = server.get("/api/v1/nothing-here", operator);
        assertThat(noRoute.status()).isEqualTo(404);
        assertThat(noRoute.header("Content-Type")).startsWith("application/problem+json");
        assertThat(missing.body() + badCursor.body() + noRoute.body()).doesNotContain("Exception", "\tat ");
    }

    @Test
    void logins_are_paused_after_five_failures_even_for_the_right_password() {
        server.server.context().users().add("ada", Role.ADMIN, "correct horse battery staple");
        for (int i = 0; i < 5; i++) {
            assertThat(server.call("POST", "/api/v1/session", "{\"name\": \"ada\", \"password\": \"wrong\"}").status()).isEqualTo(401);
        }
        RunningServer.Answer paused = server.call("POST", "/api/v1/session", "{\"name\": \"ada\", \"password\": \"correct horse battery staple\"}");
        assertThat(paused.status()).isEqualTo(429);
        assertThat(paused.header("Retry-After")).isNotBlank();
    }

    @Test
    void no_answer_shows_a_token_secret_or_password_hash_but_the_one_that_creates_the_token() {
        String admin = server.token("ada", Role.ADMIN);
        RunningServer.Answer created = server.post("/api/v1/tokens", admin);
        assertThat(created.status()).isEqualTo(201);
        String token = created.json().path("token").asText();
        assertThat(token).startsWith("sfs_");
        String secret = token.substring(token.indexOf('_', 4) + 1);
        assertThat(server.get("/api/v1/session", token).json().path("user").asText()).isEqualTo("ada");

        String everything = server.get("/api/v1/tokens", admin).body() + server.get("/api/v1/users", admin).body()
                + server.get("/api/v1/connections", admin).body() + server.get("/api/v1/alerts", admin).body();
        assertThat(everything).doesNotContain(secret, admin.substring(admin.indexOf('_', 4) + 1), "argon2", "password");
    }

    @Test
    void health_and_readiness_answer_without_a_login() {
        assertThat(server.call("GET", "/health", null).json().path("status").asText()).isEqualTo("up");
        assertThat(server.call("GET", "/ready", null).json().path("status").asText()).isEqualTo("ready");
    }
}
