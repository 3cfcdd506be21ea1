package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static dev.sfsync.emulator.bulk1.BulkHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

/** Batches that fail as a whole, and the limits Salesforce puts on a batch and on batches a day. */
class BatchFailureTest extends EmulatorTest {
    private BulkHttp bulk;

    @BeforeEach
    void bulk() {
        bulk = new BulkHttp(http);
    }

    @Test
    void an_unknown_column_fails_the_batch_before_any_record_is_written() {
        String info = failedBatch("insert", "Name,Colour__c\nAcme,red\n");

        assertThat(xml(info, "stateMessage")).isEqualTo("InvalidBatch : Field name not found : Colour__c");
        assertThat(xml(info, "numberRecordsProcessed")).isEqualTo("0");
        assertThat(host.org().store("Account").orElseThrow().liveCount()).isZero();
    }

    @Test
    void a_delete_batch_may_hold_only_ids() {
        String info = failedBatch("delete", "Id,Name\n001000000000001AAA,x\n");

        assertThat(xml(info, "stateMessage")).isEqualTo("InvalidBatch : The 'delete' batch must contain only ids");
    }

    @Test
    void a_row_with_more_fields_than_the_header_fails_the_batch() {
        String info = failedBatch("insert", "Name\nAcme,extra\n");

        assertThat(xml(info, "stateMessage")).startsWith("InvalidBatch : Failed to parse CSV");
    }

    @Test
    void ten_thousand_records_make_a_batch_and_one_more_fails_it() {
        String full = failedOrCompleted(records(10_000));
        String over = failedBatch("insert", records(10_001));

        assertThat(xml(full, "state")).isEqualTo("Completed");
        assertThat(xml(full, "numberRecordsProcessed")).isEqualTo("10000");
        assertThat(xml(over, "stateMessage"))
                .isEqualTo("InvalidBatch : Exceeded number of records : 10002. Number of records should be less than or equal to 10001");
        assertThat(host.org().store("Account").orElseThrow().liveCount()).isEqualTo(10_000);
    }

    @Test
    void a_batch_over_ten_million_bytes_is_refused_with_client_input_error() {
        String jobId = bulk.createJob("insert", "Account", "CSV");
        String body = "Name\n" + ("x".repeat(99) + "\n").repeat(100_001);

        Http.Response answer = bulk.post(ASYNC + "/job/" + jobId + "/batch", "text/csv", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("ClientInputError");
        assertThat(xml(answer.body(), "exceptionMessage")).isEqualTo("Failed to read request. Exceeded max size limit of 10000000");
        assertThat(xml(bulk.get(ASYNC + "/job/" + jobId).body(), "numberBatchesTotal")).isEqualTo("0");
    }

    @Test
    void an_empty_batch_is_refused() {
        String jobId = bulk.createJob("insert", "Account", "CSV");

        Http.Response answer = bulk.post(ASYNC + "/job/" + jobId + "/batch", "text/csv", "");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("InvalidBatch");
    }

    @Test
    void results_of_a_batch_that_has_not_completed_are_invalid_batch() {
        http.post("/__admin/bulk1/pause", "");
        String jobId = bulk.createJob("insert", "Account", "CSV");
        String batchId = bulk.addBatch(jobId, "text/csv", "Name\nAcme\n");

        Http.Response answer = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result");

        assertThat(xml(bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId).body(), "state")).isEqualTo("Queued");
        assertThat(answer.status()).isEqualTo(400);
        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("InvalidBatch");
        assertThat(xml(answer.body(), "exceptionMessage")).startsWith("Batch not completed");
    }

    @Test
    void batches_beyond_the_daily_allocation_are_refused_with_exceeded_quota() {
        http.put("/__admin/limits", "application/json", "{\"dailyBulkApiBatches\":2}");
        String jobId = bulk.createJob("insert", "Account", "CSV");
        bulk.addBatch(jobId, "text/csv", "Name\nA\n");
        bulk.post(ASYNC + "/job/" + jobId, "application/xml", "<jobInfo xmlns=\"" + BulkHttp.NS + "\"><state>Closed</state></jobInfo>");

        Http.Response toClosedJob = bulk.post(ASYNC + "/job/" + jobId + "/batch", "text/csv", "Name\nB\n");
        Http.Response overQuota = bulk.post(ASYNC + "/job/" + bulk.createJob("insert", "Account", "CSV") + "/batch", "text/csv", "Name\nC\n");

        assertThat(xml(toClosedJob.body(), "exceptionCode")).as("refused, yet counted, as Salesforce does").isEqualTo("InvalidJobState");
        assertThat(overQuota.status()).isEqualTo(400);
        assertThat(xml(overQuota.body(), "exceptionCode")).isEqualTo("ExceededQuota");
        assertThat(http.get("/services/data/v60.0/limits").json().path("DailyBulkApiBatches").toString()).isEqualTo("{\"Max\":2,\"Remaining\":0}");
    }

    private String failedBatch(String operation, String csv) {
        String jobId = bulk.createJob(operation, "Account", "CSV");
        String info = bulk.awaitBatch(jobId, bulk.addBatch(jobId, "text/csv", csv)).body();
        assertThat(xml(info, "state")).isEqualTo("Failed");
        return info;
    }

    private String failedOrCompleted(String csv) {
        String jobId = bulk.createJob("insert", "Account", "CSV");
        return bulk.awaitBatch(jobId, bulk.addBatch(jobId, "text/csv", csv)).body();
    }

    private static String records(int count) {
        StringBuilder csv = new StringBuilder("Name\n");
        for (int i = 0; i < count; i++) {
            csv.append("Account ").append(i).append('\n');
        }
        return csv.toString();
    }
}
