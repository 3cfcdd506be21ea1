package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Router;

/** /services/oauth2/authorize, token, revoke, userinfo and the identity URL. */
public final class OAuthEndpoints {
    private final OrgHost host;

    public OAuthEndpoints(OrgHost host) {
        this.host = host;
    }

    public void register(Router router) {
    }
}
