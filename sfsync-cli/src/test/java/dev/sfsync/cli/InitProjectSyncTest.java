package dev.sfsync.cli;

import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/** The README's quick start: a scaffolded project connects to the default emulated org and syncs as written. */
class InitProjectSyncTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    @TempDir
    Path project;

    @Test
    void a_scaffolded_project_connects_plans_and_runs_against_the_default_emulated_org() throws Exception {
        assertThat(sfsync("init", project.toString()).out()).contains("sfsync connect local --project " + project);
        Path config = project.resolve("sfsync.yaml");
        // The scaffold points at the emulator's default port; this test's org listens on a free one.
        Files.writeString(config, Files.readString(config).replace("http://127.0.0.1:8642", org.loginUrl()));
        String p = project.toString();

        ProjectCommandsTest.Result connect = sfsync("connect", "local", "--project", p, "--username", "admin@sfsync.emulator", "--password", "emulator");
        assertThat(connect.exitCode()).as(connect.err()).isZero();
        assertThat(sfsync("plan", "accounts", "--project", p).out()).contains("upsert   3", "reject   0");
        ProjectCommandsTest.Result run = sfsync("run", "accounts", "--project", p);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(org.records("Account")).extracting(r -> r.get("External_Key__c")).containsExactlyInAnyOrder("ACME", "GLOBEX", "INITECH");
        assertThat(sfsync("run", "accounts", "--project", p).out()).contains("accounts: 0 changed rows of 3");
    }

    @Test
    void a_deleted_model_file_is_reported_as_the_model_with_its_line_and_fix_not_as_an_org_problem() throws Exception {
        sfsync("init", project.toString());
        Files.delete(project.resolve("data/accounts.csv"));
        String p = project.toString();
        for (String command : java.util.List.of("plan", "run")) {
            ProjectCommandsTest.Result result = sfsync(command, "accounts", "--project", p);
            assertThat(result.exitCode()).as(command).isEqualTo(ExitCodes.CONFIG_INVALID);
            assertThat(result.err()).as(command)
                    .startsWith("sync 'accounts' cannot read its model 'accounts', so nothing was sent:\n  sfsync.yaml:23: models.accounts.sql: ")
                    .contains("No files found that match the pattern \"data/accounts.csv\"",
                            "fix: restore \"data/accounts.csv\", or correct its path in the model's SQL")
                    .doesNotContain("against the org", "not connected");
        }
        ProjectCommandsTest.Result validate = sfsync("validate", "--remote", "--project", p);
        assertThat(validate.exitCode()).isEqualTo(ExitCodes.CONFIG_INVALID);
        assertThat(validate.err()).contains("sfsync.yaml:23:5: models.accounts.sql: ", "restore \"data/accounts.csv\"");
        assertThat(org.apiRequestsUsed()).as("a local problem costs no call").isZero();
    }
}
