package dev.sfsync.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/** 'sfsync doctor': each check of the troubleshooting checklist, failing with its fix, then passing once fixed. */
class DoctorCommandTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");

    @TempDir
    Path project;

    @BeforeEach
    void project() throws Exception {
        writeConfig("[{from: name, to: Name}]", "'Acme'");
        ConnectedProject.connect(org, project);
    }

    private void writeConfig(String mappings, String nameValue) throws Exception {
        ConnectedProject.write(org, project, """
                sources:
                  warehouse: {url: "jdbc:duckdb:"}
                models:
                  accounts: {sql: "select 'A1' as id, %s as name", primary_key: id}
                syncs:
                  accounts:
                    model: accounts
                    connection: local
                    object: Account
                    mode: upsert
                    match: {column: id, field: External_Key__c}
                    mappings: %s
                """.formatted(nameValue, mappings));
    }

    private String[] args(String... args) {
        return ConnectedProject.args(project, args);
    }

    @Test
    void a_healthy_project_passes_every_check_and_exits_0() throws Exception {
        ProjectCommandsTest.Result doctor = sfsync(args("doctor"));

        assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
        assertThat(doctor.out()).contains("connection local", "PASS login and API access: logged in as " + org.username(),
                "PASS user is active", "PASS user's profile: 'System Administrator'", "sync accounts",
                "PASS object permissions for mode upsert, on_delete nothing: the user may create, edit Account records",
                "PASS mapped fields exist, are visible (field-level security) and writable",
                "PASS rows pass required fields, types and validation checks", "PASS API quota", "All 7 checks passed.");
        JsonNode json = new ObjectMapper().readTree(sfsync(args("doctor", "accounts", "--json")).out());
        assertThat(json.path("passed").asBoolean()).isTrue();
        assertThat(json.path("checks")).hasSize(7);
    }

    @Test
    void a_field_that_cannot_be_written_and_a_row_that_would_be_rejected_fail_with_their_fixes() throws Exception {
        writeConfig("[{from: name, to: Name}, {from: id, to: Score_Doubled__c}]", "'Acme'");
        ProjectCommandsTest.Result unwritable = sfsync(args("doctor", "accounts"));
        assertThat(unwritable.exitCode()).isEqualTo(DoctorCommand.CHECKS_FAILED);
        assertThat(unwritable.out()).contains("FAIL mapped fields exist", "Score_Doubled__c", "fix: remove this mapping", "1 of 6 checks failed.");

        writeConfig("[{from: name, to: Name}]", "'" + "x".repeat(300) + "'");
        ProjectCommandsTest.Result rejected = sfsync(args("doctor", "accounts"));
        assertThat(rejected.exitCode()).isEqualTo(DoctorCommand.CHECKS_FAILED);
        assertThat(rejected.out()).contains("FAIL rows pass required fields, types and validation checks: 1 row(s) would be rejected",
                "STRING_TOO_LONG", "fix: sfsync plan accounts lists them");
    }

    @Test
    void a_user_without_api_enabled_fails_the_login_check_and_skips_the_syncs() {
        String profile = org.user().profile().name().replace(" ", "%20");
        org.admin("PATCH", "/__admin/profiles/" + profile + "/permissions", "{\"ApiEnabled\": false}");

        ProjectCommandsTest.Result doctor = sfsync(args("doctor", "local"));

        assertThat(doctor.exitCode()).isEqualTo(DoctorCommand.CHECKS_FAILED);
        assertThat(doctor.out()).contains("FAIL login and API access: No API access", "fix: an admin grants API Enabled",
                "FAIL checks against the org: skipped: connection 'local' cannot be used");
    }

    @Test
    void a_quota_the_next_runs_would_cross_fails() {
        org.dailyApiLimit(1_000);
        org.apiRequestsUsed(895);

        ProjectCommandsTest.Result doctor = sfsync(args("doctor"));

        assertThat(doctor.exitCode()).isEqualTo(DoctorCommand.CHECKS_FAILED);
        assertThat(doctor.out()).containsPattern("FAIL API quota: 9\\d\\d of 1000 daily API requests used; reserve 10 % \\(100\\); 0 left for runs")
                .contains("fix: wait for the 24-hour window");
    }

    @Test
    void quota_shows_used_limit_reserve_and_which_syncs_spent_what() throws Exception {
        org.dailyApiLimit(10_000);
        org.apiRequestsUsed(1_234);
        assertThat(sfsync(args("run", "accounts")).exitCode()).isZero();

        ProjectCommandsTest.Result quota = sfsync(args("quota"));

        assertThat(quota.exitCode()).isZero();
        assertThat(quota.out()).containsPattern("local +12\\d\\d +10000 10 % \\(1000\\) +\\d+").containsPattern("accounts +\\d+ call\\(s\\) in the last 24 h");
        JsonNode json = new ObjectMapper().readTree(sfsync(args("quota", "--json")).out()).get(0);
        assertThat(json.path("limit").asLong()).isEqualTo(10_000);
        assertThat(json.path("available").asLong()).isEqualTo(9_000 - json.path("used").asLong());
        assertThat(json.path("callsLast24hBySync").path("accounts").asLong()).isPositive();
    }

    @Test
    void an_unknown_target_names_what_exists() {
        ProjectCommandsTest.Result doctor = sfsync(args("doctor", "acounts"));

        assertThat(doctor.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(doctor.err()).contains("no sync or connection named 'acounts'", "syncs: [accounts]");
    }
}
