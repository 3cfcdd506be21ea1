package dev.sfsync.salesforce.auth;

import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.ReconnectNeeded;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.internal.Redactor;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The live login of one connection: the current tokens, renewed through the credentials when Salesforce rejects
 * the access token. Renewal happens once per rejected token, however many threads saw the rejection; a grant that
 * is gone (ReconnectNeeded) is remembered, so every later call fails at once instead of asking the token endpoint
 * again. Thread-safe.
 */
public final class Session {
    private final Credentials credentials;
    private final TokenEndpoint endpoint;
    private final Redactor redactor;
    private final Consumer<OAuthTokens> onNewTokens;
    private final TokenRenewal renewal;
    private OAuthTokens tokens;
    private SalesforceException ended;

    /**
     * @param initial     tokens already held (e.g. from the web-server flow or storage), or null to obtain them on first use
     * @param onNewTokens told about every new token response, e.g. to store a rotated refresh token
     */
    public Session(Credentials credentials, TokenEndpoint endpoint, Redactor redactor, OAuthTokens initial, Consumer<OAuthTokens> onNewTokens) {
        this(credentials, endpoint, redactor, initial, onNewTokens, TokenRenewal.DIRECT);
    }

    /** @param renewal how renewal is shared with other holders of the same grant */
    public Session(Credentials credentials, TokenEndpoint endpoint, Redactor redactor, OAuthTokens initial, Consumer<OAuthTokens> onNewTokens,
                   TokenRenewal renewal) {
        this.renewal = Objects.requireNonNull(renewal, "renewal is null");
        this.credentials = Objects.requireNonNull(credentials, "credentials is null");
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint is null");
        this.redactor = Objects.requireNonNull(redactor, "redactor is null");
        this.onNewTokens = Objects.requireNonNull(onNewTokens, "onNewTokens is null");
        this.tokens = initial;
        if (initial != null) {
            redactor.remember(initial.accessToken());
            redactor.remember(initial.refreshToken());
        }
    }

    public synchronized OAuthTokens tokens() {
        if (ended != null) {
            throw ended;
        }
        if (tokens == null) {
            replace(obtain(null));
        }
        return tokens;
    }

    public String accessToken() {
        return tokens().accessToken();
    }

    public URI instanceUrl() {
        return tokens().instanceUrl();
    }

    /**
     * Called when Salesforce rejected {@code rejectedToken}. Renews unless another thread already did; a failed renewal
     * that needs a person (revoked or expired refresh token, deactivated user) ends the session for good.
     */
    public synchronized void renewAfterRejection(String rejectedToken) {
        if (ended != null) {
            throw ended;
        }
        if (tokens != null && !tokens.accessToken().equals(rejectedToken)) {
            return;
        }
        replace(obtain(tokens));
    }

    /** Revokes the grant at Salesforce (the refresh token if there is one, else the access token) and ends the session. */
    public synchronized void revoke() {
        if (tokens != null) {
            endpoint.revoke(tokens.refreshToken() != null ? tokens.refreshToken() : tokens.accessToken());
        }
        ended = SalesforceException.of(new SalesforceException.Failure("use of a disconnected session", 0, ErrorKind.RECONNECT_NEEDED,
                List.of(new SalesforceError("DISCONNECTED", "this connection was disconnected and its tokens revoked"))), null);
    }

    /** Whether the credentials can get a new access token by themselves (not a bare token or a password login's token). */
    public boolean canRenew() {
        return !(credentials instanceof Credentials.AccessToken);
    }

    public boolean reconnectNeeded() {
        synchronized (this) {
            return ended instanceof ReconnectNeeded;
        }
    }

    private OAuthTokens obtain(OAuthTokens current) {
        try {
            return renewal.renew(current, newest -> credentials.obtain(endpoint, newest));
        } catch (ReconnectNeeded e) {
            ended = e;
            throw e;
        }
    }

    private void replace(OAuthTokens fresh) {
        redactor.remember(fresh.accessToken());
        redactor.remember(fresh.refreshToken());
        tokens = fresh;
        onNewTokens.accept(fresh);
    }

    static SalesforceException notRenewable() {
        return SalesforceException.of(new SalesforceException.Failure("renewing the session", 0, ErrorKind.AUTHENTICATION,
                List.of(new SalesforceError("SESSION_NOT_RENEWABLE", "the access token expired and this connection was given no way to get another"))), null);
    }
}
