package dev.sfsync.cli;

import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;

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
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("warehouse.duckdb")); var s = c.createStatement()) {
            s.execute("create table accounts as select 'A' || i as id, 'Account ' || i as name from range(5) t(i)");
            s.execute("insert into accounts values ('A9', '" + "x".repeat(300) + "')");
        }
    }

    private void writeConfig(String loginUrl) throws Exception {
        Files.writeString(project.resolve("client.secret"), org.clientSecret());
        Files.writeString(project.resolve("sfsync.yaml"), """
                connections:
                  local: {environment: custom, login_url: %s, client_id: %s, client_secret: "${file:client.secret}"}
                sources:
                  warehouse: {url: "jdbc:duckdb:warehouse.duckdb"}
                models:
                  accounts: {sql: select * from accounts, primary_key: id}
                syncs:
                  accounts:
                    model: accounts
                    object: Account
                    mode: upsert
                    match: {column: id, field: External_Key__c}
                    mappings: [{from: name, to: Name}]
                """.formatted(loginUrl, org.clientId()));
    }

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
        assertThat(sfsync(args("connections")).out()).contains("local", "CONNECTED");

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
    }

    @Test
    void bad_credentials_and_an_unreachable_org_exit_4() throws Exception {
        assertThat(sfsync(args("connect", "local", "--username", org.username(), "--password", "wrong")).exitCode())
                .isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(sfsync(args("run", "accounts")).exitCode()).as("not connected yet").isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        writeConfig("http://127.0.0.1:9");
        assertThat(sfsync(args("connect", "local", "--username", org.username(), "--password", org.password())).exitCode())
                .isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
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
}
