package dev.sfsync.salesforce.error;

/** The grant behind a connection is gone (refresh token revoked or expired, user deactivated, app blocked). Retrying cannot help: a person must connect again. */
public final class ReconnectNeeded extends SalesforceException {
    ReconnectNeeded(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
