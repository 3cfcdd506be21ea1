package dev.sfsync.cli;

import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;

/**
 * Why 'sfsync connect' could not log in, in the terms of what the user typed. The client's own explanation is
 * written for a stored connection ("reconnect"), which misleads someone who is connecting right now.
 */
final class LoginFailure {
    private LoginFailure() {
    }

    /** Two lines: what went wrong (with Salesforce's code and words), then the fix. */
    static String explain(SalesforceException e, String connection, String loginUrl, String username) {
        SalesforceError error = e.errors().getFirst();
        String said = error.code() + (error.message().isBlank() ? "" : ": " + error.message());
        if (e.httpStatus() == 0 && error.code().startsWith("CONNECTION_")) {
            return "Cannot reach " + loginUrl + " to log in connection '" + connection + "': " + said
                    + "\n  fix: check login_url of connection '" + connection + "' in sfsync.yaml and the network "
                    + "(for the local emulator, start it with 'sfsync emulator')";
        }
        return switch (error.code()) {
            case "invalid_grant" -> username != null
                    ? "Salesforce refused the login of " + username + " for connection '" + connection + "': " + said
                    + "\n  fix: check the username and password; where the org asks for a security token, append it to the password"
                    : "Salesforce refused the authorization code for connection '" + connection + "': " + said
                    + "\n  fix: run 'sfsync connect " + connection + "' again and finish the login in the browser within a few minutes";
            case "invalid_client_id", "invalid_client" -> "Salesforce does not accept the connected app of connection '" + connection
                    + "': " + said + "\n  fix: set client_id and client_secret of connection '" + connection
                    + "' in sfsync.yaml to the connected app's consumer key and secret";
            case "access_denied" -> "Access to Salesforce was not allowed in the browser for connection '" + connection + "': " + said
                    + "\n  fix: run 'sfsync connect " + connection + "' again and choose Allow";
            default -> "Salesforce refused the login of connection '" + connection + "': " + e.getMessage()
                    + "\n  fix: run 'sfsync connect " + connection + "' again once the cause above is fixed";
        };
    }
}
