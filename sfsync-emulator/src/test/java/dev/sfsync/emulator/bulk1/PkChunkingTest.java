package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static dev.sfsync.emulator.bulk1.BulkHttp.xml;
import static dev.sfsync.emulator.bulk1.BulkHttp.xmlAll;
import static org.assertj.core.api.Assertions.assertThat;

/** Bulk API 1.0 query jobs created with Sforce-Enable-PKChunking: one batch per Id range, the original left NotProcessed. */
class PkChunkingTest extends EmulatorTest {
    private BulkHttp bulk;

    @BeforeEach
    void bulk() {
        bulk = new BulkHttp(http);
    }

    private List<String> accounts(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Map.of("Name", "Account " + i, "Score__c", i % 2));
        }
        List<String> ids = new ArrayList<>();
        http.post("/__admin/records/Account", rows).json().forEach(r -> ids.add(r.path("id").asText()));
        return ids;
    }

    @Test
    void a_chunked_query_runs_one_batch_per_id_range_and_leaves_the_original_not_processed() {
        List<String> ids = accounts(25);
        String jobId = xml(bulk.createChunkedQueryJob("Account", "chunkSize=10").body(), "id");
        String original = bulk.addBatch(jobId, "text/csv", "SELECT Id, Name FROM Account WHERE Score__c = 1 OR Score__c = 0");
        String originalInfo = bulk.awaitBatch(jobId, original).body();
        bulk.post(ASYNC + "/job/" + jobId, "application/xml", "<jobInfo xmlns=\"" + BulkHttp.NS + "\"><state>Closed</state></jobInfo>");

        List<String> batches = xmlAll(bulk.get(ASYNC + "/job/" + jobId + "/batch").body(), "id");
        assertThat(xml(originalInfo, "state")).isEqualTo("NotProcessed");
        assertThat(batches).hasSize(4).startsWith(original);
        List<String> seen = new ArrayList<>();
        for (String chunk : batches.subList(1, 4)) {
            String info = bulk.awaitBatch(jobId, chunk).body();
            assertThat(xml(info, "state")).as(info).isEqualTo("Completed");
            String request = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + chunk + "/request").body();
            assertThat(request).matches("SELECT Id, Name FROM Account WHERE Id >= '001\\w{15}' AND Id < '001\\w{15}' AND \\(Score__c = 1 OR Score__c = 0\\)");
            String resultId = xml(bulk.get(ASYNC + "/job/" + jobId + "/batch/" + chunk + "/result").body(), "result");
            String[] lines = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + chunk + "/result/" + resultId).body().split("\n");
            for (int i = 1; i < lines.length; i++) {
                seen.add(lines[i].substring(1, 19));
            }
        }
        assertThat(seen).as("every record once, chunk after chunk in Id order").isEqualTo(ids.stream().sorted().toList());
        assertThat(xml(bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batches.get(1)).body(), "numberRecordsProcessed")).isEqualTo("10");
    }

    @Test
    void start_row_skips_lower_ids_and_a_bad_header_or_query_is_refused() {
        List<String> ids = accounts(5).stream().sorted().toList();
        String jobId = xml(bulk.createChunkedQueryJob("Account", "chunkSize=100; startRow=" + ids.get(3)).body(), "id");
        bulk.awaitBatch(jobId, bulk.addBatch(jobId, "text/csv", "SELECT Id FROM Account"));
        String chunk = xmlAll(bulk.get(ASYNC + "/job/" + jobId + "/batch").body(), "id").get(1);
        bulk.awaitBatch(jobId, chunk);
        String resultId = xml(bulk.get(ASYNC + "/job/" + jobId + "/batch/" + chunk + "/result").body(), "result");
        assertThat(bulk.get(ASYNC + "/job/" + jobId + "/batch/" + chunk + "/result/" + resultId).body().split("\n")).hasSize(3);

        Http.Response bad = bulk.createChunkedQueryJob("Account", "chunkSize=300000");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(xml(bad.body(), "exceptionCode")).isEqualTo("ClientInputError");
        assertThat(xml(bad.body(), "exceptionMessage")).contains("Sforce-Enable-PKChunking doesn't have a valid value", "chunkSize=N (1 to 250000)");

        String ordered = xml(bulk.createChunkedQueryJob("Account", "TRUE").body(), "id");
        String failed = bulk.awaitBatch(ordered, bulk.addBatch(ordered, "text/csv", "SELECT Id FROM Account ORDER BY Name")).body();
        assertThat(xml(failed, "state")).isEqualTo("Failed");
        assertThat(xml(failed, "stateMessage")).startsWith("InvalidBatch : PK chunking works only with queries without subqueries");
    }
}
