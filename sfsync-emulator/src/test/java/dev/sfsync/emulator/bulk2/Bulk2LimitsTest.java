package dev.sfsync.emulator.bulk2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class Bulk2LimitsTest extends Bulk2Test {

    /** Sets maxima through the one place for the org's limits, as a test of any module would. */
    private void setLimits(String json) {
        Http.Response response = http.put("/__admin/limits", "application/json", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    private JsonNode limitsResource() {
        return http.get(data("/limits")).json();
    }

    @Test
    void an_upload_past_the_size_limit_after_base64_is_refused_and_not_kept() throws Exception {
        setLimits("{\"bulkV2MaxUploadBytes\": 40}");
        String id = createJob("Account", "insert").path("id").asText();
        assertThat(upload(id, "Name\n" + "A".repeat(24) + "\n").status()).as("30 bytes are 40 in base64").isEqualTo(201);
        String second = createJob("Account", "insert").path("id").asText();
        Http.Response tooLarge = upload(second, "Name\n" + "A".repeat(25) + "\n");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.errorCode()).isEqualTo("EXCEEDED_MAX_SIZE_REQUEST");
        assertThat(tooLarge.json().path(0).path("message").asText()).contains("40 bytes after base64").contains("split the data");
        try (var files = Files.list(host.bulk2().spoolDirectory())) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(name -> name.startsWith(second));
        }
        assertThat(info(INGEST, second).path("state").asText()).isEqualTo("Open");
    }

    @Test
    void the_daily_record_allowance_fails_a_job_once_spent_and_leaves_the_rest_unprocessed() {
        setLimits("{\"bulkV2IngestRecordsPerDay\": 5}");
        assertThat(host.org().limits().bulkV2IngestRecords().tryAcquire(2)).isTrue();
        JsonNode info = runJob("Account", "insert", "Name\nA\nB\nC\nD\nE\n");
        assertThat(info.path("state").asText()).isEqualTo("Failed");
        assertThat(info.path("errorMessage").asText()).startsWith("ExceededQuota : The org has used its allowance of 5 Bulk API records in 24 hours");
        assertThat(info.path("numberRecordsProcessed").asLong()).isEqualTo(3);
        assertThat(liveCount("Account")).isEqualTo(3);
        assertThat(results(info.path("id").asText(), "unprocessedrecords")).isEqualTo("Name\n\"D\"\n\"E\"\n");
        assertThat(results(info.path("id").asText(), "successfulResults").lines().count()).isEqualTo(4);

        JsonNode next = runJob("Account", "insert", "Name\nF\n");
        assertThat(next.path("state").asText()).isEqualTo("Failed");
        assertThat(next.path("numberRecordsProcessed").asLong()).isZero();
    }

    @Test
    void ingest_takes_a_batch_per_ten_thousand_records_from_the_allocation_bulk_1_shares() {
        JsonNode info = runJob("Account", "insert", rows(10_001));

        assertThat(info.path("state").asText()).isEqualTo("JobComplete");
        assertThat(limitsResource().path("DailyBulkApiBatches").toString()).isEqualTo("{\"Max\":15000,\"Remaining\":14998}");
        assertThat(host.org().limits().bulkV2IngestRecords().used()).isEqualTo(10_001);
    }

    @Test
    void an_ingest_job_fails_when_the_batch_allocation_is_spent() {
        setLimits("{\"dailyBulkApiBatches\": 1}");
        assertThat(host.org().limits().bulkApiBatches().tryAcquire(1)).as("a Bulk 1.0 batch takes the last one").isTrue();

        JsonNode info = runJob("Account", "insert", "Name\nA\nB\n");

        assertThat(info.path("state").asText()).isEqualTo("Failed");
        assertThat(info.path("errorMessage").asText()).startsWith("ExceededQuota : The org has used its allocation of 1 Bulk API batches in 24 hours");
        assertThat(info.path("numberRecordsProcessed").asLong()).isZero();
        assertThat(results(info.path("id").asText(), "unprocessedrecords")).isEqualTo("Name\n\"A\"\n\"B\"\n");
        assertThat(host.org().limits().bulkV2IngestRecords().used()).as("no rows were taken").isZero();
    }

    @Test
    void query_jobs_and_their_results_count_against_the_query_allowances() {
        runJob("Account", "insert", rows(3));
        setLimits("{\"dailyBulkV2QueryJobs\": 1}");

        Http.Response first = http.post(data(QUERY), Map.of("operation", "query", "query", "SELECT Id, Name FROM Account"));
        awaitJobs();
        Http.Response second = http.post(data(QUERY), Map.of("operation", "query", "query", "SELECT Id FROM Account"));

        assertThat(first.status()).isEqualTo(200);
        assertThat(info(QUERY, first.json().path("id").asText()).path("state").asText()).isEqualTo("JobComplete");
        assertThat(second.status()).isEqualTo(403);
        assertThat(second.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(second.json().path(0).path("message").asText()).contains("1 Bulk API 2.0 query jobs in 24 hours");
        JsonNode limits = limitsResource();
        assertThat(limits.path("DailyBulkV2QueryJobs").toString()).isEqualTo("{\"Max\":1,\"Remaining\":0}");
        assertThat(limits.path("DailyBulkV2QueryFileStorageMB").path("Remaining").asLong()).as("a small result takes 1 MB").isEqualTo(976_561);
        assertThat(limits.path("DailyBulkApiBatches").path("Remaining").asLong()).as("query jobs take no batches").isEqualTo(14_999);
    }

    @Test
    void a_query_job_whose_results_exceed_the_storage_allowance_fails() {
        runJob("Account", "insert", rows(3));
        setLimits("{\"dailyBulkV2QueryFileStorageMB\": 0}");

        String id = http.post(data(QUERY), Map.of("operation", "query", "query", "SELECT Id FROM Account")).json().path("id").asText();
        awaitJobs();

        JsonNode info = info(QUERY, id);
        assertThat(info.path("state").asText()).isEqualTo("Failed");
        assertThat(info.path("errorMessage").asText()).startsWith("ExceededQuota : The org has used its allowance of 0 MB of Bulk API 2.0 query results");
        assertThat(http.get(data(QUERY + "/" + id + "/results")).status()).isNotEqualTo(200);
    }

    @Test
    void closing_the_emulator_stops_its_worker_and_removes_its_files() throws Exception {
        java.util.Set<Thread> before = bulkWorkers();
        Emulator own = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).build().start();
        Path dir;
        java.util.Set<Thread> started;
        try {
            Http client = Http.loggedIn(own.host());
            String id = client.post(data(INGEST), Map.of("object", "Account", "operation", "insert")).json().path("id").asText();
            client.put(data(INGEST + "/" + id + "/batches"), "text/csv", "Name\nA\n");
            client.patch(data(INGEST + "/" + id), Map.of("state", "UploadComplete"));
            assertThat(own.host().bulk2().awaitIdle(java.time.Duration.ofSeconds(30))).isTrue();
            dir = own.host().bulk2().spoolDirectory();
            assertThat(dir).isDirectory();
            started = bulkWorkers();
            started.removeAll(before);
            assertThat(started).as("the emulator's own worker threads").isNotEmpty();
        } finally {
            own.close();
        }
        assertThat(dir).doesNotExist();
        for (Thread worker : started) {
            worker.join(5_000);
            assertThat(worker.isAlive()).as(worker.getName()).isFalse();
        }
    }

    private static java.util.Set<Thread> bulkWorkers() {
        java.util.Set<Thread> workers = new java.util.HashSet<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().startsWith("sfsync-bulk2-") && thread.isAlive()) {
                workers.add(thread);
            }
        }
        return workers;
    }
}
