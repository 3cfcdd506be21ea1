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

    private JsonNode setLimits(Map<String, Object> limits) {
        Http admin = new Http(host.baseUrl());
        Http.Response response = admin.send(admin.builder("/__admin/bulk2/limits").header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(new com.fasterxml.jackson.databind.ObjectMapper().valueToTree(limits).toString())));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    @Test
    void the_defaults_are_salesforces() {
        assertThat(host.bulk2().limits().recordsPerDay()).isEqualTo(150_000_000L);
        assertThat(host.bulk2().limits().maxUploadBytes()).isEqualTo(150L * 1024 * 1024);
    }

    @Test
    void an_upload_past_the_size_limit_after_base64_is_refused_and_not_kept() throws Exception {
        setLimits(Map.of("maxUploadBytes", 40));
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
        setLimits(Map.of("recordsPerDay", 5, "recordsUsed", 2));
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
    void a_reset_restores_the_limits_of_the_org_file() {
        setLimits(Map.of("recordsPerDay", 5, "recordsUsed", 5, "maxUploadBytes", 10));
        emulator.reset();
        assertThat(host.bulk2().limits().recordsPerDay()).isEqualTo(150_000_000L);
        assertThat(host.bulk2().limits().recordsUsed()).isZero();
        assertThat(host.bulk2().limits().maxUploadBytes()).isEqualTo(150L * 1024 * 1024);
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
