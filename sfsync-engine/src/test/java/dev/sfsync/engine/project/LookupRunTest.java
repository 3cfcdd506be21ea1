package dev.sfsync.engine.project;

import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LookupRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    @TempDir
    Path dir;
    EngineHarness harness;

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void lookups_fill_reference_fields_in_batched_queries_and_missing_references_fail_the_row() {
        harness = new EngineHarness(dir, org);
        var rest = harness.client(ExchangeListener.NONE).rest();
        String acme = rest.create("Account", Map.of("Name", "Acme", "External_Key__c", "A1")).id();
        String globex = rest.create("Account", Map.of("Name", "Globex", "External_Key__c", "A2")).id();
        harness.sql("create table contacts (id varchar, last varchar, account varchar)",
                "insert into contacts select 'C' || i, 'Smith ' || i, 'A' || (1 + i % 2) from range(6) t(i)",
                "insert into contacts values ('C7', 'Orphan', 'A404'), ('C8', 'Direct', '" + globex + "'), ('C9', 'Loner', null)");
        harness.config("""
                models:
                  contacts:
                    sql: select * from contacts
                    primary_key: id
                syncs:
                  contacts:
                    model: contacts
                    object: Contact
                    mode: upsert
                    match: {column: id, field: External_Id__c}
                    mappings: [{from: last, to: LastName}]
                    lookups: [{to: AccountId, object: Account, field: External_Key__c, column: account}]
                """);

        RunResult result = harness.run("contacts");

        assertThat(result.summary().created()).isEqualTo(8);
        assertThat(result.errorCounts()).containsOnly(Map.entry("REFERENCE_NOT_FOUND", 1L));
        assertThat(harness.project().store().outcomes().list(result.runId(), Set.of(OutcomeStatus.FAILED), 5, 0))
                .singleElement().satisfies(o -> {
                    assertThat(o.key().toString()).isEqualTo("C7");
                    assertThat(o.error().message()).contains("External_Key__c = 'A404'").contains("AccountId");
                    assertThat(o.error().fields()).containsExactly("AccountId");
                });
        assertThat(org.records("Contact")).filteredOn(c -> "C0".equals(c.get("External_Id__c"))).singleElement()
                .satisfies(c -> assertThat(c.get("AccountId")).isEqualTo(acme));
        assertThat(org.records("Contact")).filteredOn(c -> "C8".equals(c.get("External_Id__c"))).singleElement()
                .satisfies(c -> assertThat(c.get("AccountId")).isEqualTo(globex));
        assertThat(harness.project().store().apiLog().list(result.runId())).filteredOn(call -> call.url().contains("/query"))
                .as("one query for all the lookups of the batch").hasSize(1);
    }
}
