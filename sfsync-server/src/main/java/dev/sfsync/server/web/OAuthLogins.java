package dev.sfsync.server.web;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.connection.Logins;
import dev.sfsync.engine.project.SecretValues;
import dev.sfsync.salesforce.auth.OAuthTokens;
import dev.sfsync.salesforce.auth.WebServerFlow;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Connect buttons in progress: the OAuth web-server flow with PKCE, started by an admin and ended by Salesforce's
 * redirect to the server's callback. The callback is matched by its {@code state}, which is random, used once and
 * kept 10 minutes: it, not the browser's cookie, ties the answer to the login that asked for it (the cookie does
 * not come along on a redirect from another site when it is SameSite=Strict).
 */
final class OAuthLogins {
    static final String CALLBACK_PATH = "/ui/oauth/callback";
    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private record Pending(ConnectionConfig connection, WebServerFlow flow, WebServerFlow.Authorization authorization, String user, Instant until) {
    }

    /** A login the callback ended: which connection, and the tokens Salesforce gave for it. */
    record Completed(ConnectionConfig connection, OAuthTokens tokens, String user) {
    }

    private final Logins logins;
    private final Path projectDirectory;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    OAuthLogins(Logins logins, Path projectDirectory, Clock clock) {
        this.logins = logins;
        this.projectDirectory = projectDirectory;
        this.clock = clock;
    }

    /** Where to send the browser: Salesforce's authorize page, which returns to {@code serverUrl} + {@value #CALLBACK_PATH}. */
    String begin(ConnectionConfig connection, String serverUrl, String user) {
        pending.values().removeIf(p -> p.until().isBefore(clock.instant()));
        String secret = SecretValues.resolve(connection.clientSecret(), projectDirectory);
        WebServerFlow flow = logins.builder(connection).webServerFlow(connection.clientId(), secret, "api refresh_token");
        WebServerFlow.Authorization authorization = flow.begin(serverUrl + CALLBACK_PATH);
        pending.put(authorization.state(), new Pending(connection, flow, authorization, user, clock.instant().plus(PATIENCE)));
        return authorization.authorizeUrl().toString();
    }

    /** Ends the login the callback's state names: checks state (and so PKCE's verifier), redeems the code, stores the tokens. */
    Completed complete(Map<String, String> callback) {
        String state = callback.get("state");
        Pending login = state == null ? null : pending.remove(state);
        if (login == null || login.until().isBefore(clock.instant())) {
            throw WebProblem.badRequest("this Salesforce answer matches no login started here in the last 10 minutes (or it was used already)",
                    "start again with Connect or Reconnect on the Connections page");
        }
        OAuthTokens tokens = login.flow().complete(login.authorization(), callback);
        logins.remember(login.connection(), tokens, null);
        return new Completed(login.connection(), tokens, login.user());
    }

    Optional<String> connectionOf(String state) {
        return Optional.ofNullable(state).map(pending::get).map(p -> p.connection().name());
    }
}
