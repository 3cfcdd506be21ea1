package dev.sfsync.emulator.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.http.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * A compact-serialised JWT as the JWT bearer flow sends it: header.claims.signature, each base64url. Only RS256 is
 * accepted, the one algorithm Salesforce takes for this flow.
 */
final class JwtAssertion {
    private final JsonNode header;
    private final JsonNode claims;
    private final byte[] signingInput;
    private final byte[] signature;

    private JwtAssertion(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /** Parses without verifying; anything malformed is Salesforce's "invalid assertion". */
    static JwtAssertion parse(String compact) {
        if (compact == null) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        String[] parts = compact.trim().split("\\.", -1);
        if (parts.length != 3) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            JsonNode header = Json.MAPPER.readTree(decoder.decode(parts[0]));
            JsonNode claims = Json.MAPPER.readTree(decoder.decode(parts[1]));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                throw OAuthError.invalidGrant("invalid assertion");
            }
            byte[] input = (parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII);
            return new JwtAssertion(header, claims, input, decoder.decode(parts[2]));
        } catch (IOException | IllegalArgumentException e) {
            throw OAuthError.invalidGrant("invalid assertion");
        }
    }

    boolean signedBy(PublicKey key) {
        if (key == null || !"RS256".equals(header.path("alg").asText())) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    String issuer() {
        return claims.path("iss").asText(null);
    }

    String subject() {
        return claims.path("sub").asText(null);
    }

    /** aud may be one string or an array of them (RFC 7519 4.1.3). */
    List<String> audiences() {
        JsonNode aud = claims.path("aud");
        List<String> out = new ArrayList<>();
        if (aud.isTextual()) {
            out.add(aud.asText());
        } else if (aud.isArray()) {
            aud.forEach(a -> out.add(a.asText()));
        }
        return out;
    }

    /** exp is in seconds since the epoch. */
    Optional<Instant> expiry() {
        JsonNode exp = claims.path("exp");
        return exp.isNumber() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
    }
}
