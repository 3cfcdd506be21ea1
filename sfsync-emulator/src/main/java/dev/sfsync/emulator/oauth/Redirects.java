package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.http.Exchange;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

/** Answers of the authorize endpoint that send the browser back to the app's callback. */
final class Redirects {
    private Redirects() {
    }

    /** 302 to the callback with the parameters in the query (web-server flow) or, for the user-agent flow, the fragment. */
    static void to(Exchange exchange, String redirectUri, Map<String, String> params, boolean fragment) {
        String separator = fragment ? "#" : (redirectUri.contains("?") ? "&" : "?");
        exchange.setHeader("Location", redirectUri + separator + formEncode(params));
        exchange.setHeader("Cache-Control", "no-store");
        exchange.send(302, null, new byte[0]);
    }

    static String formEncode(Map<String, String> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
