package dev.sfsync.salesforce.error;

/** The session or the client's credentials were refused, even after one token refresh (e.g. INVALID_SESSION_ID, invalid_client). */
public final class AuthenticationFailed extends SalesforceException {
    AuthenticationFailed(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
