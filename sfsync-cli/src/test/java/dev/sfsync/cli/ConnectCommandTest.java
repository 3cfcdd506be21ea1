package dev.sfsync.cli;

import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.store.StateStore;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/** 'sfsync connect' through the browser: the test reads the printed URL and acts as the user's browser. */
class ConnectCommandTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefaultOrg();

    /** An app that shows the login and consent page, as a real org's connected app does. */
    private static final ConnectedApp CONSENT_APP = new ConnectedApp("sfsync CLI", "sfsync-cli-consent", "consent-secret",
            java.util.List.of(), null, false, false);

    @TempDir
    Path project;

    @BeforeEach
    void a_project_whose_connection_uses_an_app_that_asks_for_consent() throws Exception {
        org.putConnectedApp(CONSENT_APP);
        sfsync("init", project.toString());
        Path config = project.resolve("sfsync.yaml");
        Files.writeString(config, Files.readString(config).replace("http://127.0.0.1:8642", org.loginUrl())
                .replace("client_id: sfsync-emulator-client", "client_id: " + CONSENT_APP.clientId()));
        Files.writeString(project.resolve("secrets/emulator-client-secret"), CONSENT_APP.clientSecret());
    }

    @Test
    void connect_prints_the_login_url_and_stores_the_login_the_browser_allowed() throws Exception {
        try (RunningCommand connect = RunningCommand.start("connect", "local", "--port", "0", "--project", project.toString())) {
            URI authorizeUrl = URI.create(connect.awaitOutput("Open this URL in a browser, log in and allow access:\\n +(\\S+)").group(1));
            assertThat(authorizeUrl.toString()).startsWith(org.loginUrl() + "/services/oauth2/authorize?")
                    .contains("client_id=" + CONSENT_APP.clientId(), "code_challenge=", "redirect_uri=http%3A%2F%2Flocalhost%3A");

            HttpResponse<String> callbackPage = logInAndAnswer(authorizeUrl, org.password(), "Allow");
            assertThat(callbackPage.body()).contains("sfsync is connected to Salesforce. You can close this window.");

            ProjectCommandsTest.Result result = connect.finish();
            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(result.out()).contains("Connected 'local' to " + org.instanceUrl() + " as " + org.username() + ".");
        }
        assertThat(sfsync("connections", "--project", project.toString()).out()).containsPattern("local +custom +Connected");
        ProjectCommandsTest.Result plan = sfsync("plan", "accounts", "--project", project.toString());
        assertThat(plan.exitCode()).as("the stored refresh token logs in: " + plan.err()).isZero();
        assertThat(plan.out()).contains("upsert   3");
    }

    @Test
    void access_denied_in_the_browser_exits_4_and_says_to_choose_allow() throws Exception {
        try (RunningCommand connect = RunningCommand.start("connect", "local", "--port", "0", "--project", project.toString())) {
            URI authorizeUrl = URI.create(connect.awaitOutput("Open this URL.*\\n +(\\S+)").group(1));

            assertThat(logInAndAnswer(authorizeUrl, org.password(), "Deny").body()).contains("Salesforce did not grant access (access_denied)");

            ProjectCommandsTest.Result result = connect.finish();
            assertThat(result.exitCode()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
            assertThat(result.err()).contains("Access to Salesforce was not allowed in the browser for connection 'local': access_denied",
                    "fix: run 'sfsync connect local' again and choose Allow");
        }
        assertThat(sfsync("connections", "--project", project.toString()).out()).contains("Never connected");
    }

    @Test
    void a_revoked_refresh_token_says_to_connect_again_exits_4_and_shows_as_revoked() throws Exception {
        try (RunningCommand connect = RunningCommand.start("connect", "local", "--port", "0", "--project", project.toString())) {
            logInAndAnswer(URI.create(connect.awaitOutput("Open this URL.*\\n +(\\S+)").group(1)), org.password(), "Allow");
            assertThat(connect.finish().exitCode()).isZero();
        }
        try (StateStore store = StateStore.embedded(project.resolve(SyncProject.STATE_DIRECTORY)).open()) {
            assertThat(org.revoke(store.connections().find("local").orElseThrow().secrets().refreshToken())).isTrue();
        }
        org.expireAccessTokens();

        ProjectCommandsTest.Result run = sfsync("run", "accounts", "--project", project.toString());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(run.err()).contains("Salesforce refused the stored login of connection 'local': invalid_grant", "fix: sfsync reconnect local");
        assertThat(sfsync("connections", "--project", project.toString()).out())
                .containsPattern("local +custom +Token expired").contains("revoked at Salesforce", "fix: sfsync reconnect local");
        assertThat(org.records("Account")).isEmpty();
    }

    /** What the user does in the browser: open the URL, fill in the login form, press a button, follow the redirect. */
    private static HttpResponse<String> logInAndAnswer(URI authorizeUrl, String password, String button) throws Exception {
        try (HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build()) {
            HttpResponse<String> loginPage = browser.send(HttpRequest.newBuilder(authorizeUrl).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(loginPage.body()).contains("<h1>Allow Access?</h1>", "sfsync CLI is asking to access your data");
            Map<String, String> form = hiddenFields(loginPage.body());
            form.put("username", org.username());
            form.put("password", password);
            form.put("action", button);
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            HttpResponse<String> callback = browser.send(HttpRequest.newBuilder(authorizeUrl.resolve("/services/oauth2/authorize"))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(callback.uri().toString()).as("the browser ends at the command's local callback").startsWith("http://localhost:");
            return callback;
        }
    }

    private static Map<String, String> hiddenFields(String html) {
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">").matcher(html);
        while (input.find()) {
            fields.put(input.group(1), input.group(2).replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")
                    .replace("&amp;", "&"));
        }
        return fields;
    }
}
