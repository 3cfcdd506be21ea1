package dev.sfsync.salesforce.bulk1;

import dev.sfsync.salesforce.Contract;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.bulk.BulkRowResult.Outcome;
import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.internal.ErrorResponses;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk API 1.0's documented XML and CSV shapes, read by the code that reads live ones. */
class Bulk1ResponsesContractTest {
    @Test
    void job_info_and_batch_lists_are_read_from_the_asyncapi_xml() {
        assertThat(AsyncXml.record(Contract.bytes("bulk1/job-created.xml"))).containsEntry("id", "750D00000004SkLIAU").containsEntry("state", "Open");

        List<BatchInfo> batches = AsyncXml.records(Contract.bytes("bulk1/batch-info-list.xml"), "batchInfo").stream().map(BatchInfo::of).toList();

        assertThat(batches).extracting(BatchInfo::id).containsExactly("751D0000000004rIAA", "751D0000000004sIAA");
        assertThat(batches.get(0).finished()).isTrue();
        assertThat(batches.get(0).numberRecordsFailed()).isEqualTo(1);
        assertThat(batches.get(1).stateMessage()).isEqualTo("InvalidBatch : Field name not found : Nmae");
    }

    @Test
    void a_job_request_lists_its_elements_in_the_schemas_order() {
        Map<String, String> job = new LinkedHashMap<>();
        job.put("operation", "upsert");
        job.put("object", "Account");
        job.put("externalIdFieldName", "ERP_Key__c");
        job.put("concurrencyMode", "Serial");
        job.put("contentType", "CSV");

        String xml = new String(AsyncXml.jobInfo(job), StandardCharsets.UTF_8);

        assertThat(xml).contains("<jobInfo xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\"><operation>upsert</operation>"
                + "<object>Account</object><externalIdFieldName>ERP_Key__c</externalIdFieldName><concurrencyMode>Serial</concurrencyMode>"
                + "<contentType>CSV</contentType></jobInfo>");
    }

    @Test
    void batch_results_keep_row_order_and_a_failed_batch_leaves_its_rows_unprocessed() {
        List<BatchInfo> batches = AsyncXml.records(Contract.bytes("bulk1/batch-info-list.xml"), "batchInfo").stream().map(BatchInfo::of).toList();
        Bulk1Run run = new Bulk1Run("750D0000000002lIAA", (job, batch) -> Contract.stream("bulk1/batch-result.csv"),
                List.of(new Bulk1Run.Part(batches.get(0), 0, 3), new Bulk1Run.Part(batches.get(1), 3, 2)));

        List<BulkRowResult> results = run.results().toList();

        assertThat(results).extracting(BulkRowResult::row).containsExactly(0L, 1L, 2L, 3L, 4L);
        assertThat(results).extracting(BulkRowResult::outcome)
                .containsExactly(Outcome.SUCCEEDED, Outcome.FAILED, Outcome.SUCCEEDED, Outcome.UNPROCESSED, Outcome.UNPROCESSED);
        assertThat(results.get(0).created()).isTrue();
        assertThat(results.get(2).created()).isFalse();
        assertThat(results.get(1).error().code()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(results.get(3).error().code()).isEqualTo("InvalidBatch");
    }

    @Test
    void an_expired_session_reads_as_one_the_client_refreshes() {
        var failure = ErrorResponses.failure("POST /services/async/62.0/job", 400, Contract.bytes("bulk1/error-invalid-session.xml"));

        assertThat(failure.errors().getFirst().code()).isEqualTo("InvalidSessionId");
        assertThat(failure.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
    }
}
