package dev.sfsync.store;

import java.time.Instant;
import java.util.Objects;

/**
 * A Salesforce org login as the store keeps it. The secrets are encrypted at rest and masked by {@link #toString()}.
 *
 * @param name          the connection's name in the project
 * @param environment   production or sandbox
 * @param loginUrl      e.g. {@code https://login.salesforce.com}
 * @param instanceUrl   the org's API host, once connected; else null
 * @param clientId      the connected app's consumer key
 * @param username      the user logged in as, once known
 * @param orgId         the org's 18-character id, once known
 * @param status        whether the login works
 * @param statusMessage why not, when it does not
 * @param secrets       tokens and client secret
 * @param updatedAt     set by the store on save
 * @param health        when the status began, when the login last worked, who it acts as and how it logs in
 */
public record SalesforceConnection(String name, Environment environment, String loginUrl, String instanceUrl, String clientId, String username,
                                   String orgId, Status status, String statusMessage, Secrets secrets, Instant updatedAt, Health health) {
    public enum Environment { PRODUCTION, SANDBOX }

    /**
     * What the last login, check or call found. EXPIRED: the access token and its renewal were refused. REVOKED: the
     * grant was revoked at Salesforce. DISCONNECTED: the user disconnected it (tokens revoked and forgotten).
     * NO_API_ACCESS: the login works but the API refuses the user or org. ERROR: Salesforce could not be reached.
     */
    public enum Status { CONNECTED, EXPIRED, REVOKED, ERROR, DISCONNECTED, NO_API_ACCESS }

    /**
     * @param statusSince when the status last changed (set by the store)
     * @param lastOkAt    when a check or a sync last worked through this login
     * @param checkedAt   when the login was last checked live
     * @param userId      the Salesforce user's id, once known
     * @param loginFlow   how it logs in (web_server, jwt_bearer, client_credentials, password)
     */
    public record Health(Instant statusSince, Instant lastOkAt, Instant checkedAt, String userId, String loginFlow) {
        public static final Health NONE = new Health(null, null, null, null, null);
    }

    /** What must never be stored or printed in plain text. */
    public record Secrets(String accessToken, String refreshToken, String clientSecret) {
        public static final Secrets NONE = new Secrets(null, null, null);

        @Override
        public String toString() {
            return "Secrets[accessToken=" + mask(accessToken) + ", refreshToken=" + mask(refreshToken) + ", clientSecret=" + mask(clientSecret) + "]";
        }

        private static String mask(String secret) {
            return secret == null ? "none" : "****";
        }
    }

    public SalesforceConnection {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(environment, "environment is null");
        Objects.requireNonNull(loginUrl, "loginUrl is null");
        Objects.requireNonNull(status, "status is null");
        secrets = secrets == null ? Secrets.NONE : secrets;
        health = health == null ? Health.NONE : health;
    }

    public SalesforceConnection(String name, Environment environment, String loginUrl, String instanceUrl, String clientId, String username,
                                String orgId, Status status, String statusMessage, Secrets secrets, Instant updatedAt) {
        this(name, environment, loginUrl, instanceUrl, clientId, username, orgId, status, statusMessage, secrets, updatedAt, Health.NONE);
    }

    public SalesforceConnection withSecrets(Secrets newSecrets) {
        return new SalesforceConnection(name, environment, loginUrl, instanceUrl, clientId, username, orgId, status, statusMessage, newSecrets, updatedAt, health);
    }

    public SalesforceConnection withStatus(Status newStatus, String message) {
        return new SalesforceConnection(name, environment, loginUrl, instanceUrl, clientId, username, orgId, newStatus, message, secrets, updatedAt, health);
    }

    public SalesforceConnection withHealth(Health newHealth) {
        return new SalesforceConnection(name, environment, loginUrl, instanceUrl, clientId, username, orgId, status, statusMessage, secrets, updatedAt, newHealth);
    }
}
