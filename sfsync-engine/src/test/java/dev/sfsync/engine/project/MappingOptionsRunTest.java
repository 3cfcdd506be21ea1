package dev.sfsync.engine.project;

import dev.sfsync.engine.plan.Plan;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MappingOptionsRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    static final String SYNC = EngineHarness.ACCOUNTS_SYNC + """
                mode: upsert
                match: {column: id, field: External_Key__c}
                api: %s
                mappings:
                  - {from: name, to: Name}
                  - {from: tier, to: Tier__c, %s: true}
                  - {from: website, to: Website}
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts (id varchar, name varchar, tier varchar, website varchar)",
                "insert into accounts values ('A1', 'Acme', 'Gold', 'https://acme.test'), ('A2', 'Globex', 'Silver', 'https://globex.test')");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "bulk1", "bulk2"})
    void skip_nulls_keeps_the_salesforce_value_when_the_model_has_none(String api) {
        harness.config(SYNC.formatted(api, "skip_nulls"));
        harness.run("accounts");
        harness.sql("update accounts set tier = null, website = null, name = name || ' Inc'");

        assertThat(harness.run("accounts").summary().updated()).isEqualTo(2);

        assertThat(account("A1")).containsEntry("Name", "Acme Inc").containsEntry("Tier__c", "Gold")
                .as("a mapping without skip_nulls still clears").containsEntry("Website", null);
        assertThat(account("A2")).containsEntry("Tier__c", "Silver");
    }

    @ParameterizedTest
    @ValueSource(strings = {"rest", "bulk2"})
    void only_if_empty_sets_a_field_only_where_the_record_has_no_value_and_the_plan_counts_the_read(String api) {
        harness.config(EngineHarness.ACCOUNTS_SYNC + """
                    mode: upsert
                    match: {column: id, field: External_Key__c}
                    mappings:
                      - {from: name, to: Name}
                """);
        harness.run("accounts");
        String a1 = (String) account("A1").get("Id");
        harness.client(dev.sfsync.salesforce.observe.ExchangeListener.NONE).rest().update("Account", a1, Map.of("Tier__c", "Bronze"));
        harness.sql("insert into accounts values ('A3', 'Initech', 'Gold', null)");
        harness.config(SYNC.formatted(api, "only_if_empty"));

        Plan plan = harness.project().plan("accounts");
        assertThat(plan.notices()).anyMatch(n -> n.contains("only_if_empty (Tier__c)") && n.contains("3 records are read first"));

        assertThat(harness.run("accounts").allSucceeded()).isTrue();

        assertThat(account("A1")).as("set by hand, kept").containsEntry("Tier__c", "Bronze").containsEntry("Website", "https://acme.test");
        assertThat(account("A2")).as("empty, filled").containsEntry("Tier__c", "Silver");
        assertThat(account("A3")).as("new, filled").containsEntry("Tier__c", "Gold");
    }

    @Test
    void mapping_options_must_be_true_or_false() {
        harness.config(SYNC.formatted("rest", "skip_nulls").replace("skip_nulls: true", "skip_nulls: yes please"));

        assertThat(new dev.sfsync.engine.config.ProjectConfigReader().read(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("must be true or false"));
    }

    private static Map<String, Object> account(String key) {
        return org.records("Account").stream().filter(r -> key.equals(r.get("External_Key__c"))).findFirst().orElseThrow();
    }
}
