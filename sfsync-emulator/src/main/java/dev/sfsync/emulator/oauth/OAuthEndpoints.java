package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Router;

/** /services/oauth2/authorize, token, revoke, userinfo and the identity URL. */
public final class OAuthEndpoints {
    private final AuthorizeEndpoint authorize;
    private final TokenEndpoint token;
    private final RevokeEndpoint revoke;
    private final IdentityEndpoints identity;

    public OAuthEndpoints(OrgHost host) {
        this.authorize = new AuthorizeEndpoint(host);
        this.token = new TokenEndpoint(host);
        this.revoke = new RevokeEndpoint(host);
        this.identity = new IdentityEndpoints(host);
    }

    public void register(Router router) {
        router.on("GET", "/services/oauth2/authorize", (ex, m) -> authorize.start(ex));
        router.on("POST", "/services/oauth2/authorize", (ex, m) -> authorize.answer(ex));
        router.on("POST", "/services/oauth2/token", (ex, m) -> token.token(ex));
        router.on("GET", "/services/oauth2/token", (ex, m) -> token.wrongMethod(ex));
        router.on("POST", "/services/oauth2/revoke", (ex, m) -> revoke.revoke(ex));
        router.on("GET", "/services/oauth2/revoke", (ex, m) -> revoke.revoke(ex));
        router.on("GET", "/services/oauth2/userinfo", (ex, m) -> identity.userinfo(ex));
        router.on("POST", "/services/oauth2/userinfo", (ex, m) -> identity.userinfo(ex));
        router.on("GET", "/id/([^/]+)/([^/]+)/?", (ex, m) -> identity.identity(ex, m.group(1), m.group(2)));
        router.on("POST", "/id/([^/]+)/([^/]+)/?", (ex, m) -> identity.identity(ex, m.group(1), m.group(2)));
    }
}
