package dev.sfsync.emulator.bulk2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IngestJobLifecycleTest extends Bulk2Test {

    @AfterEach
    void resume() {
        host.bulk2().resumeProcessing();
    }

    @Test
    void create_answers_with_the_documented_job_fields_in_state_open() {
        JsonNode job = createJob("Account", "insert");
        List<String> names = new ArrayList<>();
        job.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state",
                "concurrencyMode", "contentType", "apiVersion", "contentUrl", "lineEnding", "columnDelimiter");
        assertThat(job.path("id").asText()).startsWith("750").hasSize(18);
        assertThat(job.path("state").asText()).isEqualTo("Open");
        assertThat(job.path("object").asText()).isEqualTo("Account");
        assertThat(job.path("createdById").asText()).isEqualTo(host.org().defaultUser().id());
        assertThat(job.path("createdDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(job.path("apiVersion").isNumber()).isTrue();
        assertThat(job.path("apiVersion").asDouble()).isEqualTo(60.0);
        assertThat(job.path("contentUrl").asText()).isEqualTo("services/data/v60.0/jobs/ingest/" + job.path("id").asText() + "/batches");
        assertThat(job.path("lineEnding").asText()).isEqualTo("LF");
        assertThat(job.path("columnDelimiter").asText()).isEqualTo("COMMA");
        assertThat(job.path("concurrencyMode").asText()).isEqualTo("Parallel");
    }

    @Test
    void an_inserted_job_completes_with_results_for_every_row() {
        JsonNode info = runJob("Account", "insert", "Name,Tier__c\nAcme,Gold\n\"Quote \"\"Co\"\"\",Silver\nBad,Platinum\n");
        assertThat(info.path("state").asText()).isEqualTo("JobComplete");
        assertThat(info.path("jobType").asText()).isEqualTo("V2Ingest");
        assertThat(info.path("numberRecordsProcessed").asLong()).isEqualTo(3);
        assertThat(info.path("numberRecordsFailed").asLong()).isEqualTo(1);
        assertThat(info.has("contentUrl")).as("contentUrl is only given while the job is Open").isFalse();
        for (String field : List.of("retries", "totalProcessingTime", "apiActiveProcessingTime", "apexProcessingTime")) {
            assertThat(info.has(field)).as(field).isTrue();
        }
        String id = info.path("id").asText();

        List<String> successful = results(id, "successfulResults").lines().toList();
        assertThat(successful.getFirst()).isEqualTo("\"sf__Id\",\"sf__Created\",Name,Tier__c");
        assertThat(successful).hasSize(3);
        assertThat(successful.get(1)).matches("\"001\\w{15}\",\"true\",\"Acme\",\"Gold\"");
        assertThat(successful.get(2)).endsWith(",\"true\",\"Quote \"\"Co\"\"\",\"Silver\"");

        List<String> failed = results(id, "failedResults").lines().toList();
        assertThat(failed).containsExactly("\"sf__Id\",\"sf__Error\",Name,Tier__c",
                "\"\",\"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:Tier__c: bad value for restricted picklist field: Platinum:Tier__c --\",\"Bad\",\"Platinum\"");
        assertThat(results(id, "unprocessedrecords")).isEqualTo("Name,Tier__c\n");
        assertThat(liveCount("Account")).isEqualTo(2);
    }

    @Test
    void a_closed_job_waits_in_upload_complete_until_the_worker_takes_it() throws Exception {
        host.bulk2().pauseProcessing();
        String id = createJob("Account", "insert").path("id").asText();
        upload(id, "Name\nA\n");
        JsonNode closed = setState(INGEST + "/" + id, "UploadComplete").json();
        List<String> names = new ArrayList<>();
        closed.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state",
                "concurrencyMode", "contentType", "apiVersion");
        assertThat(closed.path("state").asText()).isEqualTo("UploadComplete");
        assertThat(info(INGEST, id).path("state").asText()).isEqualTo("UploadComplete");
        assertThat(liveCount("Account")).isZero();

        host.bulk2().resumeProcessing();
        awaitIdle();
        assertThat(info(INGEST, id).path("state").asText()).isEqualTo("JobComplete");
        assertThat(liveCount("Account")).isEqualTo(1);
    }

    @Test
    void a_large_job_reports_progress_between_chunks_lets_rest_calls_through_and_can_be_aborted_half_done() throws Exception {
        int rows = IngestProcessor.CHUNK_SIZE * 2 + 5_000;
        StringBuilder csv = new StringBuilder("Name\n");
        for (int i = 0; i < rows; i++) {
            csv.append("Row ").append(i).append('\n');
        }
        String id = createJob("Account", "insert").path("id").asText();
        upload(id, csv.toString());
        // checkpoints: the job's start, before chunk 1, before chunk 2: the worker stops after one chunk
        host.bulk2().worker().pauseAt(3);
        setState(INGEST + "/" + id, "UploadComplete");
        assertThat(host.bulk2().worker().awaitPausedJob(java.time.Duration.ofSeconds(30))).isTrue();

        JsonNode halfway = info(INGEST, id);
        assertThat(halfway.path("state").asText()).isEqualTo("InProgress");
        assertThat(halfway.path("numberRecordsProcessed").asLong()).isEqualTo(IngestProcessor.CHUNK_SIZE);
        Http.Response rest = http.post(data("/sobjects/Account"), java.util.Map.of("Name", "Between chunks"));
        assertThat(rest.status()).as("the org is not locked between chunks").isEqualTo(201);

        assertThat(setState(INGEST + "/" + id, "Aborted").json().path("state").asText()).isEqualTo("Aborted");
        host.bulk2().resumeProcessing();
        awaitIdle();
        JsonNode aborted = info(INGEST, id);
        assertThat(aborted.path("state").asText()).isEqualTo("Aborted");
        assertThat(aborted.path("numberRecordsProcessed").asLong()).isEqualTo(IngestProcessor.CHUNK_SIZE);
        assertThat(results(id, "successfulResults").lines().count()).isEqualTo(IngestProcessor.CHUNK_SIZE + 1);
        List<String> unprocessed = results(id, "unprocessedrecords").lines().toList();
        assertThat(unprocessed).hasSize(rows - IngestProcessor.CHUNK_SIZE + 1);
        assertThat(unprocessed.get(1)).isEqualTo("\"Row " + IngestProcessor.CHUNK_SIZE + "\"");
        assertThat(liveCount("Account")).isEqualTo(IngestProcessor.CHUNK_SIZE + 1);
    }

    @Test
    void data_cannot_be_uploaded_once_the_job_is_closed() {
        String id = runJob("Account", "insert", "Name\nA\n").path("id").asText();
        Http.Response again = upload(id, "Name\nB\n");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorCode()).isEqualTo("INVALIDJOBSTATE");
        assertThat(again.json().path(0).path("message").asText()).contains("JobComplete").contains("Open");
    }

    @Test
    void a_second_upload_makes_closing_fail_as_salesforce_does() {
        String id = createJob("Account", "insert").path("id").asText();
        assertThat(upload(id, "Name\nA\n").status()).isEqualTo(201);
        assertThat(upload(id, "Name\nB\n").status()).isEqualTo(201);
        Http.Response close = setState(INGEST + "/" + id, "UploadComplete");
        assertThat(close.status()).isEqualTo(400);
        assertThat(close.errorCode()).isEqualTo("INVALIDJOB");
        assertThat(close.json().path(0).path("message").asText()).startsWith("Found multipe contents for job: <" + id.substring(0, 15) + ">");
        assertThat(info(INGEST, id).path("state").asText()).isEqualTo("Open");
    }

    @Test
    void an_open_job_can_be_aborted_and_keeps_its_data_as_unprocessed() {
        String id = createJob("Account", "insert").path("id").asText();
        upload(id, "Name\nA\nB\n");
        Http.Response aborted = setState(INGEST + "/" + id, "Aborted");
        assertThat(aborted.status()).isEqualTo(200);
        assertThat(aborted.json().path("state").asText()).isEqualTo("Aborted");
        assertThat(results(id, "unprocessedrecords")).isEqualTo("Name\nA\nB\n");
        assertThat(results(id, "successfulResults")).isEmpty();
        assertThat(liveCount("Account")).isZero();
    }

    @Test
    void a_job_aborted_before_the_worker_took_it_writes_nothing() throws Exception {
        host.bulk2().pauseProcessing();
        String id = createJob("Account", "insert").path("id").asText();
        upload(id, "Name\nA\n");
        setState(INGEST + "/" + id, "UploadComplete");
        assertThat(setState(INGEST + "/" + id, "Aborted").json().path("state").asText()).isEqualTo("Aborted");
        host.bulk2().resumeProcessing();
        awaitIdle();
        assertThat(info(INGEST, id).path("state").asText()).isEqualTo("Aborted");
        assertThat(liveCount("Account")).isZero();
    }

    @Test
    void a_finished_job_cannot_be_aborted_or_closed_again() {
        String id = runJob("Account", "insert", "Name\nA\n").path("id").asText();
        Http.Response abort = setState(INGEST + "/" + id, "Aborted");
        assertThat(abort.status()).isEqualTo(400);
        assertThat(abort.errorCode()).isEqualTo("INVALIDJOBSTATE");
        assertThat(abort.json().path(0).path("message").asText()).isEqualTo("Aborting already Completed Job not allowed");
        assertThat(setState(INGEST + "/" + id, "UploadComplete").errorCode()).isEqualTo("INVALIDJOBSTATE");
        assertThat(setState(INGEST + "/" + id, "JobComplete").errorCode()).isEqualTo("INVALIDJOBSTATE");
    }

    @Test
    void results_are_refused_until_the_job_has_finished() {
        String id = createJob("Account", "insert").path("id").asText();
        Http.Response early = http.get(data(INGEST + "/" + id + "/successfulResults"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.errorCode()).isEqualTo("INVALIDJOBSTATE");
    }

    @Test
    void deleting_a_job_removes_it_and_its_files() throws Exception {
        String id = runJob("Account", "insert", "Name\nA\n").path("id").asText();
        assertThat(jobFiles(id)).isNotEmpty();
        assertThat(http.delete(data(INGEST + "/" + id)).status()).isEqualTo(204);
        Http.Response gone = http.get(data(INGEST + "/" + id));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("NOT_FOUND");
        assertThat(gone.json().path(0).path("message").asText()).isEqualTo("The requested resource does not exist");
        assertThat(jobFiles(id)).isEmpty();
        assertThat(liveCount("Account")).as("deleting a job keeps its records").isEqualTo(1);
    }

    @Test
    void an_open_job_cannot_be_deleted() {
        String id = createJob("Account", "insert").path("id").asText();
        Http.Response delete = http.delete(data(INGEST + "/" + id));
        assertThat(delete.status()).isEqualTo(400);
        assertThat(delete.errorCode()).isEqualTo("API_ERROR");
        assertThat(delete.json().path(0).path("message").asText()).isEqualTo("Error encountered when deleting the job because the job is not terminated");
    }

    @Test
    void resetting_the_org_forgets_jobs_and_deletes_their_files() throws Exception {
        String id = createJob("Account", "insert").path("id").asText();
        upload(id, "Name\nA\n");
        assertThat(jobFiles(id)).hasSize(1);
        emulator.reset();
        assertThat(jobFiles(id)).isEmpty();
        assertThat(Http.loggedIn(host).get(data(INGEST + "/" + id)).status()).isEqualTo(404);
    }

    @Test
    void unknown_jobs_are_not_found() {
        assertThat(http.get(data(INGEST + "/750000000000000AAA")).status()).isEqualTo(404);
        assertThat(http.get(data(INGEST + "/not-an-id")).status()).isEqualTo(404);
        String queryJob = http.post(data(QUERY), java.util.Map.of("operation", "query", "query", "SELECT Id FROM Account")).json().path("id").asText();
        assertThat(http.get(data(INGEST + "/" + queryJob)).status()).as("a query job is not an ingest job").isEqualTo(404);
    }

    @Test
    void the_job_list_pages_by_a_thousand_and_filters_as_documented() {
        for (int i = 0; i < 1_001; i++) {
            host.bulk2().add(new IngestJob(host.bulk2().nextId(), new IngestJob.Spec("Account", IngestOperation.insert, null, ColumnDelimiter.COMMA,
                    LineEnding.LF, host.org().defaultUser(), host.org().clock().instant(), "60.0"), host.bulk2().filesFor("x")));
        }
        JsonNode first = http.get(data(INGEST)).json();
        assertThat(first.path("done").asBoolean()).isFalse();
        assertThat(first.path("records")).hasSize(1_000);
        assertThat(first.path("records").get(0).path("jobType").asText()).isEqualTo("V2Ingest");
        String next = first.path("nextRecordsUrl").asText();
        assertThat(next).startsWith("/services/data/v60.0/jobs/ingest?queryLocator=01g");
        JsonNode second = http.get(next).json();
        assertThat(second.path("done").asBoolean()).isTrue();
        assertThat(second.path("records")).hasSize(1);
        assertThat(second.path("nextRecordsUrl").isNull()).isTrue();

        assertThat(http.get(data(INGEST + "?jobType=Classic")).json().path("records")).isEmpty();
        assertThat(http.get(data(INGEST + "?jobType=V2Ingest&concurrencyMode=parallel")).json().path("records")).hasSize(1_000);
        assertThat(http.get(data(INGEST + "?isPkChunkingEnabled=true")).json().path("records")).isEmpty();
        assertThat(http.get(data(INGEST + "?jobType=Bogus")).errorCode()).isEqualTo("API_ERROR");
        assertThat(http.get(data(INGEST + "?queryLocator=nonsense")).errorCode()).isEqualTo("INVALID_QUERY_LOCATOR");
    }

    private static List<Path> jobFiles(String id) throws Exception {
        Path dir = host.bulk2().spoolDirectory();
        if (dir == null || !Files.isDirectory(dir)) {
            return List.of();
        }
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith(id)).toList();
        }
    }
}
