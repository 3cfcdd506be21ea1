package dev.sfsync.emulator.oauth;

import java.util.LinkedHashMap;
import java.util.Map;

/** The parameters of /services/oauth2/authorize that travel from the first GET through the consent form's POST. */
record AuthorizeRequest(String responseType, String clientId, String redirectUri, String state, String scope,
                        String codeChallenge, String codeChallengeMethod, String loginHint, String prompt) {

    static AuthorizeRequest of(Map<String, String> params) {
        return new AuthorizeRequest(params.get("response_type"), params.get("client_id"), params.get("redirect_uri"),
                params.get("state"), params.get("scope"), params.get("code_challenge"), params.get("code_challenge_method"),
                params.get("login_hint"), params.get("prompt"));
    }

    /** The same parameters by their wire names, for the consent form's hidden fields; absent ones are left out. */
    Map<String, String> asParams() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "response_type", responseType);
        put(out, "client_id", clientId);
        put(out, "redirect_uri", redirectUri);
        put(out, "state", state);
        put(out, "scope", scope);
        put(out, "code_challenge", codeChallenge);
        put(out, "code_challenge_method", codeChallengeMethod);
        put(out, "login_hint", loginHint);
        put(out, "prompt", prompt);
        return out;
    }

    /** prompt=login or prompt=consent asks for the page even when the app would approve silently. */
    boolean forcesPage() {
        return prompt != null && (prompt.contains("login") || prompt.contains("consent"));
    }

    private static void put(Map<String, String> out, String key, String value) {
        if (value != null) {
            out.put(key, value);
        }
    }
}
