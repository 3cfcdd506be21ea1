package dev.sfsync.emulator.faults;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.sfsync.emulator.faults.FaultYaml.rules;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Call faults over HTTP: each answers in its API's shape, and none touches the admin endpoints. */
class CallFaultsTest extends EmulatorTest {
    private static final Map<String, Object> ACCOUNT = Map.of("Name", "Acme");

    private int accounts() {
        return host.org().store("Account").orElseThrow().liveCount();
    }

    @Test
    void a_503_rule_answers_server_unavailable_as_the_rest_api_does() {
        host.faults().set(rules("errors: [{api: rest, status: 503}]"));

        Http.Response response = http.get(data("/limits"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json()).hasSize(1);
        assertThat(response.json().get(0).path("errorCode").asText()).isEqualTo("SERVER_UNAVAILABLE");
        assertThat(response.json().get(0).path("message").asText()).isEqualTo("Server Unavailable");
    }

    @Test
    void an_error_code_alone_fails_the_whole_call_with_its_usual_status_and_saves_nothing() {
        host.faults().set(rules("errors: [{api: rest, errorCode: UNABLE_TO_LOCK_ROW}]"));

        Http.Response response = http.post(data("/sobjects/Account"), ACCOUNT);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(accounts()).isZero();
    }

    @Test
    void login_and_the_admin_endpoints_stay_untouched_unless_a_rule_names_oauth() {
        host.faults().set(rules("errors: [{status: 503}]"));

        assertThat(Http.loggedIn(host).token()).isNotBlank();
        assertThat(http.get("/__admin").status()).isEqualTo(200);
        assertThat(http.get(data("/limits")).status()).isEqualTo(503);

        host.faults().set(rules("errors: [{api: oauth, status: 503}]"));
        Http.Response token = new Http(host.baseUrl()).form("/services/oauth2/token", Map.of("grant_type", "password",
                "client_id", "test-client", "client_secret", "test-secret", "username", "admin@test.org", "password", "admin-pass"));
        assertThat(token.status()).isEqualTo(503);
        assertThat(token.json().path("error").asText()).isEqualTo("unknown_error");
        assertThat(token.json().path("error_description").asText()).isEqualTo("retry your request");
    }

    @Test
    void bulk_and_soap_calls_fail_in_their_own_shapes_by_path_alone() {
        host.faults().set(rules("""
                errors:
                  - {api: bulk2, status: 503}
                  - {api: bulk1, status: 400, errorCode: ExceededQuota, message: too many batches}
                  - {api: soap, errorCode: SERVER_UNAVAILABLE}
                """));

        Http.Response bulk2 = http.post(data("/jobs/ingest"), Map.of("object", "Account"));
        assertThat(bulk2.status()).isEqualTo(503);
        assertThat(bulk2.errorCode()).isEqualTo("SERVER_UNAVAILABLE");

        Http.Response bulk1 = http.put("/services/async/60.0/job", "application/xml", "<jobInfo/>");
        assertThat(bulk1.status()).isEqualTo(400);
        assertThat(bulk1.body()).contains("<error xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\">")
                .contains("<exceptionCode>ExceededQuota</exceptionCode>").contains("<exceptionMessage>too many batches</exceptionMessage>");

        Http.Response soap = http.put("/services/Soap/u/60.0", "text/xml", "<soapenv:Envelope/>");
        assertThat(soap.status()).as("SOAP faults travel as HTTP 500").isEqualTo(500);
        assertThat(soap.body()).contains("<faultcode>sf:SERVER_UNAVAILABLE</faultcode>")
                .contains("<faultstring>SERVER_UNAVAILABLE: Server Unavailable</faultstring>");
    }

    @Test
    void a_gateway_status_comes_as_a_bare_page_without_a_salesforce_body() {
        host.faults().set(rules("errors: [{api: rest, status: 502}]"));

        Http.Response response = http.get(data("/limits"));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("502 Bad Gateway");
    }

    @Test
    void a_connection_dropped_before_processing_saves_nothing() {
        host.faults().set(rules("dropConnections: [{api: rest, when: before}]"));

        assertThatThrownBy(() -> http.post(data("/sobjects/Account"), ACCOUNT)).isInstanceOf(UncheckedIOException.class);
        assertThat(accounts()).isZero();
    }

    @Test
    void a_connection_dropped_after_processing_saves_the_record_and_loses_the_answer() {
        host.faults().set(rules("dropConnections: [{api: rest, when: after, times: 1}]"));

        assertThatThrownBy(() -> http.post(data("/sobjects/Account"), ACCOUNT)).isInstanceOf(UncheckedIOException.class);
        assertThat(accounts()).as("the write happened though the client never heard").isEqualTo(1);
        assertThat(http.post(data("/sobjects/Account"), ACCOUNT).status()).as("times: 1 drops one call only").isEqualTo(201);
    }

    @Test
    void latency_holds_the_answer_for_at_least_the_fixed_delay() {
        host.faults().set(rules("latency: [{api: rest, fixedMillis: 150, jitterMillis: 30}]"));

        long start = System.nanoTime();
        assertThat(http.get(data("/limits")).status()).isEqualTo(200);
        long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

        assertThat(elapsedMillis).isGreaterThanOrEqualTo(150);
        FaultEvent event = host.faults().log().events().getFirst();
        assertThat(event.fault()).isEqualTo("latency");
        assertThat(event.millis()).isBetween(150L, 180L);
    }

    @Test
    void a_token_expires_after_its_calls_and_the_refreshed_token_works_again() {
        var user = host.org().defaultUser();
        var app = host.org().definition().connectedApps().getFirst();
        var refresh = host.sessions().issueRefresh(user, app, "api refresh_token");
        Http client = http.withToken(host.sessions().issue(user, app, "api", refresh.token()).accessToken());
        host.faults().set(rules("tokenExpiry: [{api: rest, afterCalls: 2}]"));

        assertThat(client.get(data("/limits")).status()).isEqualTo(200);
        assertThat(client.get(data("/limits")).status()).isEqualTo(200);
        Http.Response third = client.get(data("/limits"));
        assertThat(third.status()).isEqualTo(401);
        assertThat(third.errorCode()).isEqualTo("INVALID_SESSION_ID");

        Http.Response refreshed = new Http(host.baseUrl()).form("/services/oauth2/token", Map.of("grant_type", "refresh_token",
                "client_id", app.clientId(), "client_secret", app.clientSecret(), "refresh_token", refresh.token()));
        Http renewed = http.withToken(refreshed.json().path("access_token").asText());
        assertThat(renewed.get(data("/limits")).status()).isEqualTo(200);
        assertThat(renewed.get(data("/limits")).status()).isEqualTo(200);
        assertThat(renewed.get(data("/limits")).status()).isEqualTo(401);
    }

    @Test
    void the_same_seed_fails_the_same_calls_again() {
        host.faults().set(rules("{seed: 5, errors: [{api: rest, rate: 0.1, status: 503}]}"));
        List<Integer> first = statuses(100);
        host.faults().seed(5);
        List<Integer> second = statuses(100);

        assertThat(second).isEqualTo(first);
        long failed = first.stream().filter(s -> s == 503).count();
        System.out.println("rate 0.1 over 100 calls, seed 5: " + failed + " answered 503");
        assertThat(failed).isBetween(2L, 25L);
        assertThat(host.faults().log().events()).hasSize((int) failed);
    }

    private List<Integer> statuses(int calls) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            statuses.add(http.get(data("/limits")).status());
        }
        return statuses;
    }

    @Test
    void the_log_names_each_fault_with_its_call_and_rule() {
        host.faults().set(rules("errors: [{api: rest, status: 503, times: 1}]"));
        http.get(data("/limits"));
        http.get(data("/limits"));

        JsonNode log = http.get("/__admin/faults/log").json();

        assertThat(log.path("calls").asLong()).isEqualTo(2);
        assertThat(log.path("events")).hasSize(1);
        JsonNode event = log.path("events").get(0);
        assertThat(event.path("fault").asText()).isEqualTo("error");
        assertThat(event.path("rule").asText()).isEqualTo("errors[0]");
        assertThat(event.path("call").asLong()).isEqualTo(1);
        assertThat(event.path("api").asText()).isEqualTo("rest");
        assertThat(event.path("path").asText()).isEqualTo("/services/data/v60.0/limits");
        assertThat(event.path("status").asInt()).isEqualTo(503);
        assertThat(event.has("record")).as("null fields are left out").isFalse();
    }
}
