package dev.sfsync.emulator.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.UserAccount;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.sfsync.emulator.oauth.OAuthTestSupport.anonymous;
import static org.assertj.core.api.Assertions.assertThat;

/** /services/oauth2/userinfo and the identity URL. */
class OAuthIdentityTest extends EmulatorTest {
    private static final String USERINFO = "/services/oauth2/userinfo";

    private UserAccount admin() {
        return host.org().user("admin@test.org").orElseThrow();
    }

    private String identityPath(UserAccount user) {
        return "/id/" + host.org().id() + "/" + user.id();
    }

    @Test
    void userinfo_describes_the_token_user() {
        Http.Response response = http.get(USERINFO);

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("sub").asText()).isEqualTo(host.baseUrl() + identityPath(admin()));
        assertThat(body.path("user_id").asText()).isEqualTo(admin().id());
        assertThat(body.path("organization_id").asText()).isEqualTo(host.org().id());
        assertThat(body.path("preferred_username").asText()).isEqualTo("admin@test.org");
        assertThat(body.path("name").asText()).isEqualTo("Ada Admin");
        assertThat(body.path("given_name").asText()).isEqualTo("Ada");
        assertThat(body.path("family_name").asText()).isEqualTo("Admin");
        assertThat(body.has("email")).isTrue();
        assertThat(body.path("active").asBoolean()).isTrue();
        assertThat(body.path("urls").path("rest").asText()).isEqualTo(host.baseUrl() + "/services/data/v{version}/");
    }

    @Test
    void userinfo_answers_post_and_access_token_parameter() {
        Http.Response response = anonymous(host).form(USERINFO, Map.of("access_token", http.token()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("user_id").asText()).isEqualTo(admin().id());
    }

    @Test
    void userinfo_with_a_bad_token_is_403_bad_oauth_token() {
        Http.Response response = http.withToken("00Dbogus!token").get(USERINFO);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Bad_OAuth_Token");
    }

    @Test
    void userinfo_without_a_token_is_403_missing_oauth_token() {
        Http.Response response = anonymous(host).get(USERINFO);

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Missing_OAuth_Token");
    }

    @Test
    void identity_url_from_the_token_response_describes_the_user() {
        Http.Response token = anonymous(host).form(OAuthTestSupport.TOKEN, Map.of("grant_type", "password", "client_id", OAuthTestSupport.CLIENT_ID,
                "client_secret", OAuthTestSupport.SECRET, "username", "admin@test.org", "password", "admin-pass"));
        Http.Response response = http.withToken(token.json().path("access_token").asText()).get(token.json().path("id").asText());

        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("id").asText()).isEqualTo(token.json().path("id").asText());
        assertThat(body.path("user_id").asText()).isEqualTo(admin().id());
        assertThat(body.path("organization_id").asText()).isEqualTo(host.org().id());
        assertThat(body.path("username").asText()).isEqualTo("admin@test.org");
        assertThat(body.path("display_name").asText()).isEqualTo("Ada Admin");
        assertThat(body.path("first_name").asText()).isEqualTo("Ada");
        assertThat(body.path("last_name").asText()).isEqualTo("Admin");
        assertThat(body.path("active").asBoolean()).isTrue();
        assertThat(body.path("user_type").asText()).isEqualTo("STANDARD");
        assertThat(body.path("language").asText()).isEqualTo("en_US");
        assertThat(body.path("locale").asText()).isEqualTo("en_US");
        assertThat(body.path("utcOffset").isIntegralNumber()).isTrue();
        assertThat(body.path("is_app_installed").asBoolean()).isTrue();
        JsonNode urls = body.path("urls");
        assertThat(urls.path("rest").asText()).isEqualTo(host.baseUrl() + "/services/data/v{version}/");
        assertThat(urls.path("sobjects").asText()).isEqualTo(host.baseUrl() + "/services/data/v{version}/sobjects/");
        assertThat(urls.path("query").asText()).isEqualTo(host.baseUrl() + "/services/data/v{version}/query/");
        assertThat(urls.path("partner").asText()).isEqualTo(host.baseUrl() + "/services/Soap/u/{version}/" + host.org().id().substring(0, 15));
    }

    @Test
    void identity_url_fills_the_version_when_asked() {
        Http.Response response = http.get(identityPath(admin()) + "?version=60.0");

        assertThat(response.json().path("urls").path("rest").asText()).isEqualTo(host.baseUrl() + "/services/data/v60.0/");
    }

    @Test
    void identity_url_takes_15_character_ids() {
        Http.Response response = http.get("/id/" + host.org().id().substring(0, 15) + "/" + admin().id().substring(0, 15));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void identity_url_of_another_org_is_403_wrong_org() {
        Http.Response response = http.get("/id/00D000000000001AAA/" + admin().id());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Wrong_Org");
    }

    @Test
    void identity_url_of_an_unknown_user_is_404_bad_id() {
        Http.Response response = http.get("/id/" + host.org().id() + "/005000000000001AAA");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).isEqualTo("Bad_Id");
    }

    @Test
    void identity_url_with_a_bad_token_is_403_bad_oauth_token() {
        Http.Response response = http.withToken("nope").get(identityPath(admin()));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).isEqualTo("Bad_OAuth_Token");
    }
}
