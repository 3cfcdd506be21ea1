package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.UserAccount;

import java.util.Map;

/**
 * POST /services/oauth2/token: picks the grant and answers with Salesforce's token body or its
 * {@code {"error","error_description"}} (HTTP 400 for every token error, as Salesforce does).
 */
final class TokenEndpoint {
    static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

    private final OrgHost host;
    private final AuthorizationCodeGrant authorizationCode;
    private final JwtBearerGrant jwtBearer;

    TokenEndpoint(OrgHost host) {
        this.host = host;
        this.authorizationCode = new AuthorizationCodeGrant(host);
        this.jwtBearer = new JwtBearerGrant(host);
    }

    void token(Exchange exchange) {
        try {
            Map<String, String> form = exchange.formParams();
            ClientAuthentication client = ClientAuthentication.of(host.org(), exchange, form);
            String grantType = form.get("grant_type");
            Map<String, String> body = switch (grantType == null ? "" : grantType) {
                case "authorization_code" -> authorizationCode.exchange(form, client);
                case "refresh_token" -> refresh(form, client);
                case "password" -> password(form, client);
                case JWT_BEARER -> jwtBearer.exchange(form);
                case "client_credentials" -> clientCredentials(client);
                default -> throw new OAuthError(400, "unsupported_grant_type", "grant type not supported");
            };
            exchange.setHeader("Cache-Control", "no-store");
            exchange.json(200, body);
        } catch (OAuthError e) {
            e.render(exchange);
        }
    }

    /** The token endpoint only takes POST; Salesforce says so in OAuth's format rather than with a 405. */
    void wrongMethod(Exchange exchange) {
        new OAuthError(400, "invalid_request", "must use HTTP POST").render(exchange);
    }

    /** Username-password flow: secret required, no refresh token issued. */
    private Map<String, String> password(Map<String, String> form, ClientAuthentication client) {
        ConnectedApp app = client.authenticatedApp();
        String username = form.get("username");
        UserAccount user = username == null ? null : host.org().user(username).orElse(null);
        if (user == null || !passwordMatches(user, form.get("password"))) {
            throw OAuthError.invalidGrant("authentication failure");
        }
        ClientAuthentication.active(user);
        Session session = host.sessions().issue(user, app, Scopes.granted(form.get("scope")), null);
        return TokenResponse.of(host, session, null);
    }

    /**
     * Refresh token flow. The secret is checked when sent but not required: Salesforce lets an app drop "Require Secret
     * for Refresh Token Flow", and public clients (the CLI, mobile apps) refresh without one. A new refresh token only
     * when the app rotates them.
     */
    private Map<String, String> refresh(Map<String, String> form, ClientAuthentication client) {
        ConnectedApp app = client.app();
        client.checkSecret(app);
        Sessions.RefreshGrant grant = host.sessions().refreshGrant(form.get("refresh_token"))
                .filter(g -> g.app().clientId().equals(app.clientId()))
                .orElseThrow(() -> OAuthError.invalidGrant("expired access/refresh token"));
        UserAccount user = ClientAuthentication.active(current(grant.user()));
        Sessions.RefreshGrant next = app.rotateRefreshTokens() ? host.sessions().rotate(grant) : grant;
        Session session = host.sessions().issue(user, app, grant.scope(), next.token());
        return TokenResponse.of(host, session, app.rotateRefreshTokens() ? next.token() : null);
    }

    /**
     * Client credentials flow: the app acts as its run-as user. ConnectedApp has no run-as user yet, so the org's
     * default user stands in. No refresh token.
     */
    private Map<String, String> clientCredentials(ClientAuthentication client) {
        ConnectedApp app = client.authenticatedApp();
        UserAccount user = ClientAuthentication.active(current(host.org().defaultUser()));
        Session session = host.sessions().issue(user, app, Scopes.API_ONLY, null);
        return TokenResponse.of(host, session, null);
    }

    /** The user as the org knows it now (it may have been deactivated since the grant). */
    private UserAccount current(UserAccount user) {
        return host.org().user(user.username()).orElse(user);
    }

    static boolean passwordMatches(UserAccount user, String given) {
        return Passwords.matches(user, given);
    }
}
