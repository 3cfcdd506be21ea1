package dev.sfsync.emulator.org;

import java.security.PublicKey;
import java.util.List;
import java.util.Objects;

/**
 * A connected app that may request tokens. {@code certificateKey} verifies JWT bearer assertions; a blocked app
 * gets OAUTH_APP_BLOCKED; {@code autoApprove} skips the consent page of the web-server flow.
 */
public record ConnectedApp(String name, String clientId, String clientSecret, List<String> redirectUris,
                           PublicKey certificateKey, boolean blocked, boolean autoApprove) {
    public ConnectedApp {
        Objects.requireNonNull(clientId, "clientId is null");
        redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
    }

    public boolean allowsRedirect(String uri) {
        return redirectUris.isEmpty() || redirectUris.contains(uri);
    }
}
