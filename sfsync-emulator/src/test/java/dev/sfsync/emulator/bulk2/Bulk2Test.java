package dev.sfsync.emulator.bulk2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Base of the Bulk API 2.0 tests: the calls of an ingest or query job over the wire, and a deterministic wait for processing. */
abstract class Bulk2Test extends EmulatorTest {
    static final String INGEST = "/jobs/ingest";
    static final String QUERY = "/jobs/query";

    /** Creates an ingest job; {@code more} adds or overrides body properties, in pairs. */
    JsonNode createJob(String object, String operation, String... more) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", object);
        body.put("operation", operation);
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        Http.Response response = http.post(data(INGEST), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** An insert CSV of {@code count} accounts named Row 0, Row 1, … */
    static String rows(int count) {
        StringBuilder csv = new StringBuilder("Name\n");
        for (int i = 0; i < count; i++) {
            csv.append("Row ").append(i).append('\n');
        }
        return csv.toString();
    }

    Http.Response upload(String jobId, String csv) {
        return http.put(data(INGEST + "/" + jobId + "/batches"), "text/csv", csv);
    }

    Http.Response setState(String path, String state) {
        return http.patch(data(path), Map.of("state", state));
    }

    /** Creates a job, uploads the CSV, closes the job and waits until it has been processed; returns the job info. */
    JsonNode runJob(String object, String operation, String csv, String... more) {
        String id = createJob(object, operation, more).path("id").asText();
        assertThat(upload(id, csv).status()).isEqualTo(201);
        assertThat(setState(INGEST + "/" + id, "UploadComplete").status()).isEqualTo(200);
        awaitJobs();
        return info(INGEST, id);
    }

    JsonNode info(String kind, String id) {
        Http.Response response = http.get(data(kind + "/" + id));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    String results(String jobId, String which) {
        Http.Response response = http.get(data(INGEST + "/" + jobId + "/" + which));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/csv");
        return response.body();
    }

    /** Waits through the admin endpoint until every closed job has been processed. */
    void awaitJobs() {
        Http.Response response = new Http(host.baseUrl()).send(new Http(host.baseUrl()).builder("/__admin/bulk2/await?timeoutSeconds=30")
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(response.json().path("idle").asBoolean()).as("jobs finished within 30 s").isTrue();
    }

    static void awaitIdle() throws InterruptedException {
        assertThat(host.bulk2().awaitIdle(Duration.ofSeconds(30))).isTrue();
    }

    long liveCount(String object) {
        return host.org().store(object).orElseThrow().liveCount();
    }
}
