package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static dev.sfsync.emulator.oauth.OAuthTestSupport.CALLBACK;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.CLIENT_ID;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.SECRET;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.TOKEN;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.anonymous;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.authorizeParams;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.query;
import static dev.sfsync.emulator.oauth.OAuthTestSupport.redirectParams;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** /services/oauth2/revoke, and what expired or revoked tokens still open (nothing). */
class OAuthRevokeAndExpiryTest extends EmulatorTest {
    private static final String REVOKE = "/services/oauth2/revoke";
    private static final String USERINFO = "/services/oauth2/userinfo";

    /** A web-server login: the only flow here that hands out a refresh token. */
    private Http.Response webServerLogin() {
        String code = redirectParams(anonymous(host).get("/services/oauth2/authorize?" + query(authorizeParams(CLIENT_ID, null)))).get("code");
        return anonymous(host).form(TOKEN, Map.of("grant_type", "authorization_code", "client_id", CLIENT_ID, "client_secret", SECRET,
                "redirect_uri", CALLBACK, "code", code));
    }

    private Http.Response refresh(String refreshToken) {
        return anonymous(host).form(TOKEN, Map.of("grant_type", "refresh_token", "client_id", CLIENT_ID, "client_secret", SECRET,
                "refresh_token", refreshToken));
    }

    @Test
    void revoking_an_access_token_ends_it_and_keeps_the_refresh_token() {
        Http.Response login = webServerLogin();
        String access = login.json().path("access_token").asText();

        Http.Response revoke = anonymous(host).form(REVOKE, Map.of("token", access));

        assertThat(revoke.status()).isEqualTo(200);
        assertThat(revoke.body()).isEmpty();
        assertThat(http.withToken(access).get(USERINFO).status()).isEqualTo(403);
        assertThat(refresh(login.json().path("refresh_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void revoking_a_refresh_token_ends_its_access_tokens() {
        Http.Response login = webServerLogin();
        String refreshToken = login.json().path("refresh_token").asText();
        String refreshed = refresh(refreshToken).json().path("access_token").asText();

        Http.Response revoke = anonymous(host).get(REVOKE + "?token=" + refreshToken);

        assertThat(revoke.status()).isEqualTo(200);
        assertThat(host.sessions().session(login.json().path("access_token").asText())).isEmpty();
        assertThat(host.sessions().session(refreshed)).isEmpty();
        Http.Response again = refresh(refreshToken);
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(again.json().path("error_description").asText()).isEqualTo("expired access/refresh token");
    }

    @Test
    void revoking_an_unknown_token_is_400_invalid_token() {
        Http.Response response = anonymous(host).form(REVOKE, Map.of("token", "00Dnothing!here"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void revoking_without_a_token_is_400_invalid_token() {
        assertThat(anonymous(host).form(REVOKE, Map.of()).json().path("error").asText()).isEqualTo("invalid_token");
    }

    @Test
    void access_token_past_the_org_ttl_no_longer_opens_userinfo() {
        host.org().accessTokenTtl(Duration.ZERO);
        String access = webServerLogin().json().path("access_token").asText();

        Http.Response response = http.withToken(access).get(USERINFO);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Bad_OAuth_Token");
        assertThat(host.sessions().session(access)).isEmpty();
    }

    @Test
    void expired_access_tokens_are_renewed_with_the_refresh_token() {
        Http.Response login = webServerLogin();
        host.sessions().expireAllAccessTokens();

        Http.Response refreshed = refresh(login.json().path("refresh_token").asText());

        assertThat(http.withToken(login.json().path("access_token").asText()).get(USERINFO).status()).isEqualTo(403);
        assertThat(http.withToken(refreshed.json().path("access_token").asText()).get(USERINFO).status()).isEqualTo(200);
    }

    @Test
    void rest_call_with_an_expired_token_is_401_invalid_session_id() {
        // The REST resources live in another tree for now; this checks the wire once /limits answers at all.
        assumeThat(http.get(data("/limits")).status()).as("REST /limits endpoint present").isNotEqualTo(404);
        host.sessions().expireAllAccessTokens();

        Http.Response response = http.get(data("/limits"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.errorCode()).isEqualTo("INVALID_SESSION_ID");
    }
}
