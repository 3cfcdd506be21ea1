package dev.sfsync.salesforce.bulk2;

import dev.sfsync.salesforce.Contract;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.bulk.BulkRowResult.Outcome;
import dev.sfsync.salesforce.bulk.CsvSpool;
import dev.sfsync.salesforce.bulk.CsvValues;
import dev.sfsync.salesforce.bulk.Operation;
import dev.sfsync.salesforce.error.SalesforceError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk API 2.0's documented job and result shapes, read by the code that reads live ones. */
class Bulk2ResponsesContractTest {
    private static final IngestSpec SPEC = IngestSpec.of("Account", Operation.UPSERT, "ERP_Key__c", List.of("ERP_Key__c", "Name", "Phone"));

    @TempDir
    Path work;

    @Test
    void job_info_reads_state_counts_and_error() {
        JobInfo open = JobInfo.parse(Contract.json("bulk2/job-created.json"));
        JobInfo complete = JobInfo.parse(Contract.json("bulk2/job-complete.json"));
        JobInfo failed = JobInfo.parse(Contract.json("bulk2/job-failed.json"));

        assertThat(open.state()).isEqualTo(JobInfo.OPEN);
        assertThat(open.finished()).isFalse();
        assertThat(complete.finished()).isTrue();
        assertThat(complete.numberRecordsProcessed()).isEqualTo(5);
        assertThat(complete.numberRecordsFailed()).isEqualTo(2);
        assertThat(failed.errorMessage()).isEqualTo("InvalidBatch : Field name not found : Nmae");
    }

    @Test
    void results_in_any_order_are_matched_to_the_rows_that_were_sent() {
        List<List<?>> rows = List.of(
                Arrays.asList("E-1", "Acme, \"the\" corp", null),
                List.of("E-2", "", "555-0100"),
                List.of("E-3", "Grand Hotels, Inc.", "(312) 596-1000"),
                List.of("E-4", "Locked Co", "555-0101"),
                List.of("E-5", "Line\nbreak Ltd", ""));
        IngestRun run = runOver(rows, JobInfo.parse(Contract.json("bulk2/job-complete.json")));

        Map<Long, BulkRowResult> byRow = run.results().collect(Collectors.toMap(BulkRowResult::row, r -> r));

        assertThat(byRow).hasSize(5);
        assertThat(byRow.get(0L)).isEqualTo(BulkRowResult.succeeded(0, "001R00000033JNvIAM", false));
        assertThat(byRow.get(2L)).isEqualTo(BulkRowResult.succeeded(2, "001R00000033JNuIAM", true));
        assertThat(byRow.get(4L).succeeded()).isTrue();
        assertThat(byRow.get(1L).error()).isEqualTo(new SalesforceError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", List.of("Name")));
        assertThat(byRow.get(1L).id()).isNull();
        assertThat(byRow.get(3L).error().code()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(byRow.get(3L).retryable()).isTrue();
        run.close();
    }

    @Test
    void rows_of_a_failed_job_come_back_unprocessed_with_the_jobs_error() {
        IngestRun run = new IngestRun(SPEC, (job, set) -> Contract.stream("bulk2/unprocessedrecords.csv"),
                List.of(new IngestRun.Part(JobInfo.parse(Contract.json("bulk2/job-failed.json")), 10, spool(List.of(List.of("E-9", "x", "y"))))));

        List<BulkRowResult> results = run.results().toList();

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.row()).isEqualTo(10);
            assertThat(r.outcome()).isEqualTo(Outcome.UNPROCESSED);
            assertThat(r.error()).isEqualTo(new SalesforceError("InvalidBatch", "Field name not found : Nmae"));
        });
        run.close();
    }

    @Test
    void query_results_follow_the_locator_and_read_empty_cells_as_null() {
        QueryRows rows = new QueryRows(locator -> locator == null
                ? new QueryRows.Page(Contract.stream("bulk2/query-page-1.csv"), "MTAwMDA")
                : new QueryRows.Page(Contract.stream("bulk2/query-page-2.csv"), "null"), "750R0000000zxr8IAA");

        List<Map<String, String>> all = rows.stream().toList();

        assertThat(rows.header()).containsExactly("Id", "Name", "AnnualRevenue");
        assertThat(all).extracting(r -> r.get("Name")).containsExactly("Jane's Bakery", "George \"G\" Wright", "Pat Wilson");
        assertThat(all.get(1)).containsEntry("AnnualRevenue", null);
        assertThat(rows.pagesRead()).isEqualTo(2);
    }

    private IngestRun runOver(List<List<?>> rows, JobInfo job) {
        return new IngestRun(SPEC, (jobId, set) -> Contract.stream("bulk2/" + set + ".csv"), List.of(new IngestRun.Part(job, 0, spool(rows))));
    }

    private CsvSpool spool(List<List<?>> rows) {
        CsvSpool spool = CsvSpool.open(work, SPEC.columns());
        for (List<?> row : rows) {
            List<String> cells = row.stream().map(CsvValues::text).toList();
            spool.append(spool.encode(cells), cells);
        }
        spool.finish();
        return spool;
    }
}
