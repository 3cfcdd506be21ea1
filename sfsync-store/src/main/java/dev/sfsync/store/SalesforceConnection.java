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
 */
public record SalesforceConnection(String name, Environment environment, String loginUrl, String instanceUrl, String clientId, String username,
                                   String orgId, Status status, String statusMessage, Secrets secrets, Instant updatedAt) {
    public enum Environment { PRODUCTION, SANDBOX }

    public enum Status { CONNECTED, EXPIRED, REVOKED, ERROR }

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
    }

    public SalesforceConnection withSecrets(Secrets newSecrets) {
        return new SalesforceConnection(name, environment, loginUrl, instanceUrl, clientId, username, orgId, status, statusMessage, newSecrets, updatedAt);
    }

    public SalesforceConnection withStatus(Status newStatus, String message) {
        return new SalesforceConnection(name, environment, loginUrl, instanceUrl, clientId, username, orgId, newStatus, message, secrets, updatedAt);
    }
}
