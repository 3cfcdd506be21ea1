package dev.sfsync.salesforce.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/** A PKCE pair (RFC 7636, S256): a random verifier kept by the client and the challenge sent with the authorize URL. */
public record Pkce(String verifier, String challenge) {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    @Override
    public String toString() {
        return "Pkce[verifier=[REDACTED], challenge=" + challenge + "]";
    }

    /** The pair of a verifier kept elsewhere (a login waiting in a database for its callback). */
    public static Pkce ofVerifier(String verifier) {
        return new Pkce(verifier, challengeOf(verifier));
    }

    static Pkce generate() {
        byte[] bytes = new byte[64];
        RANDOM.nextBytes(bytes);
        String verifier = BASE64URL.encodeToString(bytes);
        return new Pkce(verifier, challengeOf(verifier));
    }

    static String challengeOf(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return BASE64URL.encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String randomState() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }
}
