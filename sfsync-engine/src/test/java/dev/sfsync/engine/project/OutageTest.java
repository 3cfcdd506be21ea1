package dev.sfsync.engine.project;

import dev.sfsync.engine.run.RunResult;
import dev.sfsync.testing.EmulatedOrg;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class OutageTest {
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
    void a_total_outage_stops_the_run_with_its_code_after_a_few_failed_calls_not_every_chunk_many_times() {
        harness = new EngineHarness(dir, org).sql("create table accounts as select 'A' || i as id, 'Account ' || i as name from range(4000) t(i)");
        harness.config(EngineHarness.ACCOUNTS_SYNC + "mode: upsert\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}]\n"
                .indent(4));
        harness.project().validateRemote("accounts");
        org.faults().set("errors: [{api: rest, path: 'composite/sobjects', rate: 1.0, status: 503}]");

        RunResult result = harness.run("accounts");

        assertThat(result.stopped()).as("the run says it stopped, with the outage's code").isNotNull().contains("503");
        assertThat(result.allSucceeded()).isFalse();
        assertThat(result.summary().failed()).isEqualTo(4000);
        assertThat(org.faults().log().size()).as("calls sent into the outage (20 chunks of 200, 5 tries a call, 10 at once)")
                .isLessThan(100);
        assertThat(org.records("Account")).isEmpty();
    }
}
