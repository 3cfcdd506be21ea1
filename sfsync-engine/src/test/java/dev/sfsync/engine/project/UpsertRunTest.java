package dev.sfsync.engine.project;

import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.run.RunResult;
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

class UpsertRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    static final String ACCOUNTS = EngineHarness.ACCOUNTS_SYNC + """
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings:
                  - {from: name, to: Name}
                  - {from: tier, to: Tier__c}
                on_delete: %s
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts (id varchar, name varchar, tier varchar)",
                "insert into accounts values ('A1', 'Acme', 'Gold'), ('A2', 'Globex', 'Silver'), ('A3', 'Initech', null)");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void upsert_creates_records_then_a_rerun_without_changes_costs_no_api_call() {
        harness.config(ACCOUNTS.formatted("nothing"));
        RunResult first = harness.run("accounts");

        assertThat(first.summary().created()).isEqualTo(3);
        assertThat(first.allSucceeded()).isTrue();
        assertThat(org.records("Account")).extracting(r -> r.get("External_Key__c")).containsExactlyInAnyOrder("A1", "A2", "A3");
        assertThat(harness.project().store().apiLog().count(first.runId())).isEqualTo(first.apiCalls()).isPositive();

        long before = org.apiRequestsUsed();
        RunResult second = harness.run("accounts");
        assertThat(second.summary().rows()).isZero();
        assertThat(second.apiCalls()).isZero();
        assertThat(org.apiRequestsUsed()).isEqualTo(before);
    }

    @Test
    void changed_rows_update_their_records_and_unchanged_rows_are_not_sent() {
        harness.config(ACCOUNTS.formatted("nothing"));
        harness.run("accounts");
        harness.sql("update accounts set name = 'Acme Corp' where id = 'A1'");

        RunResult result = harness.run("accounts");

        assertThat(result.summary().updated()).isEqualTo(1);
        assertThat(result.summary().rows()).isEqualTo(1);
        assertThat(account("A1").get("Name")).isEqualTo("Acme Corp");
    }

    @Test
    void rows_salesforce_would_refuse_are_rejected_locally_and_sent_once_fixed() {
        harness.sql("insert into accounts values ('A4', '" + "x".repeat(300) + "', 'Gold'), ('A5', 'Bad Tier', 'Platinum')");
        harness.config(ACCOUNTS.formatted("nothing"));

        RunResult first = harness.run("accounts");

        assertThat(first.summary().created()).isEqualTo(3);
        assertThat(first.summary().rejected()).isEqualTo(2);
        assertThat(first.errorCounts()).containsOnly(Map.entry("STRING_TOO_LONG", 1L), Map.entry("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", 1L));
        assertThat(org.records("Account")).hasSize(3);
        List<RowOutcome> rejected = harness.project().store().outcomes().list(first.runId(), Set.of(OutcomeStatus.REJECTED), 10, 0);
        assertThat(rejected).extracting(o -> o.error().fields()).containsExactlyInAnyOrder(List.of("Name"), List.of("Tier__c"));

        harness.sql("update accounts set name = 'Short' where id = 'A4'");
        RunResult second = harness.run("accounts");

        assertThat(second.summary().created()).isEqualTo(1);
        assertThat(second.summary().rejected()).isEqualTo(1);
        assertThat(account("A4").get("Name")).isEqualTo("Short");
    }

    @Test
    void removed_rows_are_deleted_when_on_delete_is_delete() {
        harness.config(ACCOUNTS.formatted("delete"));
        harness.run("accounts");
        harness.sql("delete from accounts where id = 'A2'");

        RunResult result = harness.run("accounts");

        assertThat(result.summary().deleted()).isEqualTo(1);
        assertThat(org.records("Account")).extracting(r -> r.get("External_Key__c")).containsExactlyInAnyOrder("A1", "A3");
    }

    @Test
    void removed_rows_have_their_fields_cleared_when_on_delete_is_clear_fields() {
        harness.config(ACCOUNTS.formatted("clear_fields"));
        harness.run("accounts");
        harness.sql("delete from accounts where id = 'A2'");

        RunResult result = harness.run("accounts");

        assertThat(result.summary().updated()).isEqualTo(1);
        Map<String, Object> cleared = account("A2");
        assertThat(cleared.get("Tier__c")).isNull();
        assertThat(cleared.get("Name")).as("Name is required, so it is kept").isEqualTo("Globex");
    }

    @Test
    void removed_rows_leave_their_records_when_on_delete_is_nothing() {
        harness.config(ACCOUNTS.formatted("nothing"));
        harness.run("accounts");
        harness.sql("delete from accounts where id = 'A2'");

        RunResult result = harness.run("accounts");

        assertThat(result.summary().unchanged()).isEqualTo(1);
        assertThat(result.apiCalls()).isZero();
        assertThat(org.records("Account")).hasSize(3);
    }

    static Map<String, Object> account(String key) {
        return org.records("Account").stream().filter(r -> key.equals(r.get("External_Key__c"))).findFirst().orElseThrow();
    }
}
