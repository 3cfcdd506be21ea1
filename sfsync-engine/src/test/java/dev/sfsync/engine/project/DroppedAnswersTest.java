package dev.sfsync.engine.project;

import dev.sfsync.engine.run.RunResult;
import dev.sfsync.testing.EmulatedOrg;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Answers lost after Salesforce processed the call (a dropped connection, results that cannot be read), on every kind of call of
 * the sync's API: an insert sync still creates each model row's record once, and its summary counts what the org holds.
 */
class DroppedAnswersTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");
    static final int ROWS = 3_000;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts as select 'A' || i as id, 'Account ' || i as name from range(" + ROWS + ") t(i)");
    }

    @AfterEach
    void tearDown() {
        org.faults().clear();
        harness.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"rest", "bulk1", "bulk2"})
    void an_insert_whose_answers_are_lost_after_processing_creates_every_row_once_and_says_so(String api) {
        // Besides the random drops, one answer is always lost: the first upload (Bulk) or create call (REST), processed.
        String first = api.equals("rest") ? "composite/sobjects" : api.equals("bulk1") ? "batch" : "batches";
        org.faults().seed(11).set("dropConnections: [{api: " + api + ", times: 1, when: after, path: '" + first + "'}, {api: " + api
                + ", rate: 0.1, when: after}]");

        RunResult result = harness.config(EngineHarness.ACCOUNTS_SYNC + """
                mode: insert
                api: %s
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}]
                """.formatted(api).indent(4) + (api.equals("bulk1") ? "    batch_size: 500\n" : "")).run("accounts");

        assertThat(org.faults().log()).as("answers were lost").isNotEmpty();
        Map<Object, Long> perKey = harness.accountsPerKey();
        assertThat(perKey.values()).as("no row created twice").allMatch(count -> count == 1);
        assertThat(result.summary().created()).as("the summary counts what the org holds").isEqualTo(perKey.size());
        assertThat(result.summary().created() + result.summary().failed()).as("no row unaccounted for").isEqualTo(ROWS);
        assertThat(result.allSucceeded()).as("a run that left rows unsent does not exit 0").isEqualTo(perKey.size() == ROWS);
        org.faults().clear();
        RunResult rerun = harness.run("accounts");
        assertThat(org.records("Account")).as("every row is in the org once after a rerun").hasSize(ROWS);
        assertThat(result.summary().created() + rerun.summary().created()).isEqualTo(ROWS);
    }

    /**
     * The Bulk row path (rows through the planner into streamed loads) when Salesforce took the job and created the rows
     * but this run could not read what it did: the rows fail in this run, and the next run settles them from the job's own
     * results before sending anything instead of creating them twice.
     */
    @ParameterizedTest(name = "{0}: {1}")
    @org.junit.jupiter.params.provider.CsvSource({"bulk2, successfulResults", "bulk1, /result"})
    void creates_whose_results_cannot_be_read_are_reconciled_from_the_job_next_run_not_created_twice(String api, String resultsRead) {
        harness.config(EngineHarness.ACCOUNTS_SYNC + """
                mode: insert
                api: %s
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}]
                """.formatted(api).indent(4));
        harness.project().bulkRowByRow(true);
        org.faults().set("errors: [{api: " + api + ", times: 1000, path: '" + resultsRead + "', status: 503}]");

        RunResult first = harness.run("accounts");
        org.faults().clear();
        int inOrg = org.records("Account").size();
        RunResult second = harness.run("accounts");

        assertThat(first.summary().created()).isZero();
        assertThat(inOrg).as("the job ran at Salesforce").isEqualTo(ROWS);
        Map<Object, Long> perKey = harness.accountsPerKey();
        assertThat(perKey.values()).as("no row created twice").allMatch(count -> count == 1);
        assertThat(second.notices()).anySatisfy(n -> assertThat(n).contains("reconciled"));
        assertThat(org.records("Account")).hasSize(ROWS);
        assertThat(second.summary().created()).as("the rows the job created, found again in its results").isEqualTo(ROWS);
        assertThat(harness.run("accounts").summary().created()).isZero();
    }
}
