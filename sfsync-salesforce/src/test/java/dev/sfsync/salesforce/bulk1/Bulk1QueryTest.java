package dev.sfsync.salesforce.bulk1;

import dev.sfsync.salesforce.AgainstEmulatedOrg;
import dev.sfsync.salesforce.error.SalesforceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bulk API 1.0 queries with PK chunking against the emulator: chunks streamed in turn, a failed chunk run again. */
class Bulk1QueryTest extends AgainstEmulatedOrg {
    @TempDir
    Path work;

    @BeforeEach
    void bulkClient() {
        useBulkClient(work);
    }

    private List<String> accounts(int count) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < count; i++) {
            json.append(i == 0 ? "" : ",").append("{\"Name\":\"Chunked ").append(i).append("\"}");
        }
        org.admin("POST", "/__admin/records/Account", json.append("]").toString());
        return org.records("Account").stream().map(r -> String.valueOf(r.get("Id"))).sorted().toList();
    }

    private static List<Map<String, String>> readAll(Bulk1QueryRows rows) {
        List<Map<String, String>> out = new ArrayList<>();
        try (rows) {
            rows.forEachRemaining(out::add);
        }
        return out;
    }

    @Test
    void a_chunked_query_streams_every_record_once_chunk_after_chunk() {
        List<String> ids = accounts(25);

        Bulk1QueryRows rows = client.bulk1().query("Account", "SELECT Id, Name FROM Account", false, 10);
        List<Map<String, String>> read = readAll(rows);

        assertThat(read).extracting(r -> r.get("Id")).containsExactlyElementsOf(ids);
        assertThat(read).allSatisfy(r -> assertThat(r.get("Name")).startsWith("Chunked "));
        assertThat(rows.chunks()).isEqualTo(3);
        assertThat(rows.chunksRerun()).isZero();
        assertThat(exchanges.all()).filteredOn(e -> e.method().equals("POST") && e.url().getPath().endsWith("/job"))
                .singleElement().satisfies(e -> assertThat(e.requestHeaders()).containsEntry("Sforce-Enable-PKChunking", List.of("chunkSize=10")));
    }

    @Test
    void a_chunk_batch_that_fails_is_run_again_and_its_records_arrive_once() {
        List<String> ids = accounts(25);
        org.faults().set("recordErrors: [{api: bulk1, object: Account, times: 1, errorCode: QUERY_TIMEOUT, message: Your query request was running for too long.}]");

        Bulk1QueryRows rows = client.bulk1().query("Account", "SELECT Id, Name FROM Account", false, 10);
        List<Map<String, String>> read = readAll(rows);

        assertThat(read).extracting(r -> r.get("Id")).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
        assertThat(rows.chunksRerun()).isEqualTo(1);
    }

    @Test
    void a_chunk_that_keeps_failing_fails_the_query_naming_the_chunk_and_the_reason() {
        accounts(5);
        org.faults().set("recordErrors: [{api: bulk1, object: Account, errorCode: QUERY_TIMEOUT, message: Your query request was running for too long.}]");

        assertThatThrownBy(() -> readAll(client.bulk1().query("Account", "SELECT Id FROM Account", false, 10)))
                .isInstanceOf(SalesforceException.class)
                .hasMessageContaining("failed " + Bulk1QueryRows.ATTEMPTS + " times")
                .hasMessageContaining("QUERY_TIMEOUT: Your query request was running for too long")
                .hasMessageContaining("SELECT Id FROM Account WHERE Id >= '001");
    }
}
