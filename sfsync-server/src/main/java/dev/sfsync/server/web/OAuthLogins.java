package dev.sfsync.server.web;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.connection.Logins;
import dev.sfsync.engine.project.SecretValues;
import dev.sfsync.salesforce.auth.OAuthTokens;
import dev.sfsync.salesforce.auth.Pkce;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.store.secret.SecretCipher;
import dev.sfsync.salesforce.auth.WebServerFlow;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Connect buttons in progress: the OAuth web-server flow with PKCE, started by an admin and ended by Salesforce's
 * redirect to the server's callback. The callback is matched by its {@code state}, which is random, used once and
 * kept 10 minutes: it, not the browser's cookie, ties the answer to the login that asked for it (the cookie does
 * not come along on a redirect from another site when it is SameSite=Strict). Logins wait in the server database, so
 * that in a team the callback may reach another node than the one the Connect button was pressed on; the PKCE verifier
 * is encrypted there with the state store's key.
 */
final class OAuthLogins {
    static final String CALLBACK_PATH = "/ui/oauth/callback";
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private record Pending(String connection, WebServerFlow.Authorization authorization, String user, Instant until) {
    }

    /** A login the callback ended: which connection, and the tokens Salesforce gave for it. */
    record Completed(ConnectionConfig connection, OAuthTokens tokens, String user) {
    }

    private final Logins logins;
    private final Map<String, ConnectionConfig> connections;
    private final Path projectDirectory;
    private final ServerDatabase db;
    private final SecretCipher cipher;
    private final Clock clock;

    /** @param cipher the state store's encryption, for the PKCE verifier kept in the database (every node shares the key) */
    OAuthLogins(Logins logins, Map<String, ConnectionConfig> connections, Path projectDirectory, ServerDatabase db, SecretCipher cipher, Clock clock) {
        this.logins = logins;
        this.connections = connections;
        this.projectDirectory = projectDirectory;
        this.db = db;
        this.cipher = cipher;
        this.clock = clock;
    }

    /** Where to send the browser: Salesforce's authorize page, which returns to {@code serverUrl} + {@value #CALLBACK_PATH}. */
    String begin(ConnectionConfig connection, String serverUrl, String user) {
        db.update("DELETE FROM oauth_logins WHERE expires_at < ?", clock.millis());
        WebServerFlow.Authorization authorization = flow(connection).begin(serverUrl + CALLBACK_PATH);
        db.update("INSERT INTO oauth_logins (state, connection, redirect_uri, code_verifier, started_by, expires_at) VALUES (?, ?, ?, ?, ?, ?)",
                authorization.state(), connection.name(), authorization.redirectUri(),
                cipher.encrypt(authorization.pkce().verifier(), verifierContext(authorization.state())), user,
                clock.instant().plus(PATIENCE).toEpochMilli());
        return authorization.authorizeUrl().toString();
    }

    /** Ends the login the callback's state names: checks state (and so PKCE's verifier), redeems the code, stores the tokens. */
    Completed complete(Map<String, String> callback) {
        String state = callback.get("state");
        Pending login = state == null ? null : find(state).orElse(null);
        // Deleting the row is what makes the state single-use, across nodes too: only one callback gets to delete it.
        if (login == null || login.until().isBefore(clock.instant()) || db.update("DELETE FROM oauth_logins WHERE state = ?", state) != 1
                || !connections.containsKey(login.connection())) {
            throw WebProblem.badRequest("this Salesforce answer matches no login started here in the last 10 minutes (or it was used already)",
                    "start again with Connect or Reconnect on the Connections page");
        }
        ConnectionConfig connection = connections.get(login.connection());
        OAuthTokens tokens = flow(connection).complete(login.authorization(), callback);
        logins.remember(connection, tokens, null);
        return new Completed(connection, tokens, login.user());
    }

    Optional<String> connectionOf(String state) {
        return Optional.ofNullable(state).flatMap(this::find).map(Pending::connection);
    }

    private WebServerFlow flow(ConnectionConfig connection) {
        String secret = SecretValues.resolve(connection.clientSecret(), projectDirectory);
        return logins.builder(connection).webServerFlow(connection.clientId(), secret, "api refresh_token");
    }

    private Optional<Pending> find(String state) {
        return db.queryOne("SELECT connection, redirect_uri, code_verifier, started_by, expires_at FROM oauth_logins WHERE state = ?",
                rs -> new Pending(rs.getString(1), new WebServerFlow.Authorization(null, rs.getString(2), state,
                        Pkce.ofVerifier(cipher.decrypt(rs.getString(3), verifierContext(state)))), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5))),
                state);
    }

    /** Binds the encrypted verifier to its login: copied into another row, it does not decrypt. */
    private static String verifierContext(String state) {
        return "oauth_logins/" + state + "/code_verifier";
    }
}
