package dev.sfsync.engine.project;

import dev.sfsync.engine.run.RunResult;
import dev.sfsync.store.ApiCall;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs through the Bulk APIs: rows stream into as few loads as the limits allow, and every row gets its outcome. */
class BulkLoadsTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    static final String ACCOUNTS = EngineHarness.ACCOUNTS_SYNC + """
                mode: upsert
                match: {column: id, field: External_Key__c}
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts (id varchar, name varchar)");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    /** Runs the sync with these settings added (and Name mapped from name unless they map fields themselves). */
    private RunResult run(String settings) {
        return configure(settings).run("accounts");
    }

    private EngineHarness configure(String settings) {
        String mappings = settings.contains("mappings:") ? "" : "mappings: [{from: name, to: Name}]\n";
        return harness.config(ACCOUNTS + (settings + mappings).indent(4));
    }

    private long calls(RunResult result, String method, String urlPattern) {
        return harness.project().store().apiLog().list(result.runId()).stream()
                .filter(c -> c.method().equals(method) && c.url().matches(urlPattern)).count();
    }

    private static final String BULK2_JOB = ".*/services/data/v[0-9.]+/jobs/ingest";
    private static final String BULK1_JOB = ".*/services/async/[0-9.]+/job";
    private static final String BULK1_BATCH = ".*/services/async/[0-9.]+/job/[^/]+/batch";

    @Test
    void bulk2_takes_a_run_of_many_prepared_chunks_in_one_job() {
        harness.sql("insert into accounts select 'A' || i, 'Name ' || i from range(4500) t(i)");
        assertThat(configure("api: bulk2\n").project().plan("accounts").estimatedApiCalls())
                .as("create, upload, close, one poll, the successes").isEqualTo(5);

        RunResult result = run("api: bulk2\n");

        assertThat(result.summary().created()).isEqualTo(4500);
        assertThat(calls(result, "POST", BULK2_JOB)).as("one ingest job for the whole run").isEqualTo(1);
        assertThat(calls(result, "GET", BULK2_JOB + "/[^/]+/successfulResults/?")).isEqualTo(1);
        assertThat(org.records("Account")).hasSize(4500);
    }

    @Test
    void bulk1_takes_a_run_in_one_job_of_batches_of_the_batch_size() {
        harness.sql("insert into accounts select 'A' || i, 'Name ' || i from range(4500) t(i)");
        assertThat(configure("api: bulk1\nbatch_size: 2000\n").project().plan("accounts").estimatedApiCalls())
                .as("create, close, one poll, and three batches uploaded and their results read").isEqualTo(9);

        RunResult result = run("api: bulk1\nbatch_size: 2000\n");

        assertThat(result.summary().created()).isEqualTo(4500);
        assertThat(calls(result, "POST", BULK1_JOB)).isEqualTo(1);
        assertThat(calls(result, "POST", BULK1_BATCH)).as("batches of 2,000, 2,000 and 500").isEqualTo(3);
        assertThat(org.records("Account")).hasSize(4500);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk1", "bulk2"})
    void a_full_load_is_closed_and_the_run_goes_on_in_a_new_one(String api) {
        harness.sql("insert into accounts select 'A' || i, 'Name ' || i from range(25) t(i)");
        configure("api: " + api + "\n").project().rowsPerBulkLoad(10);

        RunResult result = harness.run("accounts");

        assertThat(result.summary().created()).isEqualTo(25);
        assertThat(calls(result, "POST", api.equals("bulk2") ? BULK2_JOB : BULK1_JOB)).as("loads of 10, 10 and 5 rows").isEqualTo(3);
        assertThat(org.records("Account")).hasSize(25);
        RunResult rerun = run("api: " + api + "\n");
        assertThat(rerun.apiCalls()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk1", "bulk2"})
    void rows_failing_with_lock_errors_go_again_alone_in_a_new_load(String api) {
        harness.sql("insert into accounts select 'A' || i, 'Name ' || i from range(12) t(i)");
        org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 3);

        RunResult result = run("api: " + api + "\n");

        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.summary().created()).isEqualTo(12);
        assertThat(harness.waits).containsExactly(Duration.ofSeconds(1));
        assertThat(calls(result, "POST", api.equals("bulk2") ? BULK2_JOB : BULK1_JOB)).as("the first load and the retry").isEqualTo(2);
        assertThat(org.records("Account")).hasSize(12);
    }

    @Test
    void rows_still_locked_after_every_retry_fail_with_their_attempts() {
        harness.sql("insert into accounts values ('A1', 'Acme'), ('A2', 'Globex')");
        org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 20);

        RunResult result = run("api: bulk2\nretry: {attempts: 1}\n");

        assertThat(result.summary().failed()).isEqualTo(2);
        assertThat(result.errorCounts()).containsOnly(Map.entry("UNABLE_TO_LOCK_ROW", 2L));
        assertThat(harness.waits).containsExactly(Duration.ofSeconds(1));
        org.faults().clear();
        assertThat(run("api: bulk2\nretry: {attempts: 1}\n").summary().created()).isEqualTo(2);
    }

    @Test
    void a_job_refused_as_a_whole_fails_its_rows_which_go_next_run() {
        harness.sql("insert into accounts values ('A1', 'Acme'), ('A2', 'Globex')");
        org.faults().set("errors: [{api: bulk2, path: /jobs/ingest$, status: 400, errorCode: INVALID_FIELD, times: 1}]");

        RunResult result = run("api: bulk2\n");

        assertThat(result.summary().failed()).isEqualTo(2);
        assertThat(result.errorCounts()).containsOnly(Map.entry("INVALID_FIELD", 2L));
        assertThat(result.stopped()).isNull();
        org.faults().clear();
        assertThat(run("api: bulk2\n").summary().created()).isEqualTo(2);
    }

    @Test
    void a_spent_api_limit_stops_the_run_and_no_row_is_lost() {
        harness.sql("insert into accounts values ('A1', 'Acme'), ('A2', 'Globex')");
        org.faults().set("errors: [{api: bulk2, path: /jobs/ingest$, status: 403, errorCode: REQUEST_LIMIT_EXCEEDED, times: 1}]");

        RunResult result = run("api: bulk2\n");

        assertThat(result.stopped()).contains("REQUEST_LIMIT_EXCEEDED");
        assertThat(result.summary().failed()).isEqualTo(2);
        org.faults().clear();
        assertThat(run("api: bulk2\n").summary().created()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"bulk1", "bulk2"})
    void updates_clears_and_deletes_go_through_bulk_by_the_records_ids(String api) {
        harness.sql("insert into accounts values ('A1', 'Acme'), ('A2', 'Globex'), ('A3', 'Initech')");
        String clear = "api: " + api + "\non_delete: clear_fields\nmappings: [{from: name, to: Name}, {from: name, to: Site}]\n";
        assertThat(run(clear).summary().created()).isEqualTo(3);

        harness.sql("update accounts set name = 'Acme 2' where id = 'A1'", "delete from accounts where id = 'A2'");
        RunResult cleared = run(clear);

        assertThat(cleared.summary().updated()).isEqualTo(2);
        assertThat(account("A1")).containsEntry("Name", "Acme 2").containsEntry("Site", "Acme 2");
        assertThat(account("A2")).containsEntry("Name", "Globex").containsEntry("Site", null);

        harness.sql("delete from accounts where id = 'A3'");
        RunResult deleted = run("api: " + api + "\non_delete: delete\nmappings: [{from: name, to: Name}, {from: name, to: Site}]\n");
        assertThat(deleted.summary().deleted()).isEqualTo(1);
        assertThat(org.records("Account")).extracting(r -> r.get("External_Key__c")).containsExactlyInAnyOrder("A1", "A2");
    }

    private static Map<String, Object> account(String key) {
        return org.records("Account").stream().filter(r -> key.equals(r.get("External_Key__c"))).findFirst().orElseThrow();
    }
}
