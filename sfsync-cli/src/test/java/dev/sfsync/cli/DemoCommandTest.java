package dev.sfsync.cli;

import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

class DemoCommandTest {
    @TempDir
    Path dir;

    @Test
    void the_demo_explains_every_wrong_row_and_its_last_run_makes_no_api_call() {
        ProjectCommandsTest.Result demo = sfsync("demo", "--dir", dir.toString());

        assertThat(demo.exitCode()).as(demo.out() + demo.err()).isZero();
        assertThat(demo.out()).contains(
                "accounts: 2,991 created, 0 updated, 9 rejected before sending, 0 failed at Salesforce",
                "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST: 4 row(s) rejected", "e.g. row 2911: Tier__c: bad value for restricted picklist field: Platinum",
                "STRING_TOO_LONG: 3 row(s) rejected", "DUPLICATE_EXTERNAL_ID: 2 row(s) rejected",
                "Duplicate external id specified: ACC-00021 (External_Key__c): 2 rows of the model have this value in column account_key",
                "contacts: 5,995 created, 0 updated, 0 rejected before sending, 5 failed at Salesforce",
                "REFERENCE_NOT_FOUND: 5 row(s) failed", "no Account has External_Key__c = 'ACC-91'",
                "accounts: 9 created", "contacts: 5 created",
                "Nothing changed, so nothing was sent: 0 API calls", "./sfsync runs show ", "--project " + dir,
                "See these runs in the web UI: ./sfsync demo --serve", "http://127.0.0.1:8650/ui/runs");
        assertThat(demo.out()).contains("fix: Send one of the field's picklist values");
        assertThat(demo.out()).contains("contacts_in: initial sync into salesforce_contacts (REST): 6,000 created",
                "contacts_in: delta into salesforce_contacts (REST): 0 created, 3 updated, 1 deleted",
                "The contacts edited in Salesforce appear in the warehouse with their new emails, and the deleted one is gone.");

        try (StateStore store = StateStore.embedded(dir.resolve(SyncProject.STATE_DIRECTORY)).open()) {
            List<Run> runs = store.runs().recent(10).reversed();
            assertThat(runs).extracting(r -> r.sync().value())
                    .containsExactly("accounts", "contacts", "accounts", "contacts", "accounts", "contacts", "contacts_in", "contacts_in");
            assertThat(runs.subList(6, 8)).extracting(Run::kind).containsOnly(Run.Kind.INBOUND);
            assertThat(runs.subList(0, 4)).allSatisfy(r -> assertThat(store.apiLog().count(r.id())).isPositive());
            assertThat(runs.subList(4, 6)).as("the rerun with nothing changed").allSatisfy(r -> {
                assertThat(store.apiLog().count(r.id())).isZero();
                assertThat(r.summary().rows()).isZero();
            });
        }
    }

    @Test
    void the_demo_leaves_a_directory_it_did_not_make_alone() throws Exception {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        ProjectCommandsTest.Result demo = sfsync("demo", "--dir", dir.toString());
        assertThat(demo.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(demo.err()).contains("not made by 'sfsync demo'", "fix: pass --dir with a new or empty directory");
        assertThat(dir.resolve("notes.txt")).hasContent("mine");
        assertThat(dir.resolve("sfsync.yaml")).doesNotExist();
    }
}
