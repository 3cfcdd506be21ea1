package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.UserAccount;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * /services/oauth2/authorize: the web-server flow (response_type=code, with PKCE) and the user-agent flow
 * (response_type=token). GET starts it; the consent page's form POSTs back here.
 */
final class AuthorizeEndpoint {
    private final OrgHost host;

    AuthorizeEndpoint(OrgHost host) {
        this.host = host;
    }

    void start(Exchange exchange) {
        AuthorizeRequest request = AuthorizeRequest.of(exchange.queryParams());
        Optional<ConnectedApp> app = trustedApp(exchange, request);
        if (app.isEmpty()) {
            return;
        }
        if (app.get().autoApprove() && !request.forcesPage()) {
            UserAccount user = Optional.ofNullable(request.loginHint()).flatMap(host.org()::user).orElse(host.org().defaultUser());
            approve(exchange, request, app.get(), user);
        } else {
            ConsentPage.show(exchange, app.get().name(), request, request.loginHint(), null);
        }
    }

    /** The consent page's answer: Deny → access_denied; Allow with a good login → approved; a bad login → the page again. */
    void answer(Exchange exchange) {
        Map<String, String> form = exchange.formParams();
        AuthorizeRequest request = AuthorizeRequest.of(form);
        Optional<ConnectedApp> app = trustedApp(exchange, request);
        if (app.isEmpty()) {
            return;
        }
        if (!"Allow".equalsIgnoreCase(form.get("action"))) {
            fail(exchange, request, "access_denied", "end-user denied authorization");
            return;
        }
        String username = form.get("username");
        UserAccount user = username == null ? null : host.org().user(username).orElse(null);
        if (user == null || !user.active() || !TokenEndpoint.passwordMatches(user, form.get("password"))) {
            ConsentPage.show(exchange, app.get().name(), request, username,
                    "Please check your username and password. If you still can't log in, contact your Salesforce administrator.");
            return;
        }
        host.sessions().approve(user, app.get());
        approve(exchange, request, app.get(), user);
    }

    /**
     * The checks made before the callback can be trusted (those answer with an error page), then the ones reported to
     * the callback. Empty when an answer has already been sent.
     */
    private Optional<ConnectedApp> trustedApp(Exchange exchange, AuthorizeRequest request) {
        ConnectedApp app = host.org().connectedApp(request.clientId()).orElse(null);
        if (app == null) {
            ConsentPage.error(exchange, "invalid_client_id", "client identifier invalid");
            return Optional.empty();
        }
        if (request.redirectUri() == null || !app.allowsRedirect(request.redirectUri())) {
            ConsentPage.error(exchange, "redirect_uri_mismatch", "redirect_uri must match configuration");
            return Optional.empty();
        }
        if (app.blocked()) {
            fail(exchange, request, "OAUTH_APP_BLOCKED", "this app is blocked by admin");
            return Optional.empty();
        }
        if (!"code".equals(request.responseType()) && !"token".equals(request.responseType())) {
            fail(exchange, request, "unsupported_response_type", "response type not supported");
            return Optional.empty();
        }
        if (request.codeChallenge() != null && request.codeChallengeMethod() != null && !Pkce.S256.equals(request.codeChallengeMethod())) {
            fail(exchange, request, "invalid_request", "invalid code_challenge_method");
            return Optional.empty();
        }
        return Optional.of(app);
    }

    private void approve(Exchange exchange, AuthorizeRequest request, ConnectedApp app, UserAccount user) {
        String scope = Scopes.granted(request.scope());
        Map<String, String> params = new LinkedHashMap<>();
        if ("code".equals(request.responseType())) {
            // Salesforce only does S256, so a challenge without a method is taken to be S256.
            String method = request.codeChallenge() == null ? null : Pkce.S256;
            Sessions.AuthorizationCode code = host.sessions().issueCode(user, app, request.redirectUri(), scope, request.codeChallenge(), method);
            params.put("code", code.code());
            putState(params, request);
            Redirects.to(exchange, request.redirectUri(), params, false);
        } else {
            // User-agent flow: the token goes in the fragment, which browsers never send to the app's server.
            Session session = host.sessions().issue(user, app, scope, null);
            params.putAll(TokenResponse.of(host, session, null));
            putState(params, request);
            Redirects.to(exchange, request.redirectUri(), params, true);
        }
    }

    private void fail(Exchange exchange, AuthorizeRequest request, String error, String description) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", error);
        params.put("error_description", description);
        putState(params, request);
        Redirects.to(exchange, request.redirectUri(), params, "token".equals(request.responseType()));
    }

    private static void putState(Map<String, String> params, AuthorizeRequest request) {
        if (request.state() != null) {
            params.put("state", request.state());
        }
    }
}
