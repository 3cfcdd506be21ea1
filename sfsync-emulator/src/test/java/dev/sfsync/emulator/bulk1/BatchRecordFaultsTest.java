package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static dev.sfsync.emulator.bulk1.BulkHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

/** Record faults in Bulk API 1.0 batches: picked records fail in the batch results, the rest of the batch is saved. */
class BatchRecordFaultsTest extends EmulatorTest {
    private static final String LOCK_RATE = "{\"seed\": 11, \"recordErrors\": [{\"api\": \"bulk1\", \"rate\": 0.05, \"errorCode\": \"UNABLE_TO_LOCK_ROW\"}]}";
    private BulkHttp bulk;

    @BeforeEach
    void bulk() {
        bulk = new BulkHttp(http);
    }

    private void setFaults(String json) {
        Http.Response response = http.put("/__admin/faults", "application/json", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** Runs one insert batch of {@code count} accounts; returns its result lines without the header. */
    private List<String> insertBatch(int count) {
        StringBuilder csv = new StringBuilder("Name\n");
        for (int i = 0; i < count; i++) {
            csv.append("Row ").append(i).append('\n');
        }
        String jobId = bulk.createJob("insert", "Account", "CSV");
        String batchId = bulk.addBatch(jobId, "text/csv", csv.toString());
        assertThat(xml(bulk.awaitBatch(jobId, batchId).body(), "state")).isEqualTo("Completed");
        return bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").body().lines().skip(1).toList();
    }

    private int accounts() {
        return host.org().store("Account").orElseThrow().liveCount();
    }

    @Test
    void the_records_a_rule_picks_fail_in_the_results_and_the_others_are_saved() {
        setFaults("{\"recordErrors\": [{\"api\": \"bulk1\", \"object\": \"Account\", \"errorCode\": \"UNABLE_TO_LOCK_ROW\", \"times\": 2}]}");

        List<String> results = insertBatch(4);

        assertThat(results.get(0)).isEqualTo("\"\",\"false\",\"false\",\"UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--\"");
        assertThat(results.get(1)).startsWith("\"\",\"false\",\"false\",\"UNABLE_TO_LOCK_ROW:");
        assertThat(results.subList(2, 4)).allMatch(line -> line.matches("\"001\\w{15}\",\"true\",\"true\",\"\""));
        assertThat(accounts()).isEqualTo(2);
    }

    @Test
    void a_rule_for_bulk_2_leaves_bulk_1_batches_alone() {
        setFaults("{\"recordErrors\": [{\"api\": \"bulk2\", \"errorCode\": \"UNABLE_TO_LOCK_ROW\"}]}");

        assertThat(insertBatch(3)).allMatch(line -> line.contains("\"true\",\"true\""));
    }

    @Test
    void a_seeded_rate_fails_about_its_share_and_the_same_records_on_replay() {
        setFaults(LOCK_RATE);
        List<String> first = insertBatch(2_000).stream().map(line -> line.contains("UNABLE_TO_LOCK_ROW") ? "locked" : "ok").toList();
        emulator.reset();
        http = Http.loggedIn(host);
        bulk = new BulkHttp(http);
        setFaults(LOCK_RATE);
        List<String> second = insertBatch(2_000).stream().map(line -> line.contains("UNABLE_TO_LOCK_ROW") ? "locked" : "ok").toList();

        long failed = first.stream().filter("locked"::equals).count();
        System.out.println("Bulk 1.0 record rate 0.05 over 2,000 records, seed 11: " + failed + " failed");
        assertThat(failed).isBetween(60L, 140L);
        assertThat(second).isEqualTo(first);
        assertThat(accounts()).isEqualTo(2_000 - (int) failed);
    }
}
