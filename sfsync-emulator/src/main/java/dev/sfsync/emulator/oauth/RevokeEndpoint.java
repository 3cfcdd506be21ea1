package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Exchange;

/**
 * /services/oauth2/revoke: POST token=… (form) or GET ?token=…. An access token ends alone; a refresh token takes its
 * access tokens with it. 200 with an empty body when done, 400 invalid_token for a token the org doesn't know.
 */
final class RevokeEndpoint {
    private final OrgHost host;

    RevokeEndpoint(OrgHost host) {
        this.host = host;
    }

    void revoke(Exchange exchange) {
        String token = exchange.method().equals("POST") ? exchange.formParams().get("token") : exchange.queryParam("token").orElse(null);
        if (!host.sessions().revoke(token)) {
            new OAuthError(400, "invalid_token", "invalid token").render(exchange);
            return;
        }
        exchange.setHeader("Cache-Control", "no-store");
        exchange.send(200, null, new byte[0]);
    }
}
