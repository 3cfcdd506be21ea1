package dev.sfsync.salesforce.auth;

import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.internal.ErrorResponses;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The OAuth 2.0 web-server flow with PKCE. A server uses {@link #begin} and {@link #complete} around its own
 * redirect; the CLI uses {@link #authorizeWithLocalCallback}, which listens on 127.0.0.1 for the browser's return.
 */
public final class WebServerFlow {
    private final TokenEndpoint endpoint;
    private final String clientId;
    private final String clientSecret;
    private final String scope;

    /**
     * @param clientSecret may be null: with PKCE, Salesforce can redeem the code without the secret (if the app allows)
     * @param scope        e.g. "api refresh_token"; refresh_token is what lets the connection outlive the session
     */
    public WebServerFlow(TokenEndpoint endpoint, String clientId, String clientSecret, String scope) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint is null");
        this.clientId = Objects.requireNonNull(clientId, "clientId is null");
        this.clientSecret = clientSecret;
        this.scope = Objects.requireNonNull(scope, "scope is null");
    }

    /** One authorization in progress: the URL to send the user to, and what the callback must be checked against. */
    public record Authorization(URI authorizeUrl, String redirectUri, String state, Pkce pkce) {
        @Override
        public String toString() {
            return "Authorization[authorizeUrl=" + authorizeUrl + "]";
        }
    }

    public Authorization begin(String redirectUri) {
        Pkce pkce = Pkce.generate();
        String state = Pkce.randomState();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", redirectUri);
        params.put("scope", scope);
        params.put("state", state);
        params.put("code_challenge", pkce.challenge());
        params.put("code_challenge_method", "S256");
        String query = params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return new Authorization(endpoint.loginHost().resolve("/services/oauth2/authorize?" + query), redirectUri, state, pkce);
    }

    /** Checks the callback's state and redeems its code; an {@code error} in the callback becomes a typed exception. */
    public OAuthTokens complete(Authorization authorization, Map<String, String> callbackParams) {
        String error = callbackParams.get("error");
        if (error != null) {
            SalesforceError cause = new SalesforceError(error, callbackParams.getOrDefault("error_description", ""));
            throw fail(ErrorResponses.classify(0, cause), cause);
        }
        if (!authorization.state().equals(callbackParams.get("state"))) {
            throw fail(ErrorKind.AUTHENTICATION, new SalesforceError("STATE_MISMATCH",
                    "the callback's state does not match the authorization this client started; start the login again"));
        }
        String code = callbackParams.get("code");
        if (code == null || code.isBlank()) {
            throw fail(ErrorKind.AUTHENTICATION, new SalesforceError("MISSING_CODE", "the callback carried no authorization code"));
        }
        return endpoint.authorizationCode(clientId, clientSecret, code, authorization.redirectUri(), authorization.pkce().verifier());
    }

    /**
     * The CLI's login: listens on 127.0.0.1:{@code port}, hands the authorize URL to {@code showUrl} (print it, open a
     * browser), waits for the redirect, and redeems the code.
     */
    public OAuthTokens authorizeWithLocalCallback(int port, String path, Consumer<URI> showUrl, Duration timeout) throws InterruptedException {
        try (LocalCallbackListener listener = LocalCallbackListener.open(port, path)) {
            Authorization authorization = begin(listener.redirectUri());
            listener.expectState(authorization.state());
            showUrl.accept(authorization.authorizeUrl());
            Map<String, String> params = listener.await(timeout).orElseThrow(() -> fail(ErrorKind.AUTHENTICATION,
                    new SalesforceError("AUTHORIZATION_TIMEOUT", "no answer from the browser within " + timeout.toSeconds()
                            + " s; open the printed URL, log in and allow access, or run the login again")));
            return complete(authorization, params);
        }
    }

    private static SalesforceException fail(ErrorKind kind, SalesforceError error) {
        return SalesforceException.of(new SalesforceException.Failure("OAuth authorize", 0, kind, List.of(error)), null);
    }
}
