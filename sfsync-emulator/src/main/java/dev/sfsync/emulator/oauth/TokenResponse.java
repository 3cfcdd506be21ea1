package dev.sfsync.emulator.oauth;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.UserAccount;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The fields Salesforce returns for a new access token, from the token endpoint or in the user-agent flow's fragment. */
final class TokenResponse {
    private TokenResponse() {
    }

    /** The body for a session; {@code refreshToken} is null for the flows that issue none. */
    static Map<String, String> of(OrgHost host, Session session, String refreshToken) {
        String id = identityUrl(host, session.user());
        // Salesforce's issued_at is epoch milliseconds, sent as a string.
        String issuedAt = Long.toString(session.issuedAt().toEpochMilli());
        Map<String, String> body = new LinkedHashMap<>();
        body.put("access_token", session.accessToken());
        if (refreshToken != null) {
            body.put("refresh_token", refreshToken);
        }
        body.put("signature", signature(session.app(), id, issuedAt));
        if (session.scope() != null && !session.scope().isBlank()) {
            body.put("scope", session.scope());
        }
        body.put("instance_url", host.baseUrl());
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return body;
    }

    static String identityUrl(OrgHost host, UserAccount user) {
        return host.baseUrl() + "/id/" + host.org().id() + "/" + user.id();
    }

    /**
     * Base64 HMAC-SHA256 of id + issued_at keyed with the consumer secret, so a client can check the answer came from
     * the org that knows its secret. An app without a secret signs with its client id (an emulator-only fallback).
     */
    static String signature(ConnectedApp app, String id, String issuedAt) {
        String key = app.clientSecret() == null || app.clientSecret().isEmpty() ? app.clientId() : app.clientSecret();
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((id + issuedAt).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
