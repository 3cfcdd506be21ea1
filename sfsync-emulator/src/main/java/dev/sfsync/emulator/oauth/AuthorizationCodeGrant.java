package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.UserAccount;

import java.util.Map;
import java.util.Objects;

/**
 * grant_type=authorization_code, the second half of the web-server flow. The client secret is required unless the
 * code was issued with a PKCE challenge and the request proves it with code_verifier.
 */
final class AuthorizationCodeGrant {
    private final OrgHost host;

    AuthorizationCodeGrant(OrgHost host) {
        this.host = host;
    }

    Map<String, String> exchange(Map<String, String> form, ClientAuthentication client) {
        ConnectedApp app = client.app();
        client.checkSecret(app);
        String verifier = form.get("code_verifier");
        if (!client.hasSecret() && verifier == null) {
            throw OAuthError.invalidClient();
        }
        String codeText = form.get("code");
        // A code works once: redeeming it removes it, so a second try (or a late one) lands here.
        Sessions.AuthorizationCode code = host.sessions().consumeCode(codeText).orElseThrow(() ->
                OAuthError.invalidGrant(host.sessions().spent(codeText) ? "expired authorization code" : "invalid authorization code"));
        if (!code.app().clientId().equals(app.clientId())) {
            throw OAuthError.invalidGrant("invalid authorization code");
        }
        if (!Objects.equals(code.redirectUri(), form.get("redirect_uri"))) {
            throw new OAuthError(400, "redirect_uri_mismatch", "redirect_uri must match configuration");
        }
        if (code.codeChallenge() != null) {
            if (!Pkce.verifies(code.codeChallenge(), verifier)) {
                throw OAuthError.invalidGrant("invalid code verifier");
            }
        } else if (!client.hasSecret()) {
            // A verifier without a challenge proves nothing, so the secret is still owed.
            throw OAuthError.invalidClient();
        }
        UserAccount user = ClientAuthentication.active(host.org().user(code.user().username()).orElse(code.user()));
        String refreshToken = null;
        if (Scopes.allowsRefresh(code.scope())) {
            refreshToken = host.sessions().issueRefresh(user, app, code.scope()).token();
        }
        Session session = host.sessions().issue(user, app, code.scope(), refreshToken);
        return TokenResponse.of(host, session, refreshToken);
    }
}
