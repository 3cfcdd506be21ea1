package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.http.Exchange;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure of the token or revoke endpoint. OAuth endpoints answer {@code {"error","error_description"}} rather than
 * the REST API's error array, so they catch this themselves instead of throwing ApiException.
 */
final class OAuthError extends RuntimeException {
    private final int status;
    private final String error;
    private final String description;

    OAuthError(int status, String error, String description) {
        super(error + ": " + description, null, false, false);
        this.status = status;
        this.error = error;
        this.description = description;
    }

    static OAuthError invalidGrant(String description) {
        return new OAuthError(400, "invalid_grant", description);
    }

    static OAuthError invalidClientId() {
        return new OAuthError(400, "invalid_client_id", "client identifier invalid");
    }

    static OAuthError invalidClient() {
        return new OAuthError(400, "invalid_client", "invalid client credentials");
    }

    static OAuthError appBlocked() {
        return new OAuthError(400, "OAUTH_APP_BLOCKED", "this app is blocked by admin");
    }

    static OAuthError inactiveUser() {
        return new OAuthError(400, "inactive_user", "user is inactive");
    }

    String error() {
        return error;
    }

    String description() {
        return description;
    }

    void render(Exchange exchange) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        // Token answers must not be cached (RFC 6749 5.1); Salesforce sends this on errors too.
        exchange.setHeader("Cache-Control", "no-store");
        exchange.json(status, body);
    }
}
