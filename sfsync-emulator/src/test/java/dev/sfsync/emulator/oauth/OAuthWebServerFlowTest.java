package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.ManualClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.sfsync.emulator.oauth.OAuthTestSupport.AUTHORIZE;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.CALLBACK;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.CLIENT_ID;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.SECRET;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.TOKEN;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.anonymous;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.authorizeParams;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.consentApp;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.locationWithoutQuery;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.query;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.redirectParams;
import static org.assertj.core.api.Assertions.assertThat;

/** GET/POST /services/oauth2/authorize and grant_type=authorization_code, with and without PKCE. */
class OAuthWebServerFlowTest extends EmulatorTest {
    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private Http.Response authorize(Map<String, String> params) {
        return anonymous(host).get(AUTHORIZE + "?" + query(params));
    }

    private String code(Map<String, String> params) {
        Http.Response response = authorize(params);
        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        return redirectParams(response).get("code");
    }

    private Http.Response exchange(String code, Map<String, String> extra) {
        Map<String, String> form = new HashMap<>(Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID,
                "redirect_uri", CALLBACK, "code", code));
        form.putAll(extra);
        return anonymous(host).form(TOKEN, form);
    }

    private static void assertError(Http.Response response, String error, String description) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo(error);
        assertThat(response.json().path("error_description").asText()).isEqualTo(description);
    }

    @Test
    void authorize_redirects_to_callback_with_code_and_state_when_app_auto_approves() {
        Http.Response response = authorize(authorizeParams(CLIENT_ID, "xyz 1/2"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(locationWithoutQuery(response)).isEqualTo(CALLBACK);
        assertThat(redirectParams(response)).containsEntry("state", "xyz 1/2").containsKey("code");
    }

    @Test
    void code_exchange_answers_tokens_with_refresh_token() {
        Http.Response response = exchange(code(authorizeParams(CLIENT_ID, null)), Map.of("client_secret", SECRET));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("refresh_token").asText()).isNotEmpty();
        assertThat(response.json().path("scope").asText()).isEqualTo(Scopes.DEFAULT);
        assertThat(response.json().path("id").asText()).endsWith("/" + host.org().defaultUser().id());
    }

    @Test
    void login_hint_picks_the_user_of_the_code() {
        Map<String, String> params = authorizeParams(CLIENT_ID, null);
        params.put("login_hint", "sales@test.org");

        Http.Response response = exchange(code(params), Map.of("client_secret", SECRET));

        assertThat(response.json().path("id").asText()).endsWith("/" + host.org().user("sales@test.org").orElseThrow().id());
    }

    @Test
    void scope_without_refresh_token_gets_no_refresh_token() {
        Map<String, String> params = authorizeParams(CLIENT_ID, null);
        params.put("scope", "api");

        Http.Response response = exchange(code(params), Map.of("client_secret", SECRET));

        assertThat(response.json().has("refresh_token")).isFalse();
        assertThat(response.json().path("scope").asText()).isEqualTo("api");
    }

    @Test
    void code_works_only_once() {
        String code = code(authorizeParams(CLIENT_ID, null));
        assertThat(exchange(code, Map.of("client_secret", SECRET)).status()).isEqualTo(200);

        assertError(exchange(code, Map.of("client_secret", SECRET)), "invalid_grant", "expired authorization code");
    }

    @Test
    void unknown_code_is_invalid_authorization_code() {
        assertError(exchange("aPrxNotACode", Map.of("client_secret", SECRET)), "invalid_grant", "invalid authorization code");
    }

    @Test
    void code_expires_after_fifteen_minutes() {
        ManualClock clock = new ManualClock(Instant.parse("2024-05-01T12:00:00Z"));
        try (Emulator side = SideOrg.start(clock)) {
            Http anonymous = new Http(side.host().baseUrl());
            Map<String, String> params = authorizeParams(SideOrg.CLIENT_ID, null);
            String code = redirectParams(anonymous.get(AUTHORIZE + "?" + query(params))).get("code");
            clock.advance(Duration.ofMinutes(16));

            Http.Response response = anonymous.form(TOKEN, Map.of("grant_type", "authorization_code", "client_id", SideOrg.CLIENT_ID,
                    "client_secret", SideOrg.SECRET, "redirect_uri", CALLBACK, "code", code));

            assertError(response, "invalid_grant", "expired authorization code");
        }
    }

    @Test
    void redirect_uri_differing_from_the_authorize_request_is_redirect_uri_mismatch() {
        String code = code(authorizeParams(CLIENT_ID, null));

        assertError(exchange(code, Map.of("client_secret", SECRET, "redirect_uri", "http://localhost:1717/other")),
                "redirect_uri_mismatch", "redirect_uri must match configuration");
    }

    @Test
    void code_exchange_without_secret_or_verifier_is_invalid_client() {
        assertError(exchange(code(authorizeParams(CLIENT_ID, null)), Map.of()), "invalid_client", "invalid client credentials");
    }

    @Test
    void code_exchange_with_wrong_secret_is_invalid_client() {
        assertError(exchange(code(authorizeParams(CLIENT_ID, null)), Map.of("client_secret", "bad")), "invalid_client", "invalid client credentials");
    }

    @Test
    void pkce_right_verifier_needs_no_secret() {
        Map<String, String> params = authorizeParams(CLIENT_ID, null);
        params.put("code_challenge", Pkce.challengeOf(VERIFIER));
        params.put("code_challenge_method", "S256");

        Http.Response response = exchange(code(params), Map.of("code_verifier", VERIFIER));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().path("access_token").asText()).isNotEmpty();
    }

    @Test
    void pkce_challenge_matches_rfc_7636_example() {
        assertThat(Pkce.challengeOf(VERIFIER)).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
    }

    @Test
    void pkce_wrong_verifier_is_invalid_code_verifier() {
        Map<String, String> params = authorizeParams(CLIENT_ID, null);
        params.put("code_challenge", Pkce.challengeOf(VERIFIER));

        assertError(exchange(code(params), Map.of("code_verifier", VERIFIER + "x")), "invalid_grant", "invalid code verifier");
    }

    @Test
    void pkce_missing_verifier_is_invalid_code_verifier_even_with_secret() {
        Map<String, String> params = authorizeParams(CLIENT_ID, null);
        params.put("code_challenge", Pkce.challengeOf(VERIFIER));

        assertError(exchange(code(params), Map.of("client_secret", SECRET)), "invalid_grant", "invalid code verifier");
    }

    @Test
    void verifier_for_a_code_without_challenge_does_not_replace_the_secret() {
        assertError(exchange(code(authorizeParams(CLIENT_ID, null)), Map.of("code_verifier", VERIFIER)), "invalid_client", "invalid client credentials");
    }

    @Test
    void unknown_client_id_shows_an_error_page_without_redirect() {
        Http.Response response = authorize(authorizeParams("nobody", "s"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Location")).isNull();
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("invalid_client_id").contains("client identifier invalid");
    }

    @Test
    void unregistered_redirect_uri_shows_an_error_page_without_redirect() {
        Map<String, String> params = authorizeParams(CLIENT_ID, "s");
        params.put("redirect_uri", "https://evil.example/steal");

        Http.Response response = authorize(params);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Location")).isNull();
        assertThat(response.body()).contains("redirect_uri_mismatch");
    }

    @Test
    void blocked_app_redirects_with_oauth_app_blocked() {
        Map<String, String> params = authorizeParams("blocked-client", "s1");

        Http.Response response = authorize(params);

        assertThat(response.status()).isEqualTo(302);
        assertThat(redirectParams(response)).containsEntry("error", "OAUTH_APP_BLOCKED")
                .containsEntry("error_description", "this app is blocked by admin").containsEntry("state", "s1");
    }

    @Test
    void unsupported_response_type_is_redirected_as_error() {
        Map<String, String> params = authorizeParams(CLIENT_ID, "s");
        params.put("response_type", "magic");

        assertThat(redirectParams(authorize(params))).containsEntry("error", "unsupported_response_type");
    }

    @Test
    void consent_page_is_shown_when_the_app_does_not_auto_approve() {
        consentApp(host);

        Http.Response response = authorize(authorizeParams("consent-client", "st"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).startsWith("text/html");
        assertThat(response.body()).contains("action=\"/services/oauth2/authorize\"").contains("name=\"state\" value=\"st\"")
                .contains("value=\"Allow\"").contains("value=\"Deny\"");
    }

    @Test
    void consent_page_allow_with_good_login_redirects_with_a_code_for_that_user() {
        consentApp(host);
        Map<String, String> form = new LinkedHashMap<>(authorizeParams("consent-client", "st"));
        form.putAll(Map.of("username", "sales@test.org", "password", "sales-pass", "action", "Allow"));

        Http.Response response = anonymous(host).form(AUTHORIZE, form);

        assertThat(response.status()).as(response.toString()).isEqualTo(302);
        Map<String, String> redirect = redirectParams(response);
        assertThat(redirect).containsEntry("state", "st");
        Http.Response tokens = anonymous(host).form(TOKEN, Map.of("grant_type", "authorization_code", "client_id", "consent-client",
                "client_secret", "consent-secret", "redirect_uri", CALLBACK, "code", redirect.get("code")));
        assertThat(tokens.json().path("id").asText()).endsWith("/" + host.org().user("sales@test.org").orElseThrow().id());
    }

    @Test
    void consent_page_deny_redirects_with_access_denied() {
        consentApp(host);
        Map<String, String> form = new LinkedHashMap<>(authorizeParams("consent-client", "st"));
        form.put("action", "Deny");

        Http.Response response = anonymous(host).form(AUTHORIZE, form);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).contains("error=access_denied&error_description=end-user+denied+authorization");
        assertThat(redirectParams(response)).containsEntry("state", "st");
    }

    @Test
    void consent_page_with_wrong_password_is_shown_again_with_an_error() {
        consentApp(host);
        Map<String, String> form = new LinkedHashMap<>(authorizeParams("consent-client", "st"));
        form.putAll(Map.of("username", "sales@test.org", "password", "wrong", "action", "Allow"));

        Http.Response response = anonymous(host).form(AUTHORIZE, form);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).contains("id=\"error\"").contains("value=\"sales@test.org\"");
    }

    @Test
    void user_agent_flow_puts_the_token_in_the_fragment() {
        Map<String, String> params = authorizeParams(CLIENT_ID, "ua");
        params.put("response_type", "token");

        Http.Response response = authorize(params);

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("Location")).startsWith(CALLBACK + "#");
        Map<String, String> fragment = redirectParams(response);
        assertThat(fragment).containsKeys("access_token", "instance_url", "id", "issued_at", "signature")
                .containsEntry("token_type", "Bearer").containsEntry("state", "ua").doesNotContainKey("refresh_token");
        assertThat(host.sessions().session(fragment.get("access_token"))).isPresent();
    }
}
