package dev.sfsync.emulator.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.UserAccount;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.sfsync.emulator.oauth.OAuthTestSupport.CLIENT_ID;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.SECRET;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.TOKEN;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

/** The password, refresh_token and client_credentials grants, and the token endpoint's general errors. */
class OAuthTokenGrantsTest extends EmulatorTest {

    private Http.Response passwordGrant(String clientId, String secret, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        if (secret != null) {
            form.put("client_secret", secret);
        }
        form.put("username", username);
        form.put("password", password);
        return anonymous(host).form(TOKEN, form);
    }

    private static void assertError(Http.Response response, String error, String description) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo(error);
        assertThat(response.json().path("error_description").asText()).isEqualTo(description);
        assertThat(response.json().size()).isEqualTo(2);
    }

    @Test
    void password_grant_answers_salesforce_token_body() throws Exception {
        Http.Response response = passwordGrant(CLIENT_ID, SECRET, "admin@test.org", "admin-pass");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        JsonNode body = response.json();
        UserAccount admin = host.org().user("admin@test.org").orElseThrow();
        String id = host.baseUrl() + "/id/" + host.org().id() + "/" + admin.id();
        assertThat(body.path("access_token").asText()).startsWith(host.org().id().substring(0, 15) + "!");
        assertThat(body.has("refresh_token")).isFalse();
        assertThat(body.path("instance_url").asText()).isEqualTo(host.baseUrl());
        assertThat(body.path("id").asText()).isEqualTo(id);
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        String issuedAt = body.path("issued_at").asText();
        assertThat(body.path("issued_at").isTextual()).isTrue();
        assertThat(Long.parseLong(issuedAt)).isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = Base64.getEncoder().encodeToString(mac.doFinal((id + issuedAt).getBytes(StandardCharsets.UTF_8)));
        assertThat(body.path("signature").asText()).isEqualTo(expected);
        assertThat(host.sessions().session(body.path("access_token").asText())).isPresent();
    }

    @Test
    void password_with_security_token_appended_is_accepted() {
        Http.Response response = passwordGrant(CLIENT_ID, SECRET, "admin@test.org", "admin-pass" + "AbCdEfGhIjKlMnOpQrStUvWx");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void wrong_password_is_invalid_grant_authentication_failure() {
        assertError(passwordGrant(CLIENT_ID, SECRET, "admin@test.org", "nope"), "invalid_grant", "authentication failure");
        assertError(passwordGrant(CLIENT_ID, SECRET, "admin@test.org", "admin-passX"), "invalid_grant", "authentication failure");
    }

    @Test
    void unknown_username_is_invalid_grant_authentication_failure() {
        assertError(passwordGrant(CLIENT_ID, SECRET, "ghost@test.org", "admin-pass"), "invalid_grant", "authentication failure");
    }

    @Test
    void unknown_client_id_is_invalid_client_id() {
        assertError(passwordGrant("who", SECRET, "admin@test.org", "admin-pass"), "invalid_client_id", "client identifier invalid");
    }

    @Test
    void wrong_or_missing_client_secret_is_invalid_client() {
        assertError(passwordGrant(CLIENT_ID, "wrong", "admin@test.org", "admin-pass"), "invalid_client", "invalid client credentials");
        assertError(passwordGrant(CLIENT_ID, null, "admin@test.org", "admin-pass"), "invalid_client", "invalid client credentials");
    }

    @Test
    void blocked_app_is_oauth_app_blocked() {
        assertError(passwordGrant("blocked-client", "blocked-secret", "admin@test.org", "admin-pass"),
                "OAUTH_APP_BLOCKED", "this app is blocked by admin");
    }

    @Test
    void inactive_user_is_inactive_user() {
        try (Emulator side = SideOrg.start(Clock.systemUTC())) {
            Http.Response response = new Http(side.host().baseUrl()).form(TOKEN, Map.of("grant_type", "password",
                    "client_id", SideOrg.CLIENT_ID, "client_secret", SideOrg.SECRET, "username", "gone@side.org", "password", "gone-pass"));

            assertError(response, "inactive_user", "user is inactive");
        }
    }

    @Test
    void user_without_api_enabled_gets_a_token_and_the_api_refuses_it_later() {
        // Salesforce authenticates the user; API_DISABLED_FOR_ORG comes from the API call (RestAuth), not from login.
        Http.Response response = passwordGrant(CLIENT_ID, SECRET, "noapi@test.org", "noapi-pass");

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void unknown_or_missing_grant_type_is_unsupported_grant_type() {
        assertError(anonymous(host).form(TOKEN, Map.of("grant_type", "magic", "client_id", CLIENT_ID)),
                "unsupported_grant_type", "grant type not supported");
        assertError(anonymous(host).form(TOKEN, Map.of("client_id", CLIENT_ID)), "unsupported_grant_type", "grant type not supported");
    }

    @Test
    void token_endpoint_refuses_get() {
        Http.Response response = anonymous(host).get(TOKEN + "?grant_type=password");

        assertError(response, "invalid_request", "must use HTTP POST");
    }

    @Test
    void client_credentials_grant_acts_as_the_run_as_user_without_refresh_token() {
        Http.Response response = anonymous(host).form(TOKEN, Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", SECRET));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().has("refresh_token")).isFalse();
        assertThat(response.json().path("id").asText()).endsWith("/" + host.org().defaultUser().id());
    }

    @Test
    void client_credentials_accept_http_basic_authentication() {
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
        Http.Response response = anonymous(host).send(HttpRequest.newBuilder(URI.create(host.baseUrl() + TOKEN))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + basic)
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void client_credentials_with_wrong_secret_is_invalid_client() {
        assertError(anonymous(host).form(TOKEN, Map.of("grant_type", "client_credentials", "client_id", CLIENT_ID, "client_secret", "bad")),
                "invalid_client", "invalid client credentials");
    }

    @Test
    void refresh_token_grant_issues_a_new_access_token_without_a_new_refresh_token() {
        Sessions.RefreshGrant grant = host.sessions().issueRefresh(host.org().defaultUser(), host.org().connectedApp(CLIENT_ID).orElseThrow(), "api refresh_token");

        Http.Response response = anonymous(host).form(TOKEN, Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID,
                "client_secret", SECRET, "refresh_token", grant.token()));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().has("refresh_token")).isFalse();
        assertThat(response.json().path("scope").asText()).isEqualTo("api refresh_token");
        assertThat(host.sessions().session(response.json().path("access_token").asText()).orElseThrow().refreshToken()).isEqualTo(grant.token());
    }

    @Test
    void refresh_token_that_was_revoked_is_invalid_grant() {
        Sessions.RefreshGrant grant = host.sessions().issueRefresh(host.org().defaultUser(), host.org().connectedApp(CLIENT_ID).orElseThrow(), "api refresh_token");
        host.sessions().revoke(grant.token());

        assertError(anonymous(host).form(TOKEN, Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID, "refresh_token", grant.token())),
                "invalid_grant", "expired access/refresh token");
    }

    @Test
    void refresh_token_with_wrong_secret_is_invalid_client() {
        Sessions.RefreshGrant grant = host.sessions().issueRefresh(host.org().defaultUser(), host.org().connectedApp(CLIENT_ID).orElseThrow(), "api");

        assertError(anonymous(host).form(TOKEN, Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID, "client_secret", "bad",
                "refresh_token", grant.token())), "invalid_client", "invalid client credentials");
    }
}
