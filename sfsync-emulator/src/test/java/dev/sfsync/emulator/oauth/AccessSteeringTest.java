package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.ConnectedApp;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
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

/** What an admin changes in Setup (through /__admin/), and refresh-token rules, as Salesforce applies them to live tokens. */
class AccessSteeringTest extends EmulatorTest {
    private static final String LIMITS = "/services/data/v62.0/limits";

    private Http.Response webServerLogin(String clientId, String secret) {
        String code = redirectParams(anonymous(host).get("/services/oauth2/authorize?" + query(authorizeParams(clientId, null)))).get("code");
        return anonymous(host).form(TOKEN, Map.of("grant_type", "authorization_code", "client_id", clientId, "client_secret", secret,
                "redirect_uri", CALLBACK, "code", code));
    }

    private Http.Response refresh(String clientId, String secret, String refreshToken) {
        return anonymous(host).form(TOKEN, Map.of("grant_type", "refresh_token", "client_id", clientId, "client_secret", secret,
                "refresh_token", refreshToken));
    }

    @Test
    void a_deactivated_user_loses_its_sessions_and_its_refresh_gets_inactive_user() {
        Http.Response login = webServerLogin(CLIENT_ID, SECRET);
        String username = host.org().defaultUser().username();

        assertThat(anonymous(host).patch("/__admin/users/" + username, Map.of("active", false)).status()).isEqualTo(200);

        assertThat(http.withToken(login.json().path("access_token").asText()).get(LIMITS).errorCode()).isEqualTo("INVALID_SESSION_ID");
        Http.Response again = refresh(CLIENT_ID, SECRET, login.json().path("refresh_token").asText());
        assertThat(again.json().path("error").asText()).isEqualTo("inactive_user");

        anonymous(host).patch("/__admin/users/" + username, Map.of("active", true));
        assertThat(refresh(CLIENT_ID, SECRET, login.json().path("refresh_token").asText()).status()).isEqualTo(200);
    }

    @Test
    void a_profile_without_api_enabled_gets_api_disabled_for_org_and_a_reset_restores_it() {
        String token = webServerLogin(CLIENT_ID, SECRET).json().path("access_token").asText();
        String profile = host.org().defaultUser().profile().name();

        Http.Response changed = anonymous(host).patch("/__admin/profiles/" + profile.replace(" ", "%20") + "/permissions", Map.of("ApiEnabled", false));

        assertThat(changed.json().path("ApiEnabled").asBoolean()).isFalse();
        Http.Response refused = http.withToken(token).get(LIMITS);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("API_DISABLED_FOR_ORG");
        host.reset();
        assertThat(host.org().defaultUser().profile().has(dev.sfsync.emulator.org.Permission.ApiEnabled)).isTrue();
    }

    @Test
    void an_unknown_permission_is_refused_with_the_valid_names() {
        Http.Response response = anonymous(host).patch("/__admin/profiles/System%20Administrator/permissions", Map.of("ApiEnable", false));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("ApiEnable: not a permission", "ApiEnabled");
    }

    @Test
    void revoking_a_users_tokens_ends_access_and_refresh_tokens() {
        Http.Response login = webServerLogin(CLIENT_ID, SECRET);

        Http.Response revoked = anonymous(host).post("/__admin/tokens/revoke", Map.of("username", host.org().defaultUser().username()));

        assertThat(revoked.json().path("revoked").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(http.withToken(login.json().path("access_token").asText()).get(LIMITS).status()).isEqualTo(401);
        assertThat(refresh(CLIENT_ID, SECRET, login.json().path("refresh_token").asText()).json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void an_app_that_rotates_refresh_tokens_answers_each_refresh_with_a_new_one_and_the_old_one_stops_working() {
        host.org().putConnectedApp(new ConnectedApp("Rotating", "rotating-client", "rotating-secret", List.of(), null, false, true, true));
        String first = webServerLogin("rotating-client", "rotating-secret").json().path("refresh_token").asText();

        Http.Response refreshed = refresh("rotating-client", "rotating-secret", first);

        String second = refreshed.json().path("refresh_token").asText();
        assertThat(second).isNotEmpty().isNotEqualTo(first);
        assertThat(refresh("rotating-client", "rotating-secret", first).json().path("error_description").asText())
                .isEqualTo("expired access/refresh token");
        assertThat(refresh("rotating-client", "rotating-secret", second).status()).isEqualTo(200);
    }

    @Test
    void a_sixth_approval_of_the_same_user_and_app_revokes_the_oldest() {
        List<String> refreshTokens = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            refreshTokens.add(webServerLogin(CLIENT_ID, SECRET).json().path("refresh_token").asText());
        }

        assertThat(refresh(CLIENT_ID, SECRET, refreshTokens.getFirst()).json().path("error").asText()).isEqualTo("invalid_grant");
        for (String live : refreshTokens.subList(1, 6)) {
            assertThat(refresh(CLIENT_ID, SECRET, live).status()).isEqualTo(200);
        }
    }
}
