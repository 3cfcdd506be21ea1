package dev.sfsync.emulator.bulk2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Record faults in Bulk API 2.0 ingest: picked rows land in failedResults with the rule's code, the rest are saved. */
class IngestRecordFaultsTest extends Bulk2Test {
    private static final String LOCK_RATE = "{\"seed\": 7, \"recordErrors\": [{\"api\": \"bulk2\", \"object\": \"Account\", \"rate\": 0.05, "
            + "\"errorCode\": \"UNABLE_TO_LOCK_ROW\"}]}";

    private void setFaults(String json) {
        Http.Response response = http.put("/__admin/faults", "application/json", json);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    /** The failed rows' Name and sf__Error, in result order. */
    private List<String> failedRows(String jobId) {
        return results(jobId, "failedResults").lines().skip(1).toList();
    }

    @Test
    void the_rows_a_rule_picks_fail_with_its_code_and_the_others_are_saved() {
        setFaults("{\"recordErrors\": [{\"api\": \"bulk2\", \"object\": \"Account\", \"errorCode\": \"UNABLE_TO_LOCK_ROW\", \"times\": 2}]}");

        JsonNode info = runJob("Account", "insert", rows(5));

        assertThat(info.path("state").asText()).isEqualTo("JobComplete");
        assertThat(info.path("numberRecordsFailed").asLong()).isEqualTo(2);
        assertThat(failedRows(info.path("id").asText())).containsExactly(
                "\"\",\"UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--\",\"Row 0\"",
                "\"\",\"UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record:--\",\"Row 1\"");
        assertThat(liveCount("Account")).isEqualTo(3);
    }

    @Test
    void an_update_row_that_fails_reports_its_id_and_rest_calls_are_left_alone() {
        String id = http.post(data("/sobjects/Account"), Map.of("Name", "before")).json().path("id").asText();
        setFaults("{\"recordErrors\": [{\"api\": \"bulk2\", \"errorCode\": \"UNABLE_TO_LOCK_ROW\", \"message\": \"locked by a trigger\"}]}");

        JsonNode info = runJob("Account", "update", "Id,Name\n" + id + ",after\n");

        assertThat(failedRows(info.path("id").asText())).containsExactly("\"" + id + "\",\"UNABLE_TO_LOCK_ROW:locked by a trigger:--\",\"" + id + "\",\"after\"");
        assertThat(http.get(data("/sobjects/Account/" + id)).json().path("Name").asText()).isEqualTo("before");
        assertThat(http.patch(data("/sobjects/Account/" + id), Map.of("Name", "by REST")).status()).as("the rule is for bulk2 only").isEqualTo(204);
    }

    @Test
    void a_seeded_rate_fails_about_its_share_of_rows_and_the_same_rows_on_replay() {
        setFaults(LOCK_RATE);
        JsonNode first = runJob("Account", "insert", rows(2_000));
        List<String> failedFirst = failedRows(first.path("id").asText());
        emulator.reset();
        http = Http.loggedIn(host);
        setFaults(LOCK_RATE);
        JsonNode second = runJob("Account", "insert", rows(2_000));

        System.out.println("Bulk 2.0 record rate 0.05 over 2,000 rows, seed 7: " + failedFirst.size() + " failed");
        assertThat(failedFirst.size()).isBetween(60, 140);
        assertThat(first.path("numberRecordsFailed").asLong()).isEqualTo(failedFirst.size());
        assertThat(failedRows(second.path("id").asText())).isEqualTo(failedFirst);
        assertThat(liveCount("Account")).isEqualTo(2_000 - failedFirst.size());
    }
}
