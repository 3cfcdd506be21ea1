package dev.sfsync.engine.connection;

import dev.sfsync.salesforce.error.SalesforceError;

import java.util.Locale;

/**
 * What Salesforce's OAuth errors mean for a connection, and what fixes each. The token endpoint answers most failures
 * with one code (invalid_grant) and tells them apart only by the description, so both are read.
 */
public final class OAuthAdvice {
    private OAuthAdvice() {
    }

    /** @param reason what happened, in plain words; @param fix the command or admin step that fixes it */
    public record Advice(String reason, String fix) {
    }

    public static Advice of(SalesforceError error, String connection) {
        String code = error.code();
        String description = error.message() == null ? "" : error.message().toLowerCase(Locale.ROOT);
        String reconnect = "sfsync reconnect " + connection;
        if (code.equals("inactive_user") || description.contains("inactive user")) {
            return new Advice("the Salesforce user of this connection is deactivated (or frozen)",
                    "an admin reactivates the user (Setup > Users), or connect as an active integration user: " + reconnect);
        }
        if (code.equals("inactive_org") || description.contains("inactive organization")) {
            return new Advice("the org is locked, suspended or closed", "the org's admin reactivates it with Salesforce; then " + reconnect);
        }
        if (code.equals("OAUTH_APP_BLOCKED")) {
            return new Advice("an admin blocked the connected app in this org",
                    "an admin unblocks it under Setup > Connected Apps OAuth Usage; then " + reconnect);
        }
        if (code.equals("invalid_app_access") || description.contains("not admin approved") || description.contains("hasn't approved")) {
            return new Advice("the user is not allowed to use the connected app: it requires admin pre-authorisation (or, for the JWT flow,"
                    + " the user never approved it)", "an admin sets the connected app's Permitted Users to 'Admin approved users are"
                    + " pre-authorized' and adds the user's profile or a permission set of the user (Manage > Profiles / Permission Sets); then " + reconnect);
        }
        if (description.contains("ip restricted") || description.contains("login hours")) {
            return new Advice("Salesforce refused the login from this machine's IP address or outside the user's login hours",
                    "add this machine's IP to the profile's Login IP Ranges (or set the app's IP Relaxation to 'Relax IP restrictions'),"
                            + " or run inside the profile's Login Hours; then " + reconnect);
        }
        if (code.equals("invalid_client_id") || code.equals("invalid_client")) {
            return new Advice("Salesforce does not accept the connected app's consumer key or secret",
                    "set client_id and client_secret of connection '" + connection + "' in sfsync.yaml to the app's consumer key and secret"
                            + " (Setup > App Manager > the app > View > Manage Consumer Details), and log in to the org where the app lives");
        }
        if (code.equals("invalid_grant") && (description.contains("expired access/refresh token") || description.contains("token validity"))) {
            return new Advice("Salesforce refused the refresh token: it was revoked (by an admin under Connected Apps OAuth Usage, or because"
                    + " the same user approved this app a 6th time, which revokes the oldest of at most 5 refresh tokens per user and app) or it"
                    + " expired under the app's refresh token policy", reconnect + " (and keep the app's Refresh Token Policy at 'valid until"
                    + " revoked'; do not log the same user in to this app from more than 5 places)");
        }
        if (code.equals("invalid_grant") && (description.contains("assertion") || description.contains("audience"))) {
            return new Advice("Salesforce refused the JWT: the key does not match the certificate in the connected app, the audience is not"
                    + " this org's login host, or the username is wrong", "upload the certificate of private_key to the connected app"
                    + " (Use digital signatures), check login.username and environment/login_url, then " + reconnect);
        }
        if (code.equals("invalid_grant") && description.contains("authentication failure")) {
            return new Advice("the username or password was refused (or a security token is missing)",
                    reconnect + " --username USER --password PASSWORD (append the security token where the org asks for one)");
        }
        if (code.equals("SESSION_NOT_RENEWABLE") || code.equals("INVALID_SESSION_ID")) {
            return new Advice("the access token expired or was revoked, and this login cannot renew it (a password login gets no refresh token)",
                    reconnect + " (or set login: web_server, jwt_bearer or client_credentials so runs stay connected)");
        }
        if (code.equals("DISCONNECTED")) {
            return new Advice("this connection was disconnected and its tokens revoked", reconnect);
        }
        return new Advice("Salesforce refused the login: " + code + (description.isEmpty() ? "" : " (" + error.message() + ")"), reconnect);
    }
}
