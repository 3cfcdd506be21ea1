package dev.sfsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

class SyncCommandsTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");

    @TempDir
    Path project;

    @BeforeEach
    void project() throws Exception {
        writeConfig(org.loginUrl());
        warehouse("create table accounts as select 'A' || i as id, 'Account ' || i as name from range(5) t(i)",
                "insert into accounts values ('A9', '" + "x".repeat(300) + "')");
    }

    private void warehouse(String... statements) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("warehouse.duckdb")); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private void writeConfig(String loginUrl) throws Exception {
        AccountsProject.write(project, org, loginUrl, """
                model: accounts
                object: Account
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}]
                """);
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private String[] args(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--project";
        all[args.length + 1] = project.toString();
        return all;
    }

    @Test
    void connect_plan_run_and_runs_show_what_happened_and_a_rerun_sends_nothing() {
        ProjectCommandsTest.Result connect = sfsync(args("connect", "local", "--username", org.username(), "--password", org.password()));
        assertThat(connect.exitCode()).as(connect.err()).isZero();
        assertThat(sfsync(args("connections")).out()).containsPattern("local +custom +Connected");

        ProjectCommandsTest.Result plan = sfsync(args("plan", "accounts"));
        assertThat(plan.exitCode()).isZero();
        assertThat(plan.out()).contains("upsert   5", "reject   1", "STRING_TOO_LONG", "row A9");
        assertThat(org.records("Account")).isEmpty();

        ProjectCommandsTest.Result run = sfsync(args("run", "accounts"));
        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(org.records("Account")).hasSize(5);
        assertThat(run.out()).contains("accounts", "STRING_TOO_LONG");

        ProjectCommandsTest.Result rerun = sfsync(args("run", "--all"));
        assertThat(rerun.out()).contains("accounts: 1 changed rows of 6");

        ProjectCommandsTest.Result runs = sfsync(args("runs", "--json"));
        assertThat(runs.out()).contains("\"status\" : \"PARTIAL\"");
        String runId = runs.out().replaceAll("(?s).*?\"id\" : \"([^\"]+)\".*", "$1");
        ProjectCommandsTest.Result show = sfsync("runs", "show", runId, "--project", project.toString());
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("STRING_TOO_LONG", "A9", "fix:");
        String describe = show.out().replaceAll("(?s).*?#(\\d+) \\S+ GET\\s+\\S+/describe .*", "$1");
        ProjectCommandsTest.Result call = sfsync("runs", "show", runId, "--call", describe, "--project", project.toString());
        assertThat(call.exitCode()).as(call.out() + call.err()).isZero();
        assertThat(call.out()).contains("Call #" + describe + " of run " + runId + ": GET ", "/describe -> 200", "(no body)", "\"name\":\"Account\"");
        assertThat(sfsync("runs", "show", runId, "--call", "999999", "--project", project.toString()).err()).contains("has no API call #999999");

        // A call as an older version (or a body echoing odd data) may have left it: redacted again, no escape sequence reaches the terminal.
        long odd;
        try (dev.sfsync.store.StateStore store = dev.sfsync.store.StateStore.embedded(project.resolve(".sfsync")).open()) {
            odd = store.apiLog().record(new dev.sfsync.store.ApiCall(dev.sfsync.core.RunId.of(runId), java.time.Instant.now(), "POST",
                    "https://x.example/services/oauth2/token?code=abc123", 400, java.time.Duration.ZERO, 1, 1, "bad \u001b[2J"),
                    new dev.sfsync.store.CallBodies("grant_type=password&password=hunter22&username=u",
                            "{\"Name\":\"\u001b]0;owned\u0007x\",\"sid\":\"00D5g000004ABCD!AQ0AQNz8.mXVH3jKq_5iTfZ4y\"}"));
        }
        ProjectCommandsTest.Result shown = sfsync("runs", "show", runId, "--call", String.valueOf(odd), "--project", project.toString());
        assertThat(shown.out()).contains("code=[REDACTED]", "password=[REDACTED]", "\"sid\":\"[REDACTED]\"", "]0;ownedx")
                .doesNotContain("hunter22", "abc123", "AQ0AQNz8", "\u001b", "\u0007");
    }

    @Test
    void bad_credentials_and_an_unreachable_org_exit_4_from_connect_saying_what_to_check() throws Exception {
        ProjectCommandsTest.Result wrongPassword = sfsync(args("connect", "local", "--username", org.username(), "--password", "wrong"));
        assertThat(wrongPassword.exitCode()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(wrongPassword.err()).contains("Salesforce refused the login of " + org.username() + " for connection 'local': invalid_grant",
                "fix: check the username and password").doesNotContain("refresh token");

        Files.writeString(project.resolve("client.secret"), "not-the-secret");
        ProjectCommandsTest.Result wrongSecret = sfsync(args("connect", "local", "--username", org.username(), "--password", org.password()));
        assertThat(wrongSecret.exitCode()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(wrongSecret.err()).contains("does not accept the connected app of connection 'local': invalid_client",
                "fix: set client_id and client_secret of connection 'local'");

        writeConfig("http://127.0.0.1:9");
        ProjectCommandsTest.Result unreachable = sfsync(args("connect", "local", "--username", org.username(), "--password", org.password()));
        assertThat(unreachable.exitCode()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(unreachable.err()).contains("Cannot reach http://127.0.0.1:9 to log in connection 'local': CONNECTION_FAILED",
                "fix: check login_url of connection 'local' in sfsync.yaml");
        assertThat(sfsync(args("connections")).out()).as("nothing was stored").contains("Never connected");
    }

    @Test
    void connect_names_the_connection_it_does_not_know() {
        ProjectCommandsTest.Result connect = sfsync(args("connect", "locl", "--username", org.username(), "--password", org.password()));
        assertThat(connect.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(connect.err()).contains("sfsync.yaml has no connection 'locl'", "did you mean 'local'?");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plan accounts", "run accounts", "validate --remote"})
    void a_connection_never_connected_says_to_run_connect_and_exits_4(String command) {
        ProjectCommandsTest.Result result = sfsync(args(command.split(" ")));
        assertThat(result.exitCode()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(result.err()).contains("connection 'local' is not connected yet", "fix: run 'sfsync connect local'")
                .doesNotContain("unavailable");
        assertThat(org.apiRequestsUsed()).isZero();
    }

    @Test
    void connections_lists_the_projects_connections_before_and_after_connect() throws Exception {
        ProjectCommandsTest.Result before = sfsync(args("connections"));
        assertThat(before.exitCode()).as("a connection that cannot be used exits 4").isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(before.out()).containsPattern("local +custom +Never connected").contains("fix: sfsync connect local");

        sfsync(args("connect", "local", "--username", org.username(), "--password", org.password()));
        ProjectCommandsTest.Result after = sfsync(args("connections", "--json"));
        assertThat(after.exitCode()).isZero();
        JsonNode connections = JSON.readTree(after.out()).path("connections");
        assertThat(connections).hasSize(1);
        assertThat(connections.get(0).path("name").asText()).isEqualTo("local");
        assertThat(connections.get(0).path("state").asText()).isEqualTo("CONNECTED");
        assertThat(connections.get(0).path("checked").asBoolean()).isTrue();
        assertThat(connections.get(0).path("orgId").asText()).isEqualTo(org.host().org().id());
        assertThat(connections.get(0).path("instanceUrl").asText()).isEqualTo(org.instanceUrl());
        assertThat(connections.get(0).path("username").asText()).isEqualTo(org.username());
        assertThat(connections.toString()).doesNotContain(org.clientSecret()).doesNotContainIgnoringCase("token");
    }

    @Test
    void an_expired_session_without_a_refresh_token_says_to_connect_again_exits_4_and_shows_in_connections() {
        // The password grant gets no refresh token (as in Salesforce), so the stored session is all there is.
        sfsync(args("connect", "local", "--username", org.username(), "--password", org.password()));
        org.expireAccessTokens();

        ProjectCommandsTest.Result plan = sfsync(args("plan", "accounts"));
        assertThat(plan.exitCode()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(plan.err()).contains("Salesforce refused the stored login of connection 'local': SESSION_NOT_RENEWABLE",
                "why: the access token expired or was revoked, and this login cannot renew it (a password login gets no refresh token)",
                "fix: sfsync reconnect local (or set login: web_server, jwt_bearer or client_credentials so runs stay connected)");
        assertThat(sfsync(args("connections")).out()).containsPattern("local +custom +Token expired")
                .contains("why: the access token expired or was revoked, and this login cannot renew it", "fix: sfsync reconnect local");

        sfsync(args("reconnect", "local", "--username", org.username(), "--password", org.password()));
        assertThat(sfsync(args("plan", "accounts")).exitCode()).as("connected again").isZero();
        assertThat(sfsync(args("connections")).out()).containsPattern("local +custom +Connected");
    }

    @Test
    void an_org_that_stopped_answering_exits_4_from_validate_remote_plan_and_run() throws Exception {
        try (Emulator gone = Emulator.builder().port(0).bindAddress("127.0.0.1").org(OrgDefinitionLoader.defaultOrg()).build().start()) {
            writeConfig(gone.host().baseUrl());
            var user = gone.host().org().defaultUser();
            assertThat(sfsync(args("connect", "local", "--username", user.username(), "--password", user.password())).exitCode()).isZero();
        }
        for (String command : List.of("validate --remote", "plan accounts", "run accounts")) {
            ProjectCommandsTest.Result result = sfsync(args(command.split(" ")));
            assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
            assertThat(result.err()).as(command).contains("Salesforce cannot be reached (connection 'local'): CONNECTION_FAILED",
                    "fix: check the network and that the org is up");
        }
        ProjectCommandsTest.Result runs = sfsync(args("runs"));
        assertThat(runs.out()).containsPattern("accounts +FAILED").contains("stopped: CONNECTION_FAILED");
    }

    @Test
    void plan_and_run_of_an_unknown_sync_suggest_the_nearest_and_exit_2() {
        for (String command : List.of("plan", "run")) {
            ProjectCommandsTest.Result result = sfsync(args(command, "acounts"));
            assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.USAGE);
            assertThat(result.err()).as(command).contains("the project has no sync named 'acounts'", "fix: did you mean 'accounts'?");
        }
    }

    @Test
    void plan_json_counts_the_writes_and_the_rejects_with_their_reasons() throws Exception {
        sfsync(args("connect", "local", "--username", org.username(), "--password", org.password()));
        ProjectCommandsTest.Result plan = sfsync(args("plan", "accounts", "--json"));
        assertThat(plan.exitCode()).isZero();
        JsonNode body = JSON.readTree(plan.out());
        assertThat(body.path("sync").asText()).isEqualTo("accounts");
        assertThat(body.path("writes").path("UPSERT").asLong()).isEqualTo(5);
        assertThat(body.path("rejected").asLong()).isEqualTo(1);
        assertThat(body.path("rejectedByCode").path("STRING_TOO_LONG").asLong()).isEqualTo(1);
        assertThat(body.path("sampleRejects").get(0).path("error").path("code").asText()).isEqualTo("STRING_TOO_LONG");
        assertThat(body.path("estimatedApiCalls").asLong()).isPositive();
    }

    @Test
    void runs_lists_runs_as_a_table_and_as_json_and_shows_one_or_says_it_has_none() throws Exception {
        assertThat(sfsync(args("runs")).out()).contains("No runs yet: 'sfsync run SYNC'");
        sfsync(args("connect", "local", "--username", org.username(), "--password", org.password()));
        sfsync(args("run", "accounts"));

        ProjectCommandsTest.Result table = sfsync(args("runs"));
        assertThat(table.exitCode()).isZero();
        JsonNode runs = JSON.readTree(sfsync(args("runs", "--json")).out());
        assertThat(runs).hasSize(1);
        String runId = runs.get(0).path("id").asText();
        assertThat(runs.get(0).path("status").asText()).isEqualTo("PARTIAL");
        assertThat(runs.get(0).path("summary").path("created").asLong()).isEqualTo(5);
        assertThat(runs.get(0).path("summary").path("rejected").asLong()).isEqualTo(1);
        assertThat(table.out()).containsPattern(runId + " +accounts +PARTIAL +\\S+ +6 +1").contains("sfsync runs show RUN");

        JsonNode show = JSON.readTree(sfsync(args("runs", "show", runId, "--json")).out());
        assertThat(show.path("errors").path("STRING_TOO_LONG").asLong()).isEqualTo(1);
        assertThat(show.path("failedRows").get(0).path("key").asText()).contains("A9");
        assertThat(show.path("failedRows").get(0).path("status").asText()).isEqualTo("REJECTED");
        assertThat(show.path("apiCalls")).isNotEmpty().allSatisfy(call -> assertThat(call.path("status").asInt()).isBetween(200, 299));

        ProjectCommandsTest.Result unknown = sfsync(args("runs", "show", "20250101-120000-000-ab12"));
        assertThat(unknown.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("this project has no run '20250101-120000-000-ab12'", "fix: copy a RUN id from 'sfsync runs'");
    }

    @Test
    void run_all_runs_every_sync_in_file_order_and_summarises_each() throws Exception {
        warehouse("create table contacts as select 'C' || i as id, 'Person ' || i as last_name from range(3) t(i)");
        Files.writeString(project.resolve("sfsync.yaml"), Files.readString(project.resolve("sfsync.yaml")).replace("models:", """
                models:
                  contacts: {sql: select * from contacts, primary_key: id}""") + """
                  contacts:
                    model: contacts
                    object: Contact
                    mode: upsert
                    match: {column: id, field: External_Id__c}
                    mappings: [{from: last_name, to: LastName}]
                """);
        sfsync(args("connect", "local", "--username", org.username(), "--password", org.password()));

        ProjectCommandsTest.Result run = sfsync(args("run", "--all"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(run.out()).containsPattern("(?s)accounts: 6 changed rows of 6.*contacts: 3 changed rows of 3")
                .containsPattern("accounts +5 +0 +0 +0 +1 +0 ").containsPattern("contacts +3 +0 +0 +0 +0 +0 ");
        assertThat(org.records("Contact")).hasSize(3);
        assertThat(org.records("Account")).hasSize(5);
    }

    @Test
    void a_sync_that_does_not_fit_the_org_exits_3_from_validate_remote_and_run() throws Exception {
        sfsync(args("connect", "local", "--username", org.username(), "--password", org.password()));
        Files.writeString(project.resolve("sfsync.yaml"), Files.readString(project.resolve("sfsync.yaml")).replace("to: Name", "to: Nmae"));
        ProjectCommandsTest.Result validate = sfsync(args("validate", "--remote"));
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
        assertThat(validate.err()).contains("did you mean 'Name'?");
        assertThat(sfsync(args("run", "accounts")).exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
    }

    @Test
    void a_second_run_of_a_busy_sync_exits_5_saying_which_run_holds_it_and_sends_nothing() {
        assertThat(sfsync(args("connect", "local", "--username", org.username(), "--password", org.password())).exitCode()).isZero();
        Path state = project.resolve(dev.sfsync.engine.project.SyncProject.STATE_DIRECTORY);
        dev.sfsync.core.SyncId accounts = dev.sfsync.core.SyncId.of("accounts");
        try (var store = dev.sfsync.store.StateStore.embedded(state).open()) {
            var lease = store.runLeases().tryAcquire(accounts, "pid 4711 on other-host, started 2026-01-01T00:00:00Z",
                    java.time.Duration.ofMinutes(5)).orElseThrow();
            var run = store.runs().start(accounts, dev.sfsync.store.Run.Kind.OUTBOUND);
            store.runLeases().attach(lease, run.id());

            ProjectCommandsTest.Result second = sfsync(args("run", "accounts"));

            assertThat(second.exitCode()).as(second.err()).isEqualTo(ExitCodes.SYNC_BUSY);
            assertThat(second.err()).containsPattern("sync accounts is running since \\d\\d:\\d\\d \\(run " + run.id() + "\\); wait or cancel it")
                    .contains("pid 4711 on other-host").doesNotContain("Exception");
            assertThat(org.records("Account")).isEmpty();
            ProjectCommandsTest.Result runs = sfsync(args("runs"));
            assertThat(runs.exitCode()).as("reads work during a run").isZero();
            assertThat(runs.out()).contains(run.id().value(), "RUNNING");
        }
    }

    @Test
    void runs_cancel_stops_a_run_of_another_command_midway_and_the_next_run_sends_the_rest() throws Exception {
        warehouse("insert into accounts select 'M' || i, 'Many ' || i from range(2500) t(i)");
        AccountsProject.write(project, org, org.loginUrl(), """
                model: accounts
                object: Account
                mode: upsert
                parallelism: 1
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}]
                """);
        assertThat(sfsync(args("connect", "local", "--username", org.username(), "--password", org.password())).exitCode()).isZero();
        org.faults().set("latency: [{api: rest, path: 'composite/sobjects', fixedMillis: 300}]");
        try (RunningCommand run = RunningCommand.start(args("run", "accounts"))) {
            while (org.records("Account").isEmpty()) {
                Thread.sleep(20);
            }
            String runId = JSON.readTree(sfsync(args("runs", "--json")).out()).get(0).path("id").asText();

            ProjectCommandsTest.Result cancel = sfsync(args("runs", "cancel", runId, "--wait"));

            assertThat(cancel.exitCode()).as(cancel.err()).isZero();
            assertThat(cancel.out()).contains("Asked run " + runId + " to stop", "(sfsync runs cancel, pid ").contains("Run " + runId + " ended CANCELLED");
            ProjectCommandsTest.Result ran = run.finish();
            assertThat(ran.exitCode()).isEqualTo(ExitCodes.ROWS_FAILED);
            assertThat(ran.out()).contains("accounts cancelled by ", "the rest are sent by the next run");
            assertThat(sfsync(args("runs")).out()).containsPattern(runId + " +accounts +CANCELLED").contains("stopped: cancelled by");
            int sent = org.records("Account").size();
            assertThat(sent).isBetween(1, 2_300);

            ProjectCommandsTest.Result again = sfsync(args("runs", "cancel", runId));
            assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
            assertThat(again.err()).contains("already ended (cancelled)", "fix: nothing to cancel");
        }
        org.faults().clear();
        assertThat(sfsync(args("run", "accounts")).exitCode()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(org.records("Account")).as("the rest sent once (the one row too long for Name is rejected)").hasSize(2_505);
    }

    @Test
    void a_run_left_running_by_a_dead_process_is_reported_interrupted_and_the_sync_runs_again() throws Exception {
        assertThat(sfsync(args("connect", "local", "--username", org.username(), "--password", org.password())).exitCode()).isZero();
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String deadHolder = new dev.sfsync.engine.lease.LeaseHolder(gone.pid(), dev.sfsync.engine.lease.LeaseHolder.current().host(),
                java.time.Instant.parse("2026-01-01T00:00:00Z")).toString();
        dev.sfsync.core.SyncId accounts = dev.sfsync.core.SyncId.of("accounts");
        dev.sfsync.core.RunId deadRun;
        try (var store = dev.sfsync.store.StateStore.embedded(project.resolve(dev.sfsync.engine.project.SyncProject.STATE_DIRECTORY)).open()) {
            var lease = store.runLeases().tryAcquire(accounts, deadHolder, java.time.Duration.ofMinutes(5)).orElseThrow();
            deadRun = store.runs().start(accounts, dev.sfsync.store.Run.Kind.OUTBOUND).id();
            store.runLeases().attach(lease, deadRun);
        }

        ProjectCommandsTest.Result run = sfsync(args("run", "accounts"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.ROWS_FAILED);
        assertThat(run.err()).containsPattern("run " + deadRun + " of sync accounts was interrupted at \\d\\d:\\d\\d");
        assertThat(org.records("Account")).hasSize(5);
        assertThat(sfsync(args("runs")).out()).containsPattern(deadRun + " +accounts +INTERRUPTED");
    }
}
