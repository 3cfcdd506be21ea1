package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CompositeEndpointTest extends EmulatorTest {
    @Test
    void later_subrequests_use_earlier_answers_through_references() {
        JsonNode answer = composite(false,
                sub("POST", data("/sobjects/Account"), "NewAccount", Map.of("Name", "Composite Co")),
                sub("POST", data("/sobjects/Contact"), "NewContact", Map.of("LastName", "Ref", "AccountId", "@{NewAccount.id}")),
                sub("GET", data("/sobjects/Contact/@{NewContact.id}?fields=AccountId"), "ReadBack", null));

        JsonNode results = answer.path("compositeResponse");
        assertThat(results.get(0).path("httpStatusCode").asInt()).isEqualTo(201);
        assertThat(results.get(0).path("referenceId").asText()).isEqualTo("NewAccount");
        assertThat(results.get(2).path("httpStatusCode").asInt()).isEqualTo(200);
        assertThat(results.get(2).path("body").path("AccountId").asText()).isEqualTo(results.get(0).path("body").path("id").asText());
    }

    @Test
    void all_or_none_rolls_back_what_succeeded_when_one_subrequest_fails() {
        long before = host.org().store("Account").orElseThrow().liveCount();

        JsonNode results = composite(true,
                sub("POST", data("/sobjects/Account"), "Good", Map.of("Name", "Kept?")),
                sub("POST", data("/sobjects/Account"), "Bad", Map.of("NoSuchField__c", "x"))).path("compositeResponse");

        assertThat(results.get(0).path("httpStatusCode").asInt()).isEqualTo(400);
        assertThat(results.get(0).path("body").get(0).path("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
        assertThat(results.get(1).path("body").get(0).path("errorCode").asText()).isEqualTo("INVALID_FIELD");
        assertThat(host.org().store("Account").orElseThrow().liveCount()).isEqualTo(before);
    }

    @Test
    void a_reference_to_a_failed_subrequest_halts_the_one_that_uses_it() {
        JsonNode results = composite(false,
                sub("POST", data("/sobjects/Account"), "Bad", Map.of("NoSuchField__c", "x")),
                sub("GET", data("/sobjects/Account/@{Bad.id}"), "Uses", null)).path("compositeResponse");

        assertThat(results.get(1).path("body").get(0).path("errorCode").asText()).isEqualTo("PROCESSING_HALTED");
    }

    @Test
    void the_whole_composite_request_counts_as_one_api_call() {
        long before = host.org().apiUsage().used();

        composite(false, sub("GET", data("/limits"), "A", null), sub("GET", data("/sobjects"), "B", null));

        assertThat(host.org().apiUsage().used() - before).isEqualTo(1);
    }

    @Test
    void batch_runs_independent_subrequests_and_reports_errors() {
        Http.Response response = http.post(data("/composite/batch"), Map.of("batchRequests", List.of(
                Map.of("method", "POST", "url", "v60.0/sobjects/Account", "richInput", Map.of("Name", "Batch Co")),
                Map.of("method", "GET", "url", "v60.0/sobjects/Account/001000000000000AAA"))));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("hasErrors").asBoolean()).isTrue();
        assertThat(response.json().path("results").get(0).path("statusCode").asInt()).isEqualTo(201);
        assertThat(response.json().path("results").get(1).path("statusCode").asInt()).isEqualTo(404);
    }

    @Test
    void tree_creates_a_parent_with_its_children_or_nothing() {
        Map<String, Object> contact = Map.of("attributes", Map.of("type", "Contact", "referenceId", "c1"), "LastName", "Child");
        Map<String, Object> account = Map.of("attributes", Map.of("type", "Account", "referenceId", "a1"), "Name", "Tree Co",
                "Contacts", Map.of("records", List.of(contact)));
        Http.Response created = http.post(data("/composite/tree/Account"), Map.of("records", List.of(account)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode results = created.json().path("results");
        assertThat(results).hasSize(2);
        String contactId = results.get(1).path("id").asText();
        assertThat(http.get(data("/sobjects/Contact/" + contactId)).json().path("AccountId").asText()).isEqualTo(results.get(0).path("id").asText());

        Map<String, Object> badContact = Map.of("attributes", Map.of("type", "Contact", "referenceId", "bad"), "Bogus__c", "x");
        long accounts = host.org().store("Account").orElseThrow().liveCount();
        Http.Response failed = http.post(data("/composite/tree/Account"), Map.of("records", List.of(Map.of(
                "attributes", Map.of("type", "Account", "referenceId", "a2"), "Name", "Rolled Back",
                "Contacts", Map.of("records", List.of(badContact))))));
        assertThat(failed.status()).isEqualTo(400);
        assertThat(failed.json().path("hasErrors").asBoolean()).isTrue();
        assertThat(failed.json().path("results").get(0).path("referenceId").asText()).isEqualTo("bad");
        assertThat(host.org().store("Account").orElseThrow().liveCount()).isEqualTo(accounts);
    }

    private JsonNode composite(boolean allOrNone, Map<?, ?>... subrequests) {
        Http.Response response = http.post(data("/composite"), Map.of("allOrNone", allOrNone, "compositeRequest", List.of(subrequests)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    static Map<String, Object> sub(String method, String url, String referenceId, Map<String, Object> body) {
        Map<String, Object> sub = new java.util.LinkedHashMap<>();
        sub.put("method", method);
        sub.put("url", url);
        sub.put("referenceId", referenceId);
        if (body != null) {
            sub.put("body", body);
        }
        return sub;
    }
}
