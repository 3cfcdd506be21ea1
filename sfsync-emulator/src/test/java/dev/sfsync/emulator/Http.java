package dev.sfsync.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A bare HTTP client for the emulator's own tests: it speaks the wire and nothing else, so the tests check the wire
 * format rather than a client library's reading of it.
 */
public final class Http {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final String baseUrl;
    private String token;

    public Http(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /** Logs in with the password grant as the org's default user and keeps the access token. */
    public static Http loggedIn(OrgHost host) {
        Http http = new Http(host.baseUrl());
        var user = host.org().defaultUser();
        var app = host.org().definition().connectedApps().getFirst();
        Response response = http.form("/services/oauth2/token", Map.of("grant_type", "password", "client_id", app.clientId(),
                "client_secret", app.clientSecret(), "username", user.username(), "password", user.password()));
        if (response.status() != 200) {
            // Until the token endpoint exists, tests can still get a session straight from the org.
            http.token = host.sessions().issue(user, app, "api", null).accessToken();
        } else {
            http.token = response.json().path("access_token").asText();
        }
        return http;
    }

    public Http withToken(String accessToken) {
        Http copy = new Http(baseUrl);
        copy.token = accessToken;
        return copy;
    }

    public String token() {
        return token;
    }

    public Response get(String path) {
        return send(builder(path).GET());
    }

    public Response delete(String path) {
        return send(builder(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").POST(body(body)));
    }

    public Response patch(String path, Object body) {
        return send(builder(path).header("Content-Type", "application/json").method("PATCH", body(body)));
    }

    public Response put(String path, String contentType, String body) {
        return send(builder(path).header("Content-Type", contentType).PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response form(String path, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpRequest.Builder builder(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : baseUrl + path));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static HttpRequest.BodyPublisher body(Object body) {
        try {
            return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Status, body and headers of one answer. */
    public record Response(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new IllegalStateException("not JSON (HTTP " + status + "): " + body, e);
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The errorCode of a Salesforce error array, for one-line assertions. */
        public String errorCode() {
            return json().path(0).path("errorCode").asText(null);
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }
}
