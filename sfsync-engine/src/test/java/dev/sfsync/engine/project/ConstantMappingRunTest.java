package dev.sfsync.engine.project;

import dev.sfsync.engine.run.RunResult;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A constant mapping is part of what the snapshot remembers: changing it in sfsync.yaml resends every synced row once. */
class ConstantMappingRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    /** The accounts sync matched on External_Key__c, with the constant mappings given (YAML list items). */
    static String config(String constants) {
        return SharedMatchValuesRunTest.ACCOUNTS.formatted("External_Key__c") + constants;
    }

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts (id integer, name varchar, account_key varchar)",
                "insert into accounts values (1, 'Acme', 'A1'), (2, 'Globex', 'A2'), (3, 'Initech', 'A3')");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void changing_a_constant_resends_every_row_once_and_the_run_after_sends_nothing() {
        harness.config(config(tier("Gold")));
        assertThat(harness.run("accounts").summary().created()).isEqualTo(3);
        assertThat(org.records("Account")).extracting(r -> r.get("Tier__c")).containsOnly("Gold");

        harness.config(config(tier("Silver")));
        RunResult changed = harness.run("accounts");
        assertThat(changed.summary().updated()).isEqualTo(3);
        assertThat(changed.notices()).singleElement().asString().contains("(Tier__c)", "every synced row is sent once more");
        assertThat(org.records("Account")).extracting(r -> r.get("Tier__c")).containsOnly("Silver");

        RunResult after = harness.run("accounts");
        assertThat(after.summary().rows()).isZero();
        assertThat(after.apiCalls()).isZero();
    }

    @Test
    void adding_a_constant_resends_every_row_and_dropping_it_sends_nothing() {
        harness.config(config(""));
        harness.run("accounts");

        harness.config(config(tier("Bronze")));
        RunResult added = harness.run("accounts");
        assertThat(added.summary().updated()).isEqualTo(3);
        assertThat(org.records("Account")).extracting(r -> r.get("Tier__c")).containsOnly("Bronze");

        harness.config(config(""));
        RunResult dropped = harness.run("accounts");
        assertThat(dropped.summary().rows()).isZero();
        assertThat(dropped.apiCalls()).isZero();
        assertThat(org.records("Account")).extracting(r -> r.get("Tier__c")).containsOnly("Bronze");
    }

    static String tier(String value) {
        return "      - {value: " + value + ", to: Tier__c}\n";
    }
}
