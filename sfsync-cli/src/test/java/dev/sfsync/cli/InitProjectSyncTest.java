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
}
