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

/** A connection's API reserve: no run crosses it; the rows it could not send wait for the next run. */
class QuotaReserveRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    static final String ACCOUNTS = EngineHarness.ACCOUNTS_SYNC + """
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings:
                  - {from: name, to: Name}
                batch_size: 2
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts (id varchar, name varchar)",
                "insert into accounts select 'A' || i, 'Account ' || i from range(10) t(i)");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void a_run_stops_before_the_reserve_says_what_waits_and_the_next_run_sends_it() {
        org.dailyApiLimit(1_000);
        org.apiRequestsUsed(795);
        harness.connectionSettings("quota: {reserve: 20%}").config(ACCOUNTS);

        RunResult stopped = harness.run("accounts");

        long used = org.apiRequestsUsed();
        assertThat(used).as("never past the 800 requests the reserve leaves").isLessThanOrEqualTo(800);
        assertThat(stopped.stopped()).contains("stopped at the API reserve of connection 'org'", "of its 1000 daily API requests",
                "200 (20 %) are kept for other integrations", "were not sent and stay pending for the next run", "free up");
        long sent = org.records("Account").size();
        assertThat(sent).isLessThan(10);
        assertThat(stopped.stopped()).contains((10 - sent) + " row(s) were not sent");

        org.apiRequestsUsed(0);
        RunResult next = harness.run("accounts");
        assertThat(next.stopped()).isNull();
        assertThat(org.records("Account")).hasSize(10);
    }

    @Test
    void without_a_setting_ten_percent_is_kept() {
        org.dailyApiLimit(1_000);
        org.apiRequestsUsed(899);
        harness.config(ACCOUNTS);

        RunResult stopped = harness.run("accounts");

        assertThat(org.apiRequestsUsed()).isLessThanOrEqualTo(900);
        assertThat(stopped.stopped()).contains("100 (10 %) are kept");
    }
}
