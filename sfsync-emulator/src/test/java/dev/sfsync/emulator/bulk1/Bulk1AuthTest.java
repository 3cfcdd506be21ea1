package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static dev.sfsync.emulator.bulk1.BulkHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

/** The session check of every Bulk call, the API allowance, and the errors for URLs that name no resource. */
class Bulk1AuthTest extends EmulatorTest {
    private BulkHttp bulk;

    @BeforeEach
    void bulk() {
        bulk = new BulkHttp(http);
    }

    @Test
    void a_missing_or_unknown_session_is_invalid_session_id_with_http_400() {
        Http.Response missing = new BulkHttp(new Http(host.baseUrl())).get(ASYNC + "/job/750000000000000AAA");
        Http.Response unknown = bulk.as("00D000000000000!nope").get(ASYNC + "/job/750000000000000AAA");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("<exceptionCode>InvalidSessionId</exceptionCode>");
        assertThat(xml(missing.body(), "exceptionMessage")).isEqualTo("Invalid session id");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(xml(unknown.body(), "exceptionCode")).isEqualTo("InvalidSessionId");
    }

    @Test
    void a_json_request_gets_the_error_in_json() {
        Http.Response answer = bulk.as("nope").post(ASYNC + "/job", "application/json", "{\"operation\":\"insert\",\"object\":\"Account\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("exceptionCode").asText()).isEqualTo("InvalidSessionId");
        assertThat(answer.json().path("exceptionMessage").asText()).isEqualTo("Invalid session id");
    }

    @Test
    void an_expired_session_is_refused_and_a_bearer_token_is_accepted_too() {
        Http.Response bearer = http.send(http.builder(ASYNC + "/job").header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofString("<jobInfo xmlns=\"" + BulkHttp.NS
                        + "\"><operation>insert</operation><object>Account</object></jobInfo>")));
        host.sessions().expireAllAccessTokens();
        Http.Response expired = bulk.get(ASYNC + "/job/" + xml(bearer.body(), "id"));

        assertThat(bearer.status()).isEqualTo(201);
        assertThat(xml(expired.body(), "exceptionCode")).isEqualTo("InvalidSessionId");
    }

    @Test
    void the_session_header_is_taken_with_or_without_a_bearer_prefix() {
        String jobId = bulk.createJob("insert", "Account", "CSV");

        Http.Response prefixed = bulk.as("Bearer " + http.token()).get(ASYNC + "/job/" + jobId);
        Http.Response lowerCase = bulk.as("bearer  " + http.token()).get(ASYNC + "/job/" + jobId);

        assertThat(prefixed.status()).isEqualTo(200);
        assertThat(xml(prefixed.body(), "id")).isEqualTo(jobId);
        assertThat(lowerCase.status()).isEqualTo(200);
    }

    @Test
    void every_bulk_call_counts_one_api_request() {
        long before = host.org().apiUsage().used();

        String jobId = bulk.createJob("insert", "Account", "CSV");
        Http.Response info = bulk.get(ASYNC + "/job/" + jobId);

        assertThat(host.org().apiUsage().used()).isEqualTo(before + 2);
        assertThat(info.header("Sforce-Limit-Info")).isEqualTo("api-usage=" + (before + 2) + "/" + host.org().apiUsage().max());
    }

    @Test
    void a_user_without_api_access_is_invalid_user() {
        String noApi = host.sessions().issue(host.org().user("noapi@test.org").orElseThrow(),
                host.org().definition().connectedApps().getFirst(), "api", null).accessToken();

        Http.Response answer = bulk.as(noApi).get(ASYNC + "/job/750000000000000AAA");

        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("InvalidUser");
    }

    @Test
    void an_org_without_api_access_is_feature_not_enabled() {
        host.org().apiEnabled(false);

        Http.Response answer = bulk.get(ASYNC + "/job/750000000000000AAA");

        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("FeatureNotEnabled");
    }

    @Test
    void an_unsupported_version_is_invalid_url() {
        Http.Response answer = bulk.get("/services/async/20.0/job/750000000000000AAA");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("InvalidUrl");
    }

    @Test
    void a_misspelt_job_resource_is_invalid_operation_and_an_unknown_subresource_is_invalid_url() {
        Http.Response misspelt = bulk.post(ASYNC + "/jobs", "application/xml", "<jobInfo/>");
        Http.Response unknown = bulk.get(ASYNC + "/job/750000000000000AAA/batches");

        assertThat(xml(misspelt.body(), "exceptionCode")).isEqualTo("InvalidOperation");
        assertThat(xml(unknown.body(), "exceptionCode")).isEqualTo("InvalidUrl");
    }
}
