package dev.sfsync.emulator.org;

import java.security.PublicKey;
import java.util.List;
import java.util.Objects;

/**
 * A connected app that may request tokens. {@code certificateKey} verifies JWT bearer assertions; a blocked app
 * gets OAUTH_APP_BLOCKED; {@code autoApprove} skips the consent page of the web-server flow;
 * {@code rotateRefreshTokens} is the app's "Enable Refresh Token Rotation": each refresh answers with a new refresh
 * token and the one it used stops working.
 */
public record ConnectedApp(String name, String clientId, String clientSecret, List<String> redirectUris,
                           PublicKey certificateKey, boolean blocked, boolean autoApprove, boolean rotateRefreshTokens) {
    public ConnectedApp {
        Objects.requireNonNull(clientId, "clientId is null");
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    }

    /** An app that keeps its refresh tokens (Salesforce's default). */
    public ConnectedApp(String name, String clientId, String clientSecret, List<String> redirectUris, PublicKey certificateKey,
                        boolean blocked, boolean autoApprove) {
        this(name, clientId, clientSecret, redirectUris, certificateKey, blocked, autoApprove, false);
    }

    public boolean allowsRedirect(String uri) {
        return redirectUris.isEmpty() || redirectUris.contains(uri);
    }
}
