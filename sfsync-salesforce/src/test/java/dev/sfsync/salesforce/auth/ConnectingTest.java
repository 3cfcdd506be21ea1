package dev.sfsync.salesforce.auth;

import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.salesforce.Emulated;
import dev.sfsync.salesforce.RecordedExchanges;
import dev.sfsync.salesforce.RecordingSleeper;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.error.AuthenticationFailed;
import dev.sfsync.salesforce.error.ReconnectNeeded;
import dev.sfsync.salesforce.observe.ApiExchange;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConnectingTest {
    @RegisterExtension
    static final EmulatedOrg org = Emulated.org();

    private final RecordedExchanges exchanges = new RecordedExchanges();
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @Test
    void password_grant_connects_and_calls_the_instance_url_from_the_token_response() {
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper).build();

        assertThat(client.rest().limits()).containsKey("DailyApiRequests");

        OAuthTokens tokens = client.session().tokens();
        assertThat(tokens.instanceUrl()).hasToString(org.instanceUrl());
        assertThat(tokens.userId()).contains(org.user().id());
        assertThat(exchanges.to("/oauth2/token")).hasSize(1);
    }

    @Test
    void web_server_flow_with_pkce_receives_the_code_on_a_local_callback() throws Exception {
        SalesforceClient.Builder builder = Emulated.builder(org, exchanges, sleeper);
        WebServerFlow flow = builder.webServerFlow(org.clientId(), null, "api refresh_token");
        List<URI> shown = new ArrayList<>();

        OAuthTokens tokens = flow.authorizeWithLocalCallback(0, "/callback", url -> {
            shown.add(url);
            actAsBrowser(url);
        }, Duration.ofSeconds(10));

        assertThat(shown.getFirst().getQuery()).contains("code_challenge=", "code_challenge_method=S256", "state=", "response_type=code");
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(org.refreshTokenIsLive(tokens.refreshToken())).isTrue();
        SalesforceClient client = builder.credentials(Credentials.refreshToken(org.clientId(), null, tokens.refreshToken())).tokens(tokens).build();
        assertThat(client.rest().limits()).isNotEmpty();
        String tokenRequest = exchanges.to("/oauth2/token").getFirst().requestBody();
        assertThat(tokenRequest).contains("grant_type=authorization_code", "code_verifier=[REDACTED]", "code=[REDACTED]");
    }

    @Test
    void a_forged_callback_with_another_state_is_answered_400_and_the_real_login_still_completes() throws Exception {
        WebServerFlow flow = Emulated.builder(org, exchanges, sleeper).webServerFlow(org.clientId(), null, "api refresh_token");
        List<java.net.http.HttpResponse<String>> forged = new ArrayList<>();

        OAuthTokens tokens = flow.authorizeWithLocalCallback(0, "/callback", url -> {
            String redirect = java.net.URLDecoder.decode(url.getQuery().replaceAll(".*redirect_uri=([^&]*).*", "$1"), java.nio.charset.StandardCharsets.UTF_8);
            try {
                forged.add(java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        URI.create(redirect + "?code=stolen&state=forged")).build(), java.net.http.HttpResponse.BodyHandlers.ofString()));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            actAsBrowser(url);
        }, Duration.ofSeconds(10));

        assertThat(forged.getFirst().statusCode()).isEqualTo(400);
        assertThat(forged.getFirst().body()).contains("does not belong to the login sfsync started").doesNotContain("is connected");
        assertThat(tokens.refreshToken()).isNotBlank();
        assertThat(exchanges.to("/oauth2/token")).as("only the real code was redeemed").hasSize(1);
    }

    @Test
    void a_blocked_app_comes_back_from_the_browser_as_reconnect_needed() {
        org.putConnectedApp(new ConnectedApp("Blocked", "blocked-app", "blocked-secret", List.of(), null, true, true));
        WebServerFlow flow = Emulated.builder(org, exchanges, sleeper).webServerFlow("blocked-app", null, "api refresh_token");

        assertThatThrownBy(() -> flow.authorizeWithLocalCallback(0, "/callback", url -> actAsBrowser(url, "did not grant access"), Duration.ofSeconds(10)))
                .isInstanceOf(ReconnectNeeded.class)
                .hasMessageContaining("OAUTH_APP_BLOCKED")
                .hasMessageContaining("Connected Apps OAuth Usage");
        assertThat(exchanges.to("/oauth2/token")).isEmpty();
    }

    @Test
    void a_callback_with_another_state_is_refused() {
        WebServerFlow flow = Emulated.builder(org, exchanges, sleeper).webServerFlow(org.clientId(), null, "api");
        WebServerFlow.Authorization authorization = flow.begin("http://localhost:1717/callback");

        assertThatThrownBy(() -> flow.complete(authorization, java.util.Map.of("code", "stolen", "state", "forged")))
                .isInstanceOf(AuthenticationFailed.class)
                .hasMessageContaining("STATE_MISMATCH");
        assertThat(exchanges.all()).isEmpty();
    }

    @Test
    void jwt_bearer_flow_signs_an_rs256_assertion_with_the_apps_key() throws Exception {
        KeyPair keys = rsaKeys();
        org.putConnectedApp(new ConnectedApp("JWT App", "jwt-app", "jwt-secret", List.of(), keys.getPublic(), false, true));
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper)
                .credentials(Credentials.jwtBearer("jwt-app", org.username(), keys.getPrivate()))
                .build();

        assertThat(client.rest().limits()).isNotEmpty();
        assertThat(client.session().tokens().refreshToken()).isNull();
        assertThat(exchanges.to("/oauth2/token").getFirst().requestBody()).contains("assertion=[REDACTED]");
    }

    @Test
    void jwt_bearer_flow_gets_a_new_token_when_the_session_expires() throws Exception {
        KeyPair keys = rsaKeys();
        org.putConnectedApp(new ConnectedApp("JWT App", "jwt-app", "jwt-secret", List.of(), keys.getPublic(), false, true));
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper)
                .credentials(Credentials.jwtBearer("jwt-app", org.username(), keys.getPrivate()))
                .build();
        client.rest().limits();

        org.expireAccessTokens();
        client.rest().limits();

        assertThat(exchanges.to("/oauth2/token")).hasSize(2);
    }

    @Test
    void client_credentials_flow_connects_as_the_apps_run_as_user() {
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper)
                .credentials(Credentials.clientCredentials(org.clientId(), org.clientSecret()))
                .build();

        assertThat(client.rest().limits()).isNotEmpty();
        assertThat(exchanges.to("/oauth2/token").getFirst().requestBody()).contains("grant_type=client_credentials", "client_secret=[REDACTED]");
    }

    @Test
    void an_expired_session_is_refreshed_once_and_the_call_sent_again() throws Exception {
        OAuthTokens tokens = loginThroughBrowser();
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper)
                .credentials(Credentials.refreshToken(org.clientId(), org.clientSecret(), tokens.refreshToken()))
                .tokens(tokens)
                .build();
        client.rest().limits();
        exchanges.clear();

        org.expireAccessTokens();
        assertThat(client.rest().limits()).isNotEmpty();

        assertThat(exchanges.all()).extracting(ApiExchange::status).containsExactly(401, 200, 200);
        assertThat(exchanges.to("/oauth2/token").getFirst().requestBody()).contains("grant_type=refresh_token");
        assertThat(client.session().tokens().accessToken()).isNotEqualTo(tokens.accessToken());
        assertThat(client.session().tokens().refreshToken()).isEqualTo(tokens.refreshToken());
    }

    @Test
    void a_revoked_refresh_token_needs_a_reconnect_and_stops_calling_salesforce() throws Exception {
        OAuthTokens tokens = loginThroughBrowser();
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper)
                .credentials(Credentials.refreshToken(org.clientId(), null, tokens.refreshToken()))
                .tokens(tokens)
                .build();
        assertThat(org.revoke(tokens.refreshToken())).isTrue();
        exchanges.clear();

        assertThatThrownBy(() -> client.rest().limits())
                .isInstanceOf(ReconnectNeeded.class)
                .hasMessageContaining("invalid_grant")
                .hasMessageContaining("Reconnect");
        int exchangesAfterFirstFailure = exchanges.all().size();
        assertThatThrownBy(() -> client.rest().limits()).isInstanceOf(ReconnectNeeded.class);

        assertThat(exchangesAfterFirstFailure).isEqualTo(2);
        assertThat(exchanges.all()).hasSize(exchangesAfterFirstFailure);
        assertThat(client.session().reconnectNeeded()).isTrue();
    }

    @Test
    void disconnect_revokes_the_refresh_token_at_salesforce() throws Exception {
        OAuthTokens tokens = loginThroughBrowser();
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper)
                .credentials(Credentials.refreshToken(org.clientId(), null, tokens.refreshToken()))
                .tokens(tokens)
                .build();

        client.disconnect();

        assertThat(org.refreshTokenIsLive(tokens.refreshToken())).isFalse();
        assertThatThrownBy(() -> client.rest().limits()).isInstanceOf(ReconnectNeeded.class).hasMessageContaining("DISCONNECTED");
    }

    @Test
    void a_wrong_client_secret_fails_authentication_without_retrying() {
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper)
                .credentials(Credentials.password(org.clientId(), "wrong-secret", org.username(), org.password()))
                .build();

        assertThatThrownBy(() -> client.rest().limits())
                .isInstanceOf(AuthenticationFailed.class)
                .satisfies(e -> assertThat(((AuthenticationFailed) e).errorCode()).isEqualTo("invalid_client"));
        assertThat(exchanges.all()).hasSize(1);
    }

    @Test
    void tokens_and_secrets_never_reach_the_listener_or_to_string() throws Exception {
        OAuthTokens tokens = loginThroughBrowser();
        SalesforceClient client = Emulated.builder(org, exchanges, sleeper).build();
        client.rest().limits();
        org.expireAccessTokens();
        client.rest().limits();

        List<String> secrets = List.of(client.session().tokens().accessToken(), tokens.accessToken(), tokens.refreshToken(),
                org.clientSecret(), org.password());
        for (ApiExchange exchange : exchanges.all()) {
            String shown = exchange.url() + " " + exchange.requestHeaders() + " " + exchange.responseHeaders() + " "
                    + exchange.requestBody() + " " + exchange.responseBody();
            assertThat(shown).doesNotContain(secrets);
        }
        assertThat(exchanges.to("/oauth2/token").getFirst().responseBody()).contains("\"access_token\":\"[REDACTED]\"");
        assertThat(tokens.toString() + Emulated.password(org) + Credentials.refreshToken("id", "secret-value", tokens.refreshToken()))
                .doesNotContain(tokens.accessToken(), tokens.refreshToken(), org.password(), "secret-value");
    }

    /** Runs the web-server flow with the test acting as the user's browser. */
    private OAuthTokens loginThroughBrowser() throws InterruptedException {
        WebServerFlow flow = Emulated.builder(org, new RecordedExchanges(), sleeper).webServerFlow(org.clientId(), null, "api refresh_token");
        return flow.authorizeWithLocalCallback(0, "/callback", ConnectingTest::actAsBrowser, Duration.ofSeconds(10));
    }

    /** What a browser does with the authorize URL when the app is pre-approved: follow the redirect to the callback. */
    private static void actAsBrowser(URI authorizeUrl) {
        actAsBrowser(authorizeUrl, "connected");
    }

    private static void actAsBrowser(URI authorizeUrl, String expectedPage) {
        try (HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(authorizeUrl).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains(expectedPage);
        } catch (Exception e) {
            throw new AssertionError("the browser could not follow the authorize URL", e);
        }
    }

    private static KeyPair rsaKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }
}
