package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionsEndpointTest extends EmulatorTest {

    private static Map<String, Object> account(String name, String key) {
        return Map.of("attributes", Map.of("type", "Account"), "Name", name, "External_Key__c", key);
    }

    @Test
    void create_returns_one_result_per_record_and_keeps_good_records_when_all_or_none_is_off() {
        Http.Response response = http.post(data("/composite/sobjects"), Map.of("records", List.of(
                account("good", "G-1"), Map.of("attributes", Map.of("type", "Account"), "Name", "x".repeat(300)), account("good too", "G-2"))));
        assertThat(response.status()).isEqualTo(200);
        JsonNode results = response.json();
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("success").asBoolean()).isTrue();
        assertThat(results.get(0).path("id").asText()).startsWith("001");
        assertThat(results.get(0).path("errors")).isEmpty();
        assertThat(results.get(1).path("success").asBoolean()).isFalse();
        assertThat(results.get(1).path("id").isNull()).isTrue();
        assertThat(results.get(1).path("errors").get(0).path("statusCode").asText()).isEqualTo("STRING_TOO_LONG");
        assertThat(results.get(1).path("errors").get(0).path("fields").get(0).asText()).isEqualTo("Name");
        assertThat(host.org().store("Account").orElseThrow().liveCount()).isEqualTo(2);
    }

    @Test
    void all_or_none_rolls_every_record_back_on_one_failure() {
        Http.Response response = http.post(data("/composite/sobjects"), Map.of("allOrNone", true, "records", List.of(
                account("good", "G-1"), Map.of("attributes", Map.of("type", "Account"), "Tier__c", "Nope", "Name", "bad"))));
        JsonNode results = response.json();
        assertThat(results.get(0).path("errors").get(0).path("statusCode").asText()).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(results.get(0).path("id").isNull()).as("a rolled-back create names no record").isTrue();
        assertThat(results.get(1).path("errors").get(0).path("statusCode").asText()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(host.org().store("Account").orElseThrow().liveCount()).as("nothing remains after the rollback").isZero();
    }

    @Test
    void update_needs_an_id_per_record() {
        String id = http.post(data("/sobjects/Account"), Map.of("Name", "x")).json().path("id").asText();
        JsonNode results = http.patch(data("/composite/sobjects"), Map.of("records", List.of(
                Map.of("attributes", Map.of("type", "Account"), "Id", id, "Name", "renamed"),
                Map.of("attributes", Map.of("type", "Account"), "Name", "no id")))).json();
        assertThat(results.get(0).path("success").asBoolean()).isTrue();
        assertThat(results.get(1).path("errors").get(0).path("statusCode").asText()).isEqualTo("MISSING_ARGUMENT");
        assertThat(http.get(data("/sobjects/Account/" + id)).json().path("Name").asText()).isEqualTo("renamed");
    }

    @Test
    void upsert_reports_created_per_record() {
        http.patch(data("/sobjects/Account/External_Key__c/U-1"), Map.of("Name", "existing"));
        JsonNode results = http.patch(data("/composite/sobjects/Account/External_Key__c"), Map.of("records", List.of(
                account("updated", "U-1"), account("new", "U-2")))).json();
        assertThat(results.findValuesAsText("created")).containsExactly("false", "true");
        assertThat(http.get(data("/sobjects/Account/External_Key__c/U-1")).json().path("Name").asText()).isEqualTo("updated");
    }

    @Test
    void delete_by_ids_and_unknown_ids_fail_per_record() {
        String id = http.post(data("/sobjects/Account"), Map.of("Name", "x")).json().path("id").asText();
        JsonNode results = http.delete(data("/composite/sobjects?ids=" + id + ",001000000000001AAA,garbage")).json();
        assertThat(results.get(0).path("success").asBoolean()).isTrue();
        assertThat(results.get(1).path("errors").get(0).path("statusCode").asText()).isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(results.get(2).path("errors").get(0).path("statusCode").asText()).isEqualTo("MALFORMED_ID");
        JsonNode again = http.delete(data("/composite/sobjects?ids=" + id)).json();
        assertThat(again.get(0).path("errors").get(0).path("statusCode").asText()).isEqualTo("ENTITY_IS_DELETED");
    }

    @Test
    void retrieve_returns_records_in_request_order_with_null_for_missing() {
        String id = http.post(data("/sobjects/Account"), Map.of("Name", "x")).json().path("id").asText();
        JsonNode results = http.get(data("/composite/sobjects/Account?ids=" + id + ",001000000000001AAA&fields=Id,Name")).json();
        assertThat(results.get(0).path("Name").asText()).isEqualTo("x");
        assertThat(results.get(1).isNull()).isTrue();
    }

    @Test
    void more_than_200_records_are_refused_whole() {
        List<Map<String, Object>> records = new ArrayList<>();
        for (int i = 0; i < 201; i++) {
            records.add(account("a" + i, "K" + i));
        }
        Http.Response response = http.post(data("/composite/sobjects"), Map.of("records", records));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("EXCEEDED_ID_LIMIT");
        assertThat(host.org().store("Account").orElseThrow().liveCount()).isZero();
    }

    @Test
    void records_without_a_type_are_refused_whole() {
        Http.Response response = http.post(data("/composite/sobjects"), Map.of("records", List.of(Map.of("Name", "x"))));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("INVALID_TYPE");
    }
}
