package dev.sfsync.engine.project;

import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.Plan;
import dev.sfsync.engine.plan.WriteKind;
import dev.sfsync.engine.run.RunResult;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WriteModesTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = harness(new EngineHarness(dir, org)).sql("create table accounts (id varchar, name varchar, legacy varchar)",
                "insert into accounts values ('A1', 'Acme', 'L1'), ('A2', 'Globex', 'L2')");
    }

    /** The project's source as this suite runs it: here the default, rows diffed in sfsync's own DuckDB. */
    EngineHarness harness(EngineHarness harness) {
        return harness;
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private RunResult run(String sync) {
        return harness.config(EngineHarness.ACCOUNTS_SYNC + sync.indent(4)).run("accounts");
    }

    @Test
    void insert_creates_records_once_and_does_not_resend_changed_rows() {
        String sync = "mode: insert\ninsert_without_key: at_least_once\nmappings: [{from: name, to: Name}]\n";
        assertThat(run(sync).summary().created()).isEqualTo(2);
        harness.sql("update accounts set name = 'Acme 2' where id = 'A1'");

        RunResult second = run(sync);

        assertThat(second.summary().unchanged()).isEqualTo(1);
        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactlyInAnyOrder("Acme", "Globex");
    }

    @Test
    void a_baseline_sends_nothing_and_the_next_run_sends_only_the_rows_changed_after_it() {
        seed("A1");
        seed("A2");
        harness.config(EngineHarness.ACCOUNTS_SYNC + "mode: upsert\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}]\n".indent(4));
        long calls = org.apiRequestsUsed();

        BaselineResult baseline = harness.project().baseline("accounts");

        assertThat(baseline.rows()).isEqualTo(2);
        assertThat(org.apiRequestsUsed()).isEqualTo(calls);
        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactlyInAnyOrder("Seeded A1", "Seeded A2");
        assertThat(harness.project().store().runs().find(baseline.run()).orElseThrow()).satisfies(run -> {
            assertThat(run.status()).isEqualTo(dev.sfsync.store.Run.Status.SUCCEEDED);
            assertThat(run.summary().unchanged()).isEqualTo(2);
        });
        harness.sql("update accounts set name = 'Acme 2' where id = 'A1'");

        RunResult next = harness.run("accounts");

        assertThat(next.changes().total()).isEqualTo(1);
        assertThat(next.summary().updated()).isEqualTo(1);
        assertThat(account("A1").get("Name")).isEqualTo("Acme 2");
        assertThat(account("A2").get("Name")).isEqualTo("Seeded A2");
        assertThatThrownBy(() -> harness.project().baseline("accounts")).isInstanceOf(dev.sfsync.source.snapshot.SnapshotNotEmpty.class);
    }

    @Test
    void a_baseline_is_refused_while_rows_of_an_interrupted_run_wait_to_be_settled() {
        harness.config(EngineHarness.ACCOUNTS_SYNC + "mode: insert\napi: bulk2\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}]\n".indent(4));
        dev.sfsync.store.StateStore store = harness.project().store();
        dev.sfsync.core.RunId dead = store.runs().start(dev.sfsync.core.SyncId.of("accounts"), dev.sfsync.store.Run.Kind.OUTBOUND).id();
        store.intents().sending(dev.sfsync.core.SyncId.of("accounts"), dead,
                List.of(new dev.sfsync.store.WriteIntents.PendingRow(dead, dev.sfsync.core.model.RowKey.of("A1"), "A1")));

        assertThatThrownBy(() -> harness.project().baseline("accounts")).isInstanceOf(BaselineRefused.class)
                .hasMessageContaining("interrupted while sending rows");

        store.intents().clear(dev.sfsync.core.SyncId.of("accounts"));
        assertThat(harness.project().baseline("accounts").rows()).isEqualTo(2);
    }

    /** Row by row (no key), and set-based (an idempotency key on Bulk API 2.0), which must skip baselined rows too. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"insert_without_key: at_least_once",
            "api: bulk2\nmatch: {column: id, field: External_Key__c}"})
    void an_insert_sync_started_from_a_baseline_creates_only_the_rows_added_after_it(String how) {
        harness.config(EngineHarness.ACCOUNTS_SYNC + ("mode: insert\n" + how + "\nmappings: [{from: name, to: Name}]\n").indent(4));
        assertThat(harness.project().baseline("accounts").rows()).isEqualTo(2);
        harness.sql("update accounts set name = 'Acme 2' where id = 'A1'", "insert into accounts values ('A3', 'Initech', 'L3')");

        RunResult next = harness.run("accounts");

        assertThat(next.summary().created()).isEqualTo(1);
        assertThat(next.summary().unchanged()).isEqualTo(1);
        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactly("Initech");
    }

    @Test
    void update_by_external_id_changes_existing_records_and_fails_rows_without_one() {
        seed("A1");
        RunResult result = run("mode: update\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}]\n");

        assertThat(result.summary().updated()).isEqualTo(1);
        assertThat(result.errorCounts()).containsOnly(Map.entry("RECORD_NOT_FOUND", 1L));
        assertThat(org.records("Account")).singleElement().satisfies(r -> assertThat(r.get("Name")).isEqualTo("Acme"));
    }

    @Test
    void update_by_salesforce_id_uses_the_column_as_the_record_id() {
        String id = seed("A1");
        harness.sql("alter table accounts add column sf_id varchar", "update accounts set sf_id = '" + id + "' where id = 'A1'",
                "delete from accounts where id = 'A2'");

        RunResult result = run("mode: update\nmatch: {column: sf_id, field: Id}\nmappings: [{from: name, to: Name}]\n");

        assertThat(result.summary().updated()).isEqualTo(1);
        assertThat(org.records("Account")).singleElement().satisfies(r -> assertThat(r.get("Name")).isEqualTo("Acme"));
    }

    @Test
    void archive_deletes_the_records_the_model_returns() {
        seed("A1");
        seed("A2");
        seed("A9");

        RunResult result = run("mode: archive\nmatch: {column: id, field: External_Key__c}\n");

        assertThat(result.summary().deleted()).isEqualTo(2);
        assertThat(org.records("Account")).extracting(r -> r.get("External_Key__c")).containsExactly("A9");
    }

    @Test
    void upsert_leaves_create_only_fields_out_when_the_record_exists() {
        seed("A1");
        RunResult result = run("mode: upsert\nmatch: {column: id, field: External_Key__c}\n"
                + "mappings: [{from: name, to: Name}, {from: legacy, to: Legacy_Code__c}]\n");

        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.summary().updated()).isEqualTo(1);
        assertThat(result.summary().created()).isEqualTo(1);
        assertThat(account("A1").get("Legacy_Code__c")).isNull();
        assertThat(account("A2").get("Legacy_Code__c")).isEqualTo("L2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "bulk1", "bulk2"})
    void every_api_upserts_and_reports_row_failures(String api) {
        harness.sql("insert into accounts values ('A3', 'Initech', 'http://initech.example')", "update accounts set legacy = 'https://ok.example'"
                + " where id <> 'A3'");

        String sync = "mode: upsert\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}, {from: legacy, to: Website}]\n"
                + "api: " + api + "\n";
        RunResult result = run(sync);

        assertThat(result.summary().created()).isEqualTo(2);
        assertThat(result.errorCounts()).containsOnly(Map.entry("FIELD_CUSTOM_VALIDATION_EXCEPTION", 1L));
        assertThat(org.records("Account")).hasSize(2);

        harness.sql("update accounts set legacy = 'https://initech.example' where id = 'A3'");
        RunResult retried = run(sync);
        assertThat(retried.summary().created()).as("the failed row is sent again, alone").isEqualTo(1);
        assertThat(retried.summary().rows()).isEqualTo(1);
        assertThat(org.records("Account")).hasSize(3);
    }

    @Test
    void rows_failing_with_lock_errors_are_retried_alone_with_backoff() {
        harness.sql("insert into accounts select 'B' || i, 'Name ' || i, null from range(10) t(i)");
        org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 3);

        RunResult result = run("mode: upsert\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}]\nparallelism: 1\n");

        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.summary().created()).isEqualTo(12);
        assertThat(harness.waits).containsExactly(Duration.ofSeconds(1));
        assertThat(org.records("Account")).hasSize(12);
    }

    @Test
    void rows_still_locked_after_every_retry_fail_with_their_attempts_and_succeed_next_run() {
        org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 20);
        String sync = "mode: upsert\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}]\nretry: {attempts: 2}\n";

        RunResult result = run(sync);

        assertThat(result.summary().failed()).isEqualTo(2);
        assertThat(harness.waits).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(2));
        List<RowOutcome> failed = harness.project().store().outcomes().list(result.runId(), Set.of(OutcomeStatus.FAILED), 10, 0);
        assertThat(failed).allSatisfy(o -> assertThat(((RowOutcome.Failed) o).attempt()).isEqualTo(3));

        org.faults().clear();
        assertThat(run(sync).summary().created()).isEqualTo(2);
    }

    @Test
    void plan_counts_writes_and_rejects_without_writing() {
        harness.sql("insert into accounts values ('A3', '" + "n".repeat(300) + "', null), ('A4', null, null)");
        harness.config(EngineHarness.ACCOUNTS_SYNC + "mode: upsert\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}]\n".indent(4));

        Plan plan = harness.project().plan("accounts");

        assertThat(plan.writes(WriteKind.UPSERT)).isEqualTo(2);
        assertThat(plan.rejectedByCode()).containsOnly(Map.entry("STRING_TOO_LONG", 1L), Map.entry("REQUIRED_FIELD_MISSING", 1L));
        assertThat(plan.sampleRejects()).hasSize(2);
        assertThat(plan.estimatedApiCalls()).isEqualTo(1);
        assertThat(org.records("Account")).isEmpty();
        assertThat(harness.run("accounts").summary().created()).as("planning kept the snapshot as it was").isEqualTo(2);
    }

    private static Map<String, Object> account(String key) {
        return org.records("Account").stream().filter(r -> key.equals(r.get("External_Key__c"))).findFirst().orElseThrow();
    }

    private String seed(String key) {
        return harness.client(dev.sfsync.salesforce.observe.ExchangeListener.NONE).rest()
                .create("Account", Map.of("Name", "Seeded " + key, "External_Key__c", key)).id();
    }
}
