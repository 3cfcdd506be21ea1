package dev.sfsync.emulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sfsync.emulator.faults.FaultYaml.rules;
import static org.assertj.core.api.Assertions.assertThat;

/** Record faults in REST writes: the picked records fail with the rule's code, the others of the call are saved. */
class RecordFaultsTest extends EmulatorTest {

    private static Map<String, Object> records(int count, boolean allOrNone) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(Map.of("attributes", Map.of("type", "Account"), "Name", "Account " + i));
        }
        return Map.of("allOrNone", allOrNone, "records", records);
    }

    private int accounts() {
        return host.org().store("Account").orElseThrow().liveCount();
    }

    private static List<String> codes(JsonNode results) {
        List<String> codes = new ArrayList<>();
        results.forEach(r -> codes.add(r.path("success").asBoolean() ? "ok" : r.path("errors").get(0).path("statusCode").asText()));
        return codes;
    }

    @Test
    void collections_fail_the_records_a_rule_picks_and_save_the_others() {
        host.faults().set(rules("recordErrors: [{api: rest, object: Account, errorCode: UNABLE_TO_LOCK_ROW, times: 2}]"));

        JsonNode results = http.post(data("/composite/sobjects"), records(5, false)).json();

        assertThat(codes(results)).containsExactly("UNABLE_TO_LOCK_ROW", "UNABLE_TO_LOCK_ROW", "ok", "ok", "ok");
        assertThat(results.get(0).path("errors").get(0).path("message").asText()).isEqualTo("unable to obtain exclusive access to this record");
        assertThat(results.get(0).path("id").isNull()).isTrue();
        assertThat(accounts()).isEqualTo(3);
    }

    @Test
    void all_or_none_rolls_the_whole_call_back_when_a_record_fault_fires() {
        host.faults().set(rules("recordErrors: [{errorCode: UNABLE_TO_LOCK_ROW, times: 1}]"));

        JsonNode results = http.post(data("/composite/sobjects"), records(3, true)).json();

        assertThat(codes(results)).containsExactly("UNABLE_TO_LOCK_ROW", "ALL_OR_NONE_OPERATION_ROLLED_BACK", "ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(accounts()).isZero();
    }

    @Test
    void a_single_record_write_fails_as_a_call_with_the_records_error() {
        String id = http.post(data("/sobjects/Account"), Map.of("Name", "before")).json().path("id").asText();
        host.faults().set(rules("recordErrors: [{api: rest, object: Account, errorCode: UNABLE_TO_LOCK_ROW, message: row locked by a batch}]"));

        Http.Response update = http.patch(data("/sobjects/Account/" + id), Map.of("Name", "after"));

        assertThat(update.status()).isEqualTo(400);
        assertThat(update.errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(update.json().get(0).path("message").asText()).isEqualTo("row locked by a batch");
        assertThat(http.get(data("/sobjects/Account/" + id)).json().path("Name").asText()).isEqualTo("before");
    }

    @Test
    void a_rule_for_one_object_leaves_the_others_alone() {
        host.faults().set(rules("recordErrors: [{object: Contact, errorCode: UNABLE_TO_LOCK_ROW}]"));

        assertThat(http.post(data("/sobjects/Account"), Map.of("Name", "fine")).status()).isEqualTo(201);
        assertThat(http.post(data("/sobjects/Contact"), Map.of("LastName", "locked")).errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
    }

    @Test
    void a_fractional_rate_with_a_seed_fails_about_its_share_and_the_same_records_on_replay() {
        host.faults().set(rules("{seed: 99, recordErrors: [{api: rest, rate: 0.05, errorCode: UNABLE_TO_LOCK_ROW}]}"));
        List<String> first = fiveCallsOf200();
        emulator.reset();
        http = Http.loggedIn(host);
        host.faults().set(rules("{seed: 99, recordErrors: [{api: rest, rate: 0.05, errorCode: UNABLE_TO_LOCK_ROW}]}"));
        List<String> second = fiveCallsOf200();

        long failed = first.stream().filter(c -> !c.equals("ok")).count();
        System.out.println("record rate 0.05 over 1,000 records, seed 99: " + failed + " failed");
        assertThat(failed).isBetween(25L, 80L);
        assertThat(second).isEqualTo(first);
        assertThat(accounts()).isEqualTo(1_000 - failed);
    }

    private List<String> fiveCallsOf200() {
        List<String> all = new ArrayList<>();
        for (int call = 0; call < 5; call++) {
            all.addAll(codes(http.post(data("/composite/sobjects"), records(200, false)).json()));
        }
        return all;
    }
}
