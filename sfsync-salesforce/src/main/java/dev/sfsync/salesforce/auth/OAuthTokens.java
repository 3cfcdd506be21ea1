package dev.sfsync.salesforce.auth;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a token endpoint answered. Tokens are secrets: {@link #toString()} never shows them, and the client masks
 * them in everything it reports.
 *
 * @param refreshToken null for flows that issue none (JWT bearer, client credentials, password, a refresh itself)
 * @param identityUrl  the user's identity URL ({@code id}), which names the org and user
 */
public record OAuthTokens(String accessToken, String refreshToken, URI instanceUrl, URI identityUrl, Instant issuedAt, String scope) {
    public OAuthTokens {
        Objects.requireNonNull(accessToken, "accessToken is null");
        Objects.requireNonNull(instanceUrl, "instanceUrl is null");
    }

    public Optional<String> refreshTokenIfAny() {
        return Optional.ofNullable(refreshToken);
    }

    /** The same grant with a new access token; a refresh that sends no refresh token keeps the one we had. */
    OAuthTokens renewedBy(OAuthTokens fresh) {
        return new OAuthTokens(fresh.accessToken, fresh.refreshToken != null ? fresh.refreshToken : refreshToken,
                fresh.instanceUrl, fresh.identityUrl != null ? fresh.identityUrl : identityUrl, fresh.issuedAt, fresh.scope != null ? fresh.scope : scope);
    }

    /** The org id and user id, from the identity URL .../id/00D…/005…; empty when the response had none. */
    public Optional<String> orgId() {
        return identityPart(2);
    }

    public Optional<String> userId() {
        return identityPart(1);
    }

    private Optional<String> identityPart(int fromEnd) {
        if (identityUrl == null) {
            return Optional.empty();
        }
        String[] parts = identityUrl.getPath().split("/");
        return parts.length >= 3 ? Optional.of(parts[parts.length - fromEnd]) : Optional.empty();
    }

    @Override
    public String toString() {
        return "OAuthTokens[accessToken=[REDACTED], refreshToken=" + (refreshToken == null ? "none" : "[REDACTED]")
                + ", instanceUrl=" + instanceUrl + ", identityUrl=" + identityUrl + ", issuedAt=" + issuedAt + ", scope=" + scope + "]";
    }
}
