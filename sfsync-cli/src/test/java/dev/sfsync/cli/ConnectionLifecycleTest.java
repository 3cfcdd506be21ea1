package dev.sfsync.cli;

import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.store.StateStore;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/** Each state a connection can be in, reached the way it happens in an org (through the emulator's /__admin/), and its fix. */
class ConnectionLifecycleTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");
    private static final KeyPair KEYS = keys();

    @TempDir
    Path project;

    @BeforeEach
    void project() throws Exception {
        org.putConnectedApp(new ConnectedApp("Integration", "jwt-client", "jwt-secret", List.of(), KEYS.getPublic(), false, true));
        Files.writeString(project.resolve("client.secret"), org.clientSecret());
        Files.writeString(project.resolve("jwt.secret"), "jwt-secret");
        Files.writeString(project.resolve("server.key"), "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(KEYS.getPrivate().getEncoded()) + "\n-----END PRIVATE KEY-----\n");
        writeConfig("");
    }

    private void writeConfig(String extraConnections) throws Exception {
        Files.writeString(project.resolve("sfsync.yaml"), """
                connections:
                  local: {environment: custom, login_url: %1$s, client_id: %2$s, client_secret: "${file:client.secret}"}
                  robot:
                    environment: custom
                    login_url: %1$s
                    client_id: jwt-client
                    login: {flow: jwt_bearer, username: %3$s, private_key: "${file:server.key}"}
                %4$s
                sources:
                  warehouse: {url: "jdbc:duckdb:"}
                models:
                  accounts: {sql: "select 'A1' as id, 'Acme' as name", primary_key: id}
                syncs:
                  accounts:
                    model: accounts
                    connection: local
                    object: Account
                    mode: upsert
                    match: {column: id, field: External_Key__c}
                    mappings: [{from: name, to: Name}]
                """.formatted(org.loginUrl(), org.clientId(), org.username(), extraConnections));
    }

    private String[] args(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--project";
        all[args.length + 1] = project.toString();
        return all;
    }

    @Test
    void connect_reads_the_password_from_stdin_so_that_it_is_on_no_command_line() {
        ProjectCommandsTest.Result both = ProjectCommandsTest.withStdin(org.password() + "\n",
                args("connect", "local", "--username", org.username(), "--password", "x", "--password-stdin"));
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("not both");

        ProjectCommandsTest.Result wrong = ProjectCommandsTest.withStdin("wrong\n", args("connect", "local", "--username", org.username(), "--password-stdin"));
        assertThat(wrong.exitCode()).as(wrong.err()).isNotZero();

        ProjectCommandsTest.Result connected = ProjectCommandsTest.withStdin(org.password() + "\n",
                args("connect", "local", "--username", org.username(), "--password-stdin"));
        assertThat(connected.exitCode()).as(connected.err()).isZero();
        assertThat(connections()).contains("Connected");
    }

    private ProjectCommandsTest.Result connectByPassword(String command) {
        return sfsync(args(command, "local", "--username", org.username(), "--password", org.password()));
    }

    private String connections() {
        return sfsync(args("connections")).out();
    }

    @Test
    void a_password_login_turns_token_expired_when_its_session_ends_and_reconnect_brings_it_back() {
        ProjectCommandsTest.Result connect = connectByPassword("connect");
        assertThat(connect.out()).contains("a password login gets no refresh token, so it lasts one session");
        assertThat(connections()).containsPattern("local +custom +Connected +\\S+ \\S+ +" + org.username());

        org.admin("POST", "/__admin/tokens/expire", null);

        assertThat(connections()).containsPattern("local +custom +Token expired")
                .contains("why: the access token expired or was revoked, and this login cannot renew it", "fix: sfsync reconnect local");
        assertThat(connectByPassword("reconnect").exitCode()).isZero();
        assertThat(connections()).containsPattern("local +custom +Connected");
    }

    @Test
    void a_jwt_login_connects_by_itself_renews_after_expiry_and_turns_token_expired_when_the_user_is_deactivated() {
        ProjectCommandsTest.Result connect = sfsync(args("connect", "robot"));
        assertThat(connect.exitCode()).as(connect.err()).isZero();
        assertThat(connect.out()).contains("Connected 'robot' to " + org.instanceUrl() + " as " + org.username());

        org.admin("POST", "/__admin/tokens/expire", null);
        assertThat(connections()).as("a new assertion renews the session").containsPattern("robot +custom +Connected");

        org.admin("PATCH", "/__admin/users/" + org.username(), "{\"active\": false}");
        assertThat(connections()).containsPattern("robot +custom +Token expired")
                .contains("why: the Salesforce user of this connection is deactivated", "fix: an admin reactivates the user (Setup > Users)");

        org.admin("PATCH", "/__admin/users/" + org.username(), "{\"active\": true}");
        assertThat(sfsync(args("reconnect", "robot")).exitCode()).isZero();
        assertThat(connections()).containsPattern("robot +custom +Connected");
    }

    @Test
    void a_user_without_api_enabled_is_told_at_connect_and_shows_no_api_access() {
        String profile = org.user().profile().name().replace(" ", "%20");
        org.admin("PATCH", "/__admin/profiles/" + profile + "/permissions", "{\"ApiEnabled\": false}");

        ProjectCommandsTest.Result connect = connectByPassword("connect");

        assertThat(connect.exitCode()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(connect.err()).contains("Logged in to 'local', but the connection is No API access", "API_DISABLED_FOR_ORG",
                "fix: an admin grants API Enabled");
        assertThat(connections()).containsPattern("local +custom +No API access");

        org.admin("PATCH", "/__admin/profiles/" + profile + "/permissions", "{\"ApiEnabled\": true}");
        assertThat(connections()).containsPattern("local +custom +Connected");
    }

    @Test
    void a_refresh_token_revoked_at_salesforce_shows_as_token_expired_with_why_and_a_password_login_too() throws Exception {
        connectByPassword("connect");
        try (StateStore store = StateStore.embedded(project.resolve(SyncProject.STATE_DIRECTORY)).open()) {
            // What the browser login stores: a refresh token of the connection's app and user.
            String refreshToken = org.host().sessions().issueRefresh(org.user(), org.connectedApp(), "api refresh_token").token();
            var stored = store.connections().find("local").orElseThrow();
            store.connections().save(stored.withSecrets(new dev.sfsync.store.SalesforceConnection.Secrets(stored.secrets().accessToken(),
                    refreshToken, org.clientSecret())));
        }
        assertThat(connections()).containsPattern("local +custom +Connected");

        org.admin("POST", "/__admin/tokens/revoke", "{\"username\": \"" + org.username() + "\"}");

        assertThat(connections()).containsPattern("local +custom +Token expired").contains("revoked at Salesforce", "fix: sfsync reconnect local");
        connectByPassword("reconnect");
        org.admin("POST", "/__admin/tokens/revoke", "{\"username\": \"" + org.username() + "\"}");
        assertThat(connections()).as("a password login cannot tell a revoked token from an expired one")
                .containsPattern("local +custom +Token expired").contains("expired or was revoked");
    }

    @Test
    void disconnect_revokes_the_token_at_salesforce_forgets_it_and_reconnect_logs_in_again() throws Exception {
        connectByPassword("connect");
        String token;
        try (StateStore store = StateStore.embedded(project.resolve(SyncProject.STATE_DIRECTORY)).open()) {
            token = store.connections().find("local").orElseThrow().secrets().accessToken();
        }

        ProjectCommandsTest.Result disconnect = sfsync(args("disconnect", "local"));

        assertThat(disconnect.exitCode()).isZero();
        assertThat(disconnect.out()).contains("Disconnected 'local' (" + org.username() + "): Salesforce revoked its tokens.");
        assertThat(org.host().sessions().session(token)).as("the emulator refuses the token").isEmpty();
        try (StateStore store = StateStore.embedded(project.resolve(SyncProject.STATE_DIRECTORY)).open()) {
            assertThat(store.connections().find("local").orElseThrow().secrets().accessToken()).isNull();
        }
        assertThat(connections()).containsPattern("local +custom +Disconnected").contains("fix: sfsync reconnect local");
        ProjectCommandsTest.Result run = sfsync(args("run", "accounts"));
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(run.err()).contains("connection 'local' is disconnected", "fix: run 'sfsync reconnect local'");

        assertThat(connectByPassword("reconnect").exitCode()).isZero();
        assertThat(sfsync(args("run", "accounts")).exitCode()).isZero();
    }

    @Test
    void client_credentials_connect_without_a_person() throws Exception {
        writeConfig("""
                  app:
                    environment: custom
                    login_url: %s
                    client_id: jwt-client
                    client_secret: "${file:jwt.secret}"
                    login: client_credentials
                """.formatted(org.loginUrl()));

        ProjectCommandsTest.Result connect = sfsync(args("connect", "app"));

        assertThat(connect.exitCode()).as(connect.err()).isZero();
        assertThat(connections()).containsPattern("app +custom +Connected");
    }

    @Test
    void two_connections_to_the_same_org_are_warned_about_and_no_check_calls_nothing() {
        connectByPassword("connect");
        sfsync(args("connect", "robot"));
        assertThat(connections()).contains("warning: connections local and robot point at the same org (" + org.host().org().id() + ")");

        long used = org.apiRequestsUsed();
        String stored = sfsync(args("connections", "--no-check")).out();
        assertThat(stored).containsPattern("local +custom +Connected").contains("as last seen at", "(not checked now)");
        assertThat(org.apiRequestsUsed()).isEqualTo(used);
    }

    private static KeyPair keys() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
