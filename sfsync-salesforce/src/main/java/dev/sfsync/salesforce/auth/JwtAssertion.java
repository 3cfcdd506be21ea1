package dev.sfsync.salesforce.auth;

import dev.sfsync.salesforce.internal.Json;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** The JWT bearer flow's assertion: {"alg":"RS256"} header, iss/sub/aud/exp claims, signed SHA256withRSA. */
final class JwtAssertion {
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private JwtAssertion() {
    }

    static String sign(String clientId, String username, String audience, Instant expiry, PrivateKey key) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", username);
        claims.put("aud", audience);
        claims.put("exp", expiry.getEpochSecond());
        String signingInput = BASE64URL.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + BASE64URL.encodeToString(Json.write(claims));
        try {
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(key);
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign the JWT with this key (" + e.getMessage() + "); give the RSA private key "
                    + "whose certificate is uploaded to the connected app", e);
        }
    }
}
