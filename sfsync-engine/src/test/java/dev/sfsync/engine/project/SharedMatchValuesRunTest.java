package dev.sfsync.engine.project;

import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.Plan;
import dev.sfsync.engine.plan.WriteKind;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.store.ApiCall;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Rows of the model that share a match value are rejected before sending, each time, until the model is fixed. */
class SharedMatchValuesRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    /** The accounts upsert, matched on the field given, mapping the name. */
    static final String ACCOUNTS = EngineHarness.ACCOUNTS_SYNC + """
                mode: upsert
                match: {column: account_key, field: %s}
                mappings:
                  - {from: name, to: Name}
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts (id integer, name varchar, account_key varchar)",
                "insert into accounts values (1, 'Acme', 'K-1'), (2, 'Globex', 'K-2'), (3, 'Initech', 'K-3'), (4, 'Acme twice', 'K-1')");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void rows_sharing_a_match_value_are_rejected_without_a_call_retried_and_synced_once_the_model_is_fixed() {
        harness.config(ACCOUNTS.formatted("External_Key__c"));

        Plan plan = harness.project().plan("accounts");
        assertThat(plan.rejected()).isEqualTo(2);
        assertThat(plan.rejectedByCode()).containsExactly(Map.entry("DUPLICATE_EXTERNAL_ID", 2L));
        assertThat(plan.writes(WriteKind.UPSERT)).isEqualTo(2);

        RunResult first = harness.run("accounts");
        assertThat(first.summary().created()).isEqualTo(2);
        assertThat(first.summary().rejected()).isEqualTo(2);
        assertThat(first.summary().failed()).as("settled locally, not refused by Salesforce").isZero();
        assertThat(first.errorCounts()).containsExactly(Map.entry("DUPLICATE_EXTERNAL_ID", 2L));
        assertThat(keys()).containsExactlyInAnyOrder("K-2", "K-3");
        List<RowOutcome> rejected = harness.project().store().outcomes().list(first.runId(), Set.of(OutcomeStatus.REJECTED), 10, 0);
        assertThat(rejected).extracting(o -> o.key().toString()).containsExactlyInAnyOrder("1", "4");
        assertThat(rejected.getFirst().error().fields()).containsExactly("External_Key__c");
        assertThat(rejected.getFirst().error().message()).contains("Duplicate external id specified: K-1 (External_Key__c)",
                "2 rows of the model have this value in column account_key", "Fix: make column account_key unique in the model, or dedupe its rows");

        RunResult retry = harness.run("accounts");
        assertThat(retry.changes().retried()).isEqualTo(2);
        assertThat(retry.summary().rejected()).isEqualTo(2);
        assertThat(writeCalls(retry)).as("rejected rows cost no write call").isEmpty();

        harness.sql("update accounts set account_key = 'K-4' where id = 4");
        RunResult fixed = harness.run("accounts");
        assertThat(fixed.summary().created()).isEqualTo(2);
        assertThat(fixed.allSucceeded()).isTrue();
        assertThat(keys()).containsExactlyInAnyOrder("K-1", "K-2", "K-3", "K-4");
        assertThat(account("K-1").get("Name")).isEqualTo("Acme");

        RunResult settled = harness.run("accounts");
        assertThat(settled.summary().rows()).isZero();
        assertThat(settled.apiCalls()).isZero();
    }

    @Test
    void a_new_row_sharing_the_match_value_of_a_synced_row_is_rejected_and_the_record_keeps_its_values() {
        harness.sql("delete from accounts where id = 4");
        harness.config(ACCOUNTS.formatted("External_Key__c"));
        harness.run("accounts");
        harness.sql("insert into accounts values (5, 'Globex impostor', 'k-2')");

        RunResult result = harness.run("accounts");

        assertThat(result.summary().rejected()).isEqualTo(1);
        assertThat(result.errorCounts()).containsExactly(Map.entry("DUPLICATE_EXTERNAL_ID", 1L));
        assertThat(harness.project().store().outcomes().list(result.runId(), Set.of(OutcomeStatus.REJECTED), 1, 0).getFirst().error().message())
                .contains("k-2", "when case is ignored, as External_Key__c compares values");
        assertThat(writeCalls(result)).isEmpty();
        assertThat(account("K-2").get("Name")).isEqualTo("Globex");
    }

    @Test
    void values_differing_only_in_case_are_distinct_for_a_case_sensitive_external_id() {
        harness.sql("update accounts set account_key = 'k-1' where id = 4");
        harness.config(ACCOUNTS.formatted("Case_Key__c"));

        RunResult result = harness.run("accounts");

        assertThat(result.summary().created()).isEqualTo(4);
        assertThat(org.records("Account")).extracting(r -> r.get("Case_Key__c")).containsExactlyInAnyOrder("K-1", "k-1", "K-2", "K-3");
    }

    List<ApiCall> writeCalls(RunResult run) {
        return harness.project().store().apiLog().list(run.runId()).stream()
                .filter(call -> call.url().contains("/composite/sobjects") || call.url().contains("/jobs/")).toList();
    }

    static List<Object> keys() {
        return org.records("Account").stream().map(r -> r.get("External_Key__c")).toList();
    }

    static Map<String, Object> account(String key) {
        return org.records("Account").stream().filter(r -> key.equals(r.get("External_Key__c"))).findFirst().orElseThrow();
    }
}
