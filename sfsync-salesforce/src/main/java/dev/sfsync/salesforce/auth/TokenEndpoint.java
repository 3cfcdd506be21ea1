package dev.sfsync.salesforce.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.ApiRequest;
import dev.sfsync.salesforce.internal.ApiRequest.Idempotency;
import dev.sfsync.salesforce.internal.Json;
import dev.sfsync.salesforce.internal.RawResponse;
import dev.sfsync.salesforce.internal.Redactor;
import dev.sfsync.salesforce.internal.RequestBody;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The login host's /services/oauth2/token and /revoke. Every grant posts a form and gets Salesforce's token JSON
 * back; failures come back as {@code {"error","error_description"}} and become typed exceptions (invalid_grant on a
 * refresh is ReconnectNeeded). Every token seen is handed to the redactor before anything can log it.
 */
public final class TokenEndpoint {
    private final LoginHost loginHost;
    private final ApiCaller caller;
    private final Redactor redactor;

    public TokenEndpoint(LoginHost loginHost, ApiCaller caller, Redactor redactor) {
        this.loginHost = Objects.requireNonNull(loginHost, "loginHost is null");
        this.caller = Objects.requireNonNull(caller, "caller is null");
        this.redactor = Objects.requireNonNull(redactor, "redactor is null");
    }

    public LoginHost loginHost() {
        return loginHost;
    }

    /**
     * Redeems a web-server flow code. A code works once, so a lost answer is not retried (ONCE_ONLY): the user
     * must go through the browser again.
     */
    public OAuthTokens authorizationCode(String clientId, String clientSecret, String code, String redirectUri, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return post(form, Idempotency.ONCE_ONLY);
    }

    public OAuthTokens refresh(String clientId, String clientSecret, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return post(form, Idempotency.REPEATABLE);
    }

    public OAuthTokens jwtBearer(String assertion) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
        form.put("assertion", assertion);
        return post(form, Idempotency.REPEATABLE);
    }

    public OAuthTokens clientCredentials(String clientId, String clientSecret) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        return post(form, Idempotency.REPEATABLE);
    }

    public OAuthTokens password(String clientId, String clientSecret, String username, String password) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "password");
        form.put("client_id", clientId);
        form.put("client_secret", clientSecret);
        form.put("username", username);
        form.put("password", password);
        return post(form, Idempotency.REPEATABLE);
    }

    /** Revokes a refresh token (and the access tokens issued from it) or a single access token. */
    public void revoke(String token) {
        redactor.remember(token);
        ApiRequest request = ApiRequest.send("POST", loginHost.resolve("/services/oauth2/revoke").toString(),
                RequestBody.form(Map.of("token", token)), Idempotency.REPEATABLE).withAuth(ApiRequest.Auth.NONE);
        try (RawResponse ignored = caller.call(request)) {
            ignored.readAll();
        }
    }

    private OAuthTokens post(Map<String, String> form, Idempotency idempotency) {
        for (String secretField : new String[]{"code", "client_secret", "refresh_token", "password", "code_verifier", "assertion"}) {
            redactor.remember(form.get(secretField));
        }
        ApiRequest request = ApiRequest.send("POST", loginHost.resolve("/services/oauth2/token").toString(), RequestBody.form(form), idempotency)
                .withAuth(ApiRequest.Auth.NONE);
        JsonNode body;
        try (RawResponse response = caller.call(request)) {
            body = Json.read(response.readAll());
        }
        OAuthTokens tokens = parse(body);
        redactor.remember(tokens.accessToken());
        redactor.remember(tokens.refreshToken());
        return tokens;
    }

    static OAuthTokens parse(JsonNode body) {
        String accessToken = text(body, "access_token");
        String instanceUrl = text(body, "instance_url");
        if (accessToken == null || instanceUrl == null) {
            throw new IllegalStateException("the token endpoint answered without access_token or instance_url; fields sent: "
                    + iterableNames(body));
        }
        String issuedAt = text(body, "issued_at");
        String id = text(body, "id");
        return new OAuthTokens(accessToken, text(body, "refresh_token"), URI.create(instanceUrl), id == null ? null : URI.create(id),
                issuedAt == null ? null : Instant.ofEpochMilli(Long.parseLong(issuedAt)), text(body, "scope"));
    }

    private static String text(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String iterableNames(JsonNode body) {
        StringBuilder names = new StringBuilder();
        body.fieldNames().forEachRemaining(n -> names.append(names.isEmpty() ? "" : ", ").append(n));
        return names.toString();
    }
}
