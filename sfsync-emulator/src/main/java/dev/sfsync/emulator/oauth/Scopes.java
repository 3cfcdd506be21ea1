package dev.sfsync.emulator.oauth;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Requested scopes. The emulator's connected apps have every scope, so a request gets what it asks for; a request
 * without a scope gets the app's scopes, which we take to be api and refresh_token.
 */
final class Scopes {
    static final String DEFAULT = "api refresh_token";
    /** What the flows that never issue a refresh token (JWT bearer, client credentials) grant. */
    static final String API_ONLY = "api";

    private Scopes() {
    }

    static String granted(String requested) {
        if (requested == null || requested.isBlank()) {
            return DEFAULT;
        }
        Set<String> scopes = new LinkedHashSet<>(Arrays.asList(requested.trim().split("[\\s+]+")));
        return String.join(" ", scopes);
    }

    /** Salesforce issues a refresh token only when the granted scopes include refresh_token (or its alias offline_access). */
    static boolean allowsRefresh(String granted) {
        Set<String> scopes = Set.of(granted.split(" "));
        return scopes.contains("refresh_token") || scopes.contains("offline_access");
    }
}
