package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.Environment;
import dev.sfsync.emulator.org.UserAccount;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer: an assertion signed with the key whose certificate the app
 * holds, iss = client id, sub = username, aud = the login host. No client secret and no refresh token.
 */
final class JwtBearerGrant {
    private final OrgHost host;

    JwtBearerGrant(OrgHost host) {
        this.host = host;
    }

    Map<String, String> exchange(Map<String, String> form) {
        JwtAssertion jwt = JwtAssertion.parse(form.get("assertion"));
        ConnectedApp app = host.org().connectedApp(jwt.issuer()).orElseThrow(OAuthError::invalidClientId);
        if (app.blocked()) {
            throw OAuthError.appBlocked();
        }
        // Salesforce answers a signature its certificate can't verify (wrong key, no certificate) the same way.
        if (!jwt.signedBy(app.certificateKey())) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        if (jwt.audiences().stream().map(JwtBearerGrant::trimSlash).noneMatch(acceptedAudiences()::contains)) {
            throw OAuthError.invalidGrant("audience is invalid");
        }
        Instant now = host.org().clock().instant();
        if (jwt.expiry().map(exp -> !now.isBefore(exp)).orElse(true)) {
            throw OAuthError.invalidGrant("expired authorization code");
        }
        UserAccount user = jwt.subject() == null ? null : host.org().user(jwt.subject()).orElse(null);
        if (user == null) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        ClientAuthentication.active(user);
        // Nobody can approve on a consent page here: the app must be admin-approved (autoApprove) or approved before.
        if (!app.autoApprove() && !host.sessions().approved(user, app)) {
            throw OAuthError.invalidGrant("user hasn't approved this consumer");
        }
        Session session = host.sessions().issue(user, app, Scopes.API_ONLY, null);
        return TokenResponse.of(host, session, null);
    }

    /** The login host of the org's kind (login. for production, test. for sandboxes), or the org's own URL (My Domain). */
    private Set<String> acceptedAudiences() {
        String loginHost = host.org().environment() == Environment.SANDBOX ? "https://test.salesforce.com" : "https://login.salesforce.com";
        return Set.of(loginHost, trimSlash(host.baseUrl()));
    }

    private static String trimSlash(String url) {
        return url != null && url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
