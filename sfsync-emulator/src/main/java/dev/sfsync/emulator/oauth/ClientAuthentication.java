package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.UserAccount;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;

/**
 * The checks every grant shares, with Salesforce's answers: which app is asking (client_id, or HTTP Basic as RFC 6749
 * allows), whether it proved its secret, whether it is blocked, whether the user may still log in.
 */
final class ClientAuthentication {
    private final Org org;
    private final String clientId;
    private final String clientSecret;

    private ClientAuthentication(Org org, String clientId, String clientSecret) {
        this.org = org;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** Reads client_id/client_secret from the form, falling back to an Authorization: Basic header. */
    static ClientAuthentication of(Org org, Exchange exchange, Map<String, String> form) {
        String id = blankToNull(form.get("client_id"));
        String secret = blankToNull(form.get("client_secret"));
        String header = exchange.header("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon > 0) {
                    id = id == null ? decoded.substring(0, colon) : id;
                    secret = secret == null ? blankToNull(decoded.substring(colon + 1)) : secret;
                }
            } catch (IllegalArgumentException notBase64) {
                // A malformed header proves nothing; the form fields decide.
            }
        }
        return new ClientAuthentication(org, id, secret);
    }

    boolean hasSecret() {
        return clientSecret != null;
    }

    /** The app named by client_id; unknown → invalid_client_id, blocked → OAUTH_APP_BLOCKED. */
    ConnectedApp app() {
        return known(clientId);
    }

    /** The app, which must also have presented its secret. */
    ConnectedApp authenticatedApp() {
        ConnectedApp app = app();
        if (!hasSecret()) {
            throw OAuthError.invalidClient();
        }
        checkSecret(app);
        return app;
    }

    /** A wrong secret fails even in flows where none is required. */
    void checkSecret(ConnectedApp app) {
        if (hasSecret() && !constantTimeEquals(clientSecret, app.clientSecret())) {
            throw OAuthError.invalidClient();
        }
    }

    ConnectedApp known(String id) {
        ConnectedApp app = org.connectedApp(id).orElseThrow(OAuthError::invalidClientId);
        if (app.blocked()) {
            throw OAuthError.appBlocked();
        }
        return app;
    }

    static UserAccount active(UserAccount user) {
        if (!user.active()) {
            throw OAuthError.inactiveUser();
        }
        return user;
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return expected != null && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static String blankToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
