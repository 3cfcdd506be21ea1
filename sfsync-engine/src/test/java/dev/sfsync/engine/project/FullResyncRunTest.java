package dev.sfsync.engine.project;

import dev.sfsync.engine.plan.Plan;
import dev.sfsync.engine.plan.WriteKind;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FullResyncRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");
    @RegisterExtension
    static final EmulatedOrg production = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    static final String SYNC = EngineHarness.ACCOUNTS_SYNC + """
                connection: %s
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings:
                  - {from: name, to: Name}
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).alsoReaching(production).sql("create table accounts (id varchar, name varchar)",
                "insert into accounts values ('A1', 'Acme'), ('A2', 'Globex'), ('A3', 'Initech')");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private void configure(String connection) {
        harness.wholeConfig("""
                connections:
                  sandbox:
                    environment: custom
                    login_url: %s
                    client_id: %s
                  production:
                    environment: custom
                    login_url: %s
                    client_id: %s
                sources:
                  warehouse:
                    url: jdbc:duckdb:warehouse.duckdb
                """.formatted(org.loginUrl(), org.clientId(), production.loginUrl(), production.clientId()) + SYNC.formatted(connection));
    }

    @Test
    void a_full_run_resends_every_row_and_repairs_records_changed_behind_the_syncs_back() {
        configure("sandbox");
        harness.run("accounts");
        String id = (String) account(org, "A1").get("Id");
        harness.client(dev.sfsync.salesforce.observe.ExchangeListener.NONE).rest().update("Account", id, Map.of("Name", "Edited by hand"));
        assertThat(harness.run("accounts").summary().rows()).as("an ordinary run sees no change").isZero();

        Plan plan = harness.project().plan("accounts", true);
        assertThat(plan.writes(WriteKind.UPSERT)).isEqualTo(3);
        assertThat(plan.estimatedApiCalls()).isPositive();
        assertThat(plan.notices()).anyMatch(n -> n.contains("full resync") && n.contains("3 rows"));

        RunResult full = harness.runFull("accounts");

        assertThat(full.summary().updated()).isEqualTo(3);
        assertThat(account(org, "A1").get("Name")).isEqualTo("Acme");
        assertThat(org.records("Account")).hasSize(3);
        assertThat(harness.run("accounts").summary().rows()).as("the snapshot is whole again after a full run").isZero();
    }

    @Test
    void a_full_insert_creates_every_row_again_and_its_plan_says_so() {
        harness.wholeConfig(EngineHarness.CONNECTION.formatted(org.loginUrl(), org.clientId(), "", "") + EngineHarness.ACCOUNTS_SYNC + """
                    mode: insert
                    insert_without_key: at_least_once
                    mappings:
                      - {from: name, to: Name}
                """);
        harness.run("accounts");
        assertThat(harness.project().plan("accounts", true).notices()).anyMatch(n -> n.contains("insert mode creates a new record"));

        assertThat(harness.runFull("accounts").summary().created()).isEqualTo(3);
        assertThat(org.records("Account")).hasSize(6);
    }

    @Test
    void pointing_a_sync_at_another_org_starts_a_first_sync_there_and_the_first_org_keeps_its_snapshot() {
        configure("sandbox");
        assertThat(harness.run("accounts").summary().created()).isEqualTo(3);

        configure("production");
        RunResult first = harness.run("accounts");

        assertThat(first.summary().created()).as("production got nothing yet, so every row is sent").isEqualTo(3);
        assertThat(production.records("Account")).hasSize(3);
        assertThat(harness.run("accounts").summary().rows()).isZero();

        harness.sql("update accounts set name = 'Acme Corp' where id = 'A1'");
        configure("sandbox");
        RunResult back = harness.run("accounts");
        assertThat(back.summary().rows()).as("the sandbox's snapshot was kept: only the changed row goes").isEqualTo(1);
        assertThat(account(org, "A1").get("Name")).isEqualTo("Acme Corp");
    }

    private static Map<String, Object> account(EmulatedOrg in, String key) {
        return in.records("Account").stream().filter(r -> key.equals(r.get("External_Key__c"))).findFirst().orElseThrow();
    }
}
