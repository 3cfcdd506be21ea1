package dev.sfsync.salesforce.auth;

import java.net.URI;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a connection gets (and gets again) an access token. Each kind maps to one OAuth grant; the web-server flow
 * ends in {@link RefreshToken}. Secrets never show in {@code toString()}.
 */
public sealed interface Credentials {

    /** A fresh token response; {@code current} is what the session holds now (null at first), for grants that chain. */
    OAuthTokens obtain(TokenEndpoint endpoint, OAuthTokens current);

    /** The connected app's consumer key (null for a bare access token). */
    String clientId();

    /** After the web-server flow, or from storage: refreshes with the refresh token (the secret may be omitted for PKCE apps). */
    static RefreshToken refreshToken(String clientId, String clientSecret, String refreshToken) {
        return new RefreshToken(clientId, clientSecret, refreshToken);
    }

    /** Unattended: an RS256 JWT signed with the key whose certificate the connected app holds; the user must be pre-approved. */
    static JwtBearer jwtBearer(String clientId, String username, PrivateKey key) {
        return new JwtBearer(clientId, username, key, Duration.ofMinutes(3), Clock.systemUTC());
    }

    /** The app acts as its configured run-as user. Salesforce only serves this grant on the org's My Domain. */
    static ClientCredentials clientCredentials(String clientId, String clientSecret) {
        return new ClientCredentials(clientId, clientSecret);
    }

    /** Username and password (plus security token where needed). For tests and development only: it bypasses MFA. */
    static Password password(String clientId, String clientSecret, String username, String password) {
        return new Password(clientId, clientSecret, username, password);
    }

    /** A token obtained elsewhere; the session cannot renew it, so expiry ends the connection. */
    static AccessToken accessToken(String accessToken, URI instanceUrl) {
        return new AccessToken(accessToken, instanceUrl);
    }

    record RefreshToken(String clientId, String clientSecret, String refreshToken) implements Credentials {
        public RefreshToken {
            requireText(clientId, "clientId");
            requireText(refreshToken, "refreshToken");
        }

        @Override
        public OAuthTokens obtain(TokenEndpoint endpoint, OAuthTokens current) {
            // Salesforce may rotate refresh tokens; the newest one the session holds is the one that still works.
            String token = current != null && current.refreshToken() != null ? current.refreshToken() : refreshToken;
            OAuthTokens fresh = endpoint.refresh(clientId, clientSecret, token);
            return fresh.refreshToken() != null ? fresh : new OAuthTokens(fresh.accessToken(), token, fresh.instanceUrl(),
                    fresh.identityUrl(), fresh.issuedAt(), fresh.scope());
        }

        @Override
        public String toString() {
            return "RefreshToken[clientId=" + clientId + ", clientSecret=" + mask(clientSecret) + ", refreshToken=[REDACTED]]";
        }
    }

    /**
     * @param lifetime how long each assertion is valid; Salesforce accepts at most a few minutes
     */
    record JwtBearer(String clientId, String username, PrivateKey key, Duration lifetime, Clock clock) implements Credentials {
        public JwtBearer {
            requireText(clientId, "clientId");
            requireText(username, "username");
            Objects.requireNonNull(key, "key is null");
            Objects.requireNonNull(lifetime, "lifetime is null");
            Objects.requireNonNull(clock, "clock is null");
            if (!"RSA".equals(key.getAlgorithm())) {
                throw new IllegalArgumentException("the JWT bearer flow signs with RS256, so it needs an RSA private key, not " + key.getAlgorithm());
            }
        }

        @Override
        public OAuthTokens obtain(TokenEndpoint endpoint, OAuthTokens current) {
            String assertion = JwtAssertion.sign(clientId, username, endpoint.loginHost().jwtAudience(), clock.instant().plus(lifetime), key);
            return endpoint.jwtBearer(assertion);
        }

        @Override
        public String toString() {
            return "JwtBearer[clientId=" + clientId + ", username=" + username + ", key=[REDACTED]]";
        }
    }

    record ClientCredentials(String clientId, String clientSecret) implements Credentials {
        public ClientCredentials {
            requireText(clientId, "clientId");
            requireText(clientSecret, "clientSecret");
        }

        @Override
        public OAuthTokens obtain(TokenEndpoint endpoint, OAuthTokens current) {
            if (endpoint.loginHost().isSharedHost()) {
                throw new IllegalArgumentException("Salesforce serves the client credentials flow only on the org's My Domain, not on "
                        + endpoint.loginHost().url() + "; use LoginHost.myDomain(\"yourdomain\")");
            }
            return endpoint.clientCredentials(clientId, clientSecret);
        }

        @Override
        public String toString() {
            return "ClientCredentials[clientId=" + clientId + ", clientSecret=[REDACTED]]";
        }
    }

    record Password(String clientId, String clientSecret, String username, String password) implements Credentials {
        public Password {
            requireText(clientId, "clientId");
            requireText(clientSecret, "clientSecret");
            requireText(username, "username");
            requireText(password, "password");
        }

        @Override
        public OAuthTokens obtain(TokenEndpoint endpoint, OAuthTokens current) {
            return endpoint.password(clientId, clientSecret, username, password);
        }

        @Override
        public String toString() {
            return "Password[clientId=" + clientId + ", clientSecret=[REDACTED], username=" + username + ", password=[REDACTED]]";
        }
    }

    record AccessToken(String accessToken, URI instanceUrl) implements Credentials {
        public AccessToken {
            requireText(accessToken, "accessToken");
            Objects.requireNonNull(instanceUrl, "instanceUrl is null");
        }

        @Override
        public OAuthTokens obtain(TokenEndpoint endpoint, OAuthTokens current) {
            if (current == null) {
                return new OAuthTokens(accessToken, null, instanceUrl, null, null, null);
            }
            throw Session.notRenewable();
        }

        @Override
        public String clientId() {
            return null;
        }

        @Override
        public String toString() {
            return "AccessToken[accessToken=[REDACTED], instanceUrl=" + instanceUrl + "]";
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is missing; it is required for this kind of credentials");
        }
    }

    private static String mask(String secret) {
        return secret == null ? "none" : "[REDACTED]";
    }
}
