package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.ConnectedApp;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Shared pieces of the OAuth tests: the test org's app, query strings, and reading a redirect's parameters. */
final class OAuthTestSupport {
    static final String CLIENT_ID = "test-client";
    static final String SECRET = "test-secret";
    static final String CALLBACK = "http://localhost:1717/callback";
    static final String TOKEN = "/services/oauth2/token";
    static final String AUTHORIZE = "/services/oauth2/authorize";

    private OAuthTestSupport() {
    }

    static Http anonymous(OrgHost host) {
        return new Http(host.baseUrl());
    }

    /** An app that shows the consent page instead of approving silently. */
    static ConnectedApp consentApp(OrgHost host) {
        ConnectedApp app = new ConnectedApp("Consent App", "consent-client", "consent-secret", List.of(CALLBACK), null, false, false);
        host.org().putConnectedApp(app);
        return app;
    }

    static String query(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    static Map<String, String> authorizeParams(String clientId, String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("response_type", "code");
        params.put("client_id", clientId);
        params.put("redirect_uri", CALLBACK);
        if (state != null) {
            params.put("state", state);
        }
        return params;
    }

    /** The parameters of a redirect's query string (or, for the user-agent flow, its fragment). */
    static Map<String, String> redirectParams(Http.Response response) {
        URI location = URI.create(response.header("Location"));
        String raw = location.getRawFragment() != null ? location.getRawFragment() : location.getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    static String locationWithoutQuery(Http.Response response) {
        String location = response.header("Location");
        int cut = location.indexOf('?') >= 0 ? location.indexOf('?') : location.indexOf('#');
        return cut < 0 ? location : location.substring(0, cut);
    }
}
