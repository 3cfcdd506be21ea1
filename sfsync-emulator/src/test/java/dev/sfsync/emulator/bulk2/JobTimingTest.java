package dev.sfsync.emulator.bulk2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** How a closed job moves through its states over time, and what a client that echoes the job back may send. */
class JobTimingTest extends Bulk2Test {
    @Test
    void closing_with_the_jobs_read_only_fields_echoed_back_is_accepted_and_answers_upload_complete() {
        JsonNode created = createJob("Account", "insert");
        String id = created.path("id").asText();
        upload(id, rows(3));
        Map<String, Object> echoed = new LinkedHashMap<>();
        echoed.put("id", id);
        echoed.put("state", "UploadComplete");
        echoed.put("object", "Account");
        echoed.put("contentUrl", created.path("contentUrl").asText());
        echoed.put("numberRecordsProcessed", null);

        Http.Response closed = http.patch(data(INGEST + "/" + id), echoed);

        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().path("state").asText()).isEqualTo("UploadComplete");
        awaitJobs();
        assertThat(info(INGEST, id).path("numberRecordsProcessed").asLong()).isEqualTo(3);
    }

    @Test
    void a_closed_job_is_not_complete_at_a_clients_first_poll_by_default() {
        String id = createJob("Account", "insert").path("id").asText();
        upload(id, rows(1));
        setState(INGEST + "/" + id, "UploadComplete");

        String firstPoll = info(INGEST, id).path("state").asText();

        assertThat(firstPoll).isIn("UploadComplete", "InProgress");
        awaitJobs();
        assertThat(info(INGEST, id).path("state").asText()).isEqualTo("JobComplete");
    }

    @Test
    void an_unknown_property_in_a_state_change_is_still_refused() {
        String id = createJob("Account", "insert").path("id").asText();

        Http.Response answer = http.patch(data(INGEST + "/" + id), Map.of("state", "Aborted", "colour", "blue"));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().get(0).path("message").asText()).contains("colour");
    }

    @Test
    void processing_time_can_be_set_to_zero_through_the_admin_endpoint() {
        Http admin = new Http(host.baseUrl());
        Http.Response set = admin.send(admin.builder("/__admin/bulk2/settings").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"minProcessingMillis\":0}")));

        JsonNode job = runJob("Account", "insert", rows(2));

        assertThat(set.status()).isEqualTo(204);
        assertThat(job.path("state").asText()).isEqualTo("JobComplete");
    }
}
