package dev.sfsync.engine.connection;

import dev.sfsync.engine.config.ConnectionConfig;
import dev.sfsync.engine.config.LoginConfig;
import dev.sfsync.engine.project.SecretValues;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.auth.LoginHost;
import dev.sfsync.salesforce.auth.OAuthTokens;
import dev.sfsync.salesforce.auth.PrivateKeys;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.salesforce.retry.Sleeper;
import dev.sfsync.store.SalesforceConnection;
import dev.sfsync.store.StateStore;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Clients for a project's connections, logging in the way each connection's {@code login:} says: from the tokens
 * 'sfsync connect' stored (web-server and password logins), or by themselves (JWT bearer, client credentials). Renewal
 * is shared through the store ({@link SharedRenewal}), and the connection's quota reserve applies to every call.
 */
public final class Logins {
    private final StateStore store;
    private final Path projectDirectory;
    private final Path stateDirectory;
    private final Sleeper sleeper;

    /** The logins of a project's connections over its store, as the CLI's commands and {@code sfsync serve} make them. */
    public static Logins of(dev.sfsync.engine.config.ProjectConfig config, StateStore store, Sleeper sleeper) {
        Path directory = config.directory();
        return new Logins(store, directory, directory.resolve(dev.sfsync.engine.project.SyncProject.STATE_DIRECTORY), sleeper);
    }

    public Logins(StateStore store, Path projectDirectory, Path stateDirectory, Sleeper sleeper) {
        this.store = store;
        this.projectDirectory = projectDirectory;
        this.stateDirectory = stateDirectory;
        this.sleeper = sleeper;
    }

    /** A client for the connection; throws {@link NotConnected} when it needs a stored login it does not have. */
    public SalesforceClient client(ConnectionConfig connection, ExchangeListener listener) {
        Optional<SalesforceConnection> stored = store.connections().find(connection.name());
        SalesforceClient.Builder builder = builder(connection).listener(listener).quotaReserve(connection.reserve())
                .tokenRenewal(new SharedRenewal(store, connection.name(), stateDirectory));
        if (stored.isPresent()) {
            OAuthTokens tokens = SharedRenewal.tokensOf(stored.get());
            if (tokens != null) {
                builder.tokens(tokens);
            }
        }
        return builder.credentials(credentials(connection, stored)).build();
    }

    /**
     * Logs in by the connection's own means (JWT bearer, client credentials) and stores the result; for web-server and
     * password logins, which need a person, use {@link #remember} after the login.
     */
    public SalesforceConnection loginUnattended(ConnectionConfig connection) {
        if (connection.login().flow() != LoginConfig.Flow.JWT_BEARER && connection.login().flow() != LoginConfig.Flow.CLIENT_CREDENTIALS) {
            throw new IllegalArgumentException("connection '" + connection.name() + "' logs in with " + connection.login().flow().configName()
                    + ", which needs a person");
        }
        try (SalesforceClient client = builder(connection).credentials(machineCredentials(connection)).build()) {
            OAuthTokens tokens = client.session().tokens();
            return remember(connection, tokens, connection.login().username().orElse(null));
        }
    }

    /** Stores a fresh login: the tokens encrypted, the connection CONNECTED from now. */
    public SalesforceConnection remember(ConnectionConfig connection, OAuthTokens tokens, String username) {
        String clientSecret = SecretValues.resolve(connection.clientSecret(), projectDirectory);
        SalesforceConnection.Environment environment = connection.environment() == ConnectionConfig.Environment.SANDBOX
                ? SalesforceConnection.Environment.SANDBOX : SalesforceConnection.Environment.PRODUCTION;
        return store.connections().save(new SalesforceConnection(connection.name(), environment, connection.loginUrl(),
                tokens.instanceUrl().toString(), connection.clientId(), username, tokens.orgId().orElse(null),
                SalesforceConnection.Status.CONNECTED, null, new SalesforceConnection.Secrets(tokens.accessToken(), tokens.refreshToken(), clientSecret),
                null, new SalesforceConnection.Health(null, null, null, tokens.userId().orElse(null), connection.login().flow().configName())));
    }

    /** A builder for the connection's login host and API version, for a login flow to start from. */
    public SalesforceClient.Builder builder(ConnectionConfig connection) {
        SalesforceClient.Builder builder = SalesforceClient.builder().loginHost(LoginHost.of(connection.loginUrl())).sleeper(sleeper);
        connection.apiVersion().ifPresent(builder::apiVersion);
        return builder;
    }

    private Credentials credentials(ConnectionConfig connection, Optional<SalesforceConnection> stored) {
        LoginConfig.Flow flow = connection.login().flow();
        if (flow == LoginConfig.Flow.JWT_BEARER || flow == LoginConfig.Flow.CLIENT_CREDENTIALS) {
            if (stored.map(s -> s.status() == SalesforceConnection.Status.DISCONNECTED).orElse(false)) {
                throw new NotConnected(connection.name(), true);
            }
            return machineCredentials(connection);
        }
        SalesforceConnection login = stored.filter(s -> s.secrets().accessToken() != null || s.secrets().refreshToken() != null)
                .orElseThrow(() -> new NotConnected(connection.name(), stored.isPresent()));
        SalesforceConnection.Secrets secrets = login.secrets();
        return secrets.refreshToken() != null
                ? Credentials.refreshToken(login.clientId(), secrets.clientSecret(), secrets.refreshToken())
                : Credentials.accessToken(secrets.accessToken(), URI.create(login.instanceUrl()));
    }

    private Credentials machineCredentials(ConnectionConfig connection) {
        String secret = SecretValues.resolve(connection.clientSecret(), projectDirectory);
        if (connection.login().flow() == LoginConfig.Flow.CLIENT_CREDENTIALS) {
            return Credentials.clientCredentials(connection.clientId(), secret);
        }
        String pem = SecretValues.resolve(connection.login().privateKey().orElseThrow(), projectDirectory);
        return Credentials.jwtBearer(connection.clientId(), connection.login().username().orElseThrow(), PrivateKeys.fromPem(pem));
    }

    /** The connection has no stored login (never connected, or disconnected). */
    public static final class NotConnected extends dev.sfsync.core.SfsyncException {
        NotConnected(String name, boolean disconnected) {
            super(disconnected ? "connection '" + name + "' is disconnected" : "connection '" + name + "' is not connected yet",
                    disconnected ? "run 'sfsync reconnect " + name + "'" : "run 'sfsync connect " + name + "'");
        }
    }
}
