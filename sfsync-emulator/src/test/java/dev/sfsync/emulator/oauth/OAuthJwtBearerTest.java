package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.ConnectedApp;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static dev.sfsync.emulator.oauth.OAuthTestSupport.CALLBACK;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.TOKEN;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

/** grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer with an RSA key pair made for the test. */
class OAuthJwtBearerTest extends EmulatorTest {
    private static final String JWT_CLIENT = "jwt-client";
    private static KeyPair keys;
    private static KeyPair otherKeys;

    @BeforeAll
    static void generateKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        keys = generator.generateKeyPair();
        otherKeys = generator.generateKeyPair();
    }

    @BeforeEach
    void registerJwtApp() {
        registerJwtApp(host, true);
    }

    private static void registerJwtApp(OrgHost on, boolean autoApprove) {
        on.org().putConnectedApp(new ConnectedApp("JWT App", JWT_CLIENT, "jwt-secret", List.of(CALLBACK), keys.getPublic(), false, autoApprove));
    }

    static String jwt(PrivateKey key, String iss, String sub, String aud, long exp) throws Exception {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64.encodeToString(("{\"iss\":\"" + iss + "\",\"sub\":\"" + sub + "\",\"aud\":\"" + aud + "\",\"exp\":" + exp + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(key);
        signer.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64.encodeToString(signer.sign());
    }

    private static long inMinutes(int minutes) {
        return Instant.now().plusSeconds(60L * minutes).getEpochSecond();
    }

    private static Http.Response grant(Http http, String assertion) {
        return http.form(TOKEN, Map.of("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer", "assertion", assertion));
    }

    private Http.Response grant(String assertion) {
        return grant(anonymous(host), assertion);
    }

    private static void assertError(Http.Response response, String error, String description) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo(error);
        assertThat(response.json().path("error_description").asText()).isEqualTo(description);
    }

    @Test
    void jwt_signed_with_the_app_key_for_login_salesforce_com_gets_a_token_without_refresh_token() throws Exception {
        Http.Response response = grant(jwt(keys.getPrivate(), JWT_CLIENT, "sales@test.org", "https://login.salesforce.com", inMinutes(3)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        assertThat(response.json().has("refresh_token")).isFalse();
        assertThat(response.json().path("instance_url").asText()).isEqualTo(host.baseUrl());
        assertThat(response.json().path("id").asText()).endsWith("/" + host.org().user("sales@test.org").orElseThrow().id());
    }

    @Test
    void jwt_audience_may_be_the_org_own_url() throws Exception {
        Http.Response response = grant(jwt(keys.getPrivate(), JWT_CLIENT, "sales@test.org", host.baseUrl(), inMinutes(3)));

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
    }

    @Test
    void jwt_for_test_salesforce_com_on_a_production_org_is_audience_is_invalid() throws Exception {
        assertError(grant(jwt(keys.getPrivate(), JWT_CLIENT, "sales@test.org", "https://test.salesforce.com", inMinutes(3))),
                "invalid_grant", "audience is invalid");
    }

    @Test
    void sandbox_org_takes_test_salesforce_com_and_refuses_login_salesforce_com() throws Exception {
        try (Emulator side = SideOrg.start(Clock.systemUTC())) {
            registerJwtApp(side.host(), true);
            Http http = new Http(side.host().baseUrl());

            assertThat(grant(http, jwt(keys.getPrivate(), JWT_CLIENT, "active@side.org", "https://test.salesforce.com", inMinutes(3))).status())
                    .isEqualTo(200);
            assertError(grant(http, jwt(keys.getPrivate(), JWT_CLIENT, "active@side.org", "https://login.salesforce.com", inMinutes(3))),
                    "invalid_grant", "audience is invalid");
        }
    }

    @Test
    void expired_jwt_is_invalid_grant() throws Exception {
        assertError(grant(jwt(keys.getPrivate(), JWT_CLIENT, "sales@test.org", "https://login.salesforce.com", inMinutes(-1))),
                "invalid_grant", "expired authorization code");
    }

    @Test
    void jwt_signed_with_another_key_is_invalid_assertion() throws Exception {
        assertError(grant(jwt(otherKeys.getPrivate(), JWT_CLIENT, "sales@test.org", "https://login.salesforce.com", inMinutes(3))),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void malformed_jwt_is_invalid_assertion() {
        assertError(grant("not.a-jwt"), "invalid_grant", "invalid assertion");
        assertError(grant("garbage"), "invalid_grant", "invalid assertion");
    }

    @Test
    void jwt_for_an_app_without_certificate_is_invalid_assertion() throws Exception {
        assertError(grant(jwt(keys.getPrivate(), OAuthTestSupport.CLIENT_ID, "sales@test.org", "https://login.salesforce.com", inMinutes(3))),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void jwt_with_unknown_issuer_is_invalid_client_id() throws Exception {
        assertError(grant(jwt(keys.getPrivate(), "nobody", "sales@test.org", "https://login.salesforce.com", inMinutes(3))),
                "invalid_client_id", "client identifier invalid");
    }

    @Test
    void jwt_for_an_unknown_user_is_invalid_assertion() throws Exception {
        assertError(grant(jwt(keys.getPrivate(), JWT_CLIENT, "ghost@test.org", "https://login.salesforce.com", inMinutes(3))),
                "invalid_grant", "invalid assertion");
    }

    @Test
    void jwt_for_an_inactive_user_is_inactive_user() throws Exception {
        try (Emulator side = SideOrg.start(Clock.systemUTC())) {
            registerJwtApp(side.host(), true);

            assertError(grant(new Http(side.host().baseUrl()), jwt(keys.getPrivate(), JWT_CLIENT, "gone@side.org", "https://test.salesforce.com", inMinutes(3))),
                    "inactive_user", "user is inactive");
        }
    }

    @Test
    void jwt_for_an_app_the_user_never_approved_is_refused_until_approved() throws Exception {
        registerJwtApp(host, false);
        String assertion = jwt(keys.getPrivate(), JWT_CLIENT, "sales@test.org", "https://login.salesforce.com", inMinutes(3));

        assertError(grant(assertion), "invalid_grant", "user hasn't approved this consumer");

        host.sessions().approve(host.org().user("sales@test.org").orElseThrow(), host.org().connectedApp(JWT_CLIENT).orElseThrow());
        assertThat(grant(assertion).status()).isEqualTo(200);
    }

    @Test
    void jwt_for_a_blocked_app_is_oauth_app_blocked() throws Exception {
        host.org().putConnectedApp(new ConnectedApp("JWT App", JWT_CLIENT, "jwt-secret", List.of(), keys.getPublic(), true, true));

        assertError(grant(jwt(keys.getPrivate(), JWT_CLIENT, "sales@test.org", "https://login.salesforce.com", inMinutes(3))),
                "OAUTH_APP_BLOCKED", "this app is blocked by admin");
    }
}
