package dev.sfsync.server.web;

import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.connection.Logins;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.server.TestProject;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OAuthLoginsTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    @TempDir
    Path directory;

    @Test
    void a_login_begun_on_one_node_completes_on_another_and_its_state_works_once() throws Exception {
        try (TestProject project = new TestProject(directory, org)) {
            ProjectConfig config = project.config("syncs:\n" + TestProject.insertSync("accounts", "accounts", "Account", "Name", "")).read();
            Logins logins = new Logins(project.store(), directory, project.stateDirectory(), Sleeper.SYSTEM);
            OAuthLogins nodeA = new OAuthLogins(logins, config.connections(), directory, project.serverDb(), project.store().secretCipher(), Clock.systemUTC());
            OAuthLogins nodeB = new OAuthLogins(logins, config.connections(), directory, project.serverDb(), project.store().secretCipher(), Clock.systemUTC());

            // The connected app lists the team's address as its callback and is pre-approved (no consent page).
            var app = org.connectedApp();
            org.putConnectedApp(new dev.sfsync.emulator.org.ConnectedApp(app.name(), app.clientId(), app.clientSecret(),
                    java.util.List.of("http://sfsync.example" + OAuthLogins.CALLBACK_PATH), app.certificateKey(), false, true, app.rotateRefreshTokens()));
            String authorize = nodeA.begin(config.connections().get("org"), "http://sfsync.example", "ada");
            Map<String, String> callback = redirectOf(authorize);
            String stored = project.serverDb().queryOne("SELECT code_verifier FROM oauth_logins", rs -> rs.getString(1)).orElseThrow();
            assertThat(stored).as("the PKCE verifier is encrypted at rest").startsWith("v1:")
                    .isNotEqualTo(project.store().secretCipher().decrypt(stored, "oauth_logins/" + callback.get("state") + "/code_verifier"));

            assertThat(nodeB.connectionOf(callback.get("state"))).contains("org");
            OAuthLogins.Completed done = nodeB.complete(callback);
            assertThat(done.connection().name()).isEqualTo("org");
            assertThat(done.user()).isEqualTo("ada");
            assertThat(org.refreshTokenIsLive(done.tokens().refreshToken())).isTrue();
            assertThatThrownBy(() -> nodeA.complete(callback)).hasMessageContaining("used already");
            assertThat(project.serverDb().queryOne("SELECT count(*) FROM oauth_logins", rs -> rs.getLong(1))).contains(0L);
        }
    }

    /** What a browser does with the authorize URL of a pre-approved app: Salesforce redirects it to the callback with code and state. */
    private static Map<String, String> redirectOf(String authorizeUrl) throws Exception {
        try (HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()) {
            HttpResponse<String> answer = browser.send(HttpRequest.newBuilder(URI.create(authorizeUrl)).build(), HttpResponse.BodyHandlers.ofString());
            URI location = URI.create(answer.headers().firstValue("Location").orElseThrow(() -> new AssertionError(answer.statusCode() + " " + answer.body())));
            assertThat(location.getPath()).isEqualTo(OAuthLogins.CALLBACK_PATH);
            Map<String, String> params = new LinkedHashMap<>();
            for (String pair : location.getRawQuery().split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
            }
            return params;
        }
    }
}
