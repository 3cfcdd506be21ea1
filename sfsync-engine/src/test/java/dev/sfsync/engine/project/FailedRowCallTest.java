package dev.sfsync.engine.project;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.store.ApiCall;
import dev.sfsync.store.LoggedCall;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A failed row points at the exact logged call whose answer decided it: the REST write (the try that settled it, when
 * the chunk went again), the Bulk 2.0 job's failedResults read, the Bulk 1.0 batch's result read; on the set-based
 * Bulk path and on the row path alike.
 */
class FailedRowCallTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    private static final String MODEL = """
            create table accounts as select i as id, 'K' || i as ext, 'Account ' || i as name,
                CASE WHEN i = 3 THEN 'http://plain.example.com' ELSE 'https://a' || i || '.example.com' END as website
            from range(1, 6) t(i)""";
    private static final String SYNC = EngineHarness.ACCOUNTS_SYNC + """
                mode: upsert
                api: API
                match: {column: ext, field: External_Key__c}
                mappings:
                  - {from: name, to: Name}
                  - {from: website, to: Website}
            """;

    @TempDir
    Path directory;
    private EngineHarness harness;

    @AfterEach
    void tearDown() {
        if (harness != null) {
            harness.close();
        }
    }

    @ParameterizedTest(name = "{0}, row by row: {1}")
    @CsvSource({"bulk2, false, /failedResults/", "bulk2, true, /failedResults/", "bulk1, false, /result", "bulk1, true, /result"})
    void a_bulk_row_failed_by_salesforce_points_at_the_result_read_that_listed_it(String api, boolean rowByRow, String resultRead) {
        harness = new EngineHarness(directory, org).sql(MODEL).config(SYNC.replace("API", api));
        harness.project().bulkRowByRow(rowByRow);

        RunResult result = harness.run("accounts");

        assertThat(result.summary().failed()).isEqualTo(1);
        ApiCall call = carrier(result, "3");
        assertThat(call.method()).isEqualTo("GET");
        assertThat(call.url()).endsWith(resultRead).contains(api.equals("bulk2") ? "/jobs/ingest/" : "/batch/");
        assertThat(harness.project().store().apiLog().bodies(result.runId(), seq(result, "3")).response())
                .as("Salesforce's answer for the row is in the call's body").contains("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(harness.project().store().outcomes().callOf(result.runId(), new RowKey(List.of("1")))).as("successes point nowhere").isEmpty();
    }

    @Test
    void a_rest_row_points_at_the_try_that_decided_it_when_its_chunk_went_again() {
        harness = new EngineHarness(directory, org).sql(MODEL).config(SYNC.replace("api: API", "api: rest"));
        // The first record written is locked once: the chunk goes again with that row alone; row 3 failed on the first try.
        org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 1);

        RunResult result = harness.run("accounts");

        List<LoggedCall> writes = harness.project().store().apiLog().entries(result.runId(), 0).stream()
                .filter(c -> c.call().url().contains("/composite/sobjects")).toList();
        assertThat(writes).hasSize(2);
        assertThat(result.summary().failed()).isEqualTo(1);
        assertThat(seq(result, "3")).as("the validation failure: the first try, not the retry").isEqualTo(writes.getFirst().seq());
        assertThat(harness.project().store().apiLog().bodies(result.runId(), seq(result, "3")).response())
                .contains("FIELD_CUSTOM_VALIDATION_EXCEPTION");
    }

    private long seq(RunResult result, String key) {
        return harness.project().store().outcomes().callOf(result.runId(), new RowKey(List.of(key))).orElseThrow();
    }

    private ApiCall carrier(RunResult result, String key) {
        return harness.project().store().apiLog().find(result.runId(), seq(result, key)).orElseThrow().call();
    }
}
