package dev.sfsync.salesforce.error;

/**
 * What a failure means for the caller's next step. The kind, not the exception's message, decides whether the same
 * call may be sent again: only {@link #TRANSIENT} and {@link #SERVER} are retryable.
 */
public enum ErrorKind {
    /** Contention or momentary overload (a locked row, a concurrency limit, 503): the same call can succeed later. */
    TRANSIENT(true),
    /** The server failed or the connection broke: worth another try, but a write may or may not have happened. */
    SERVER(true),
    /** The session or the client's credentials were refused, even after one token refresh. */
    AUTHENTICATION(false),
    /** The grant behind the connection is gone (refresh token revoked, user deactivated, app blocked): log in again. */
    RECONNECT_NEEDED(false),
    /** A quota is spent (the org's daily API requests, a Bulk allowance, or the reserve this client keeps back). */
    LIMIT(false),
    /** The user, profile or org lacks a permission or feature the call needs. */
    PERMISSION(false),
    /** The object, record, field or resource the call names does not exist (or is hidden from this user). */
    NOT_FOUND(false),
    /** The request itself is wrong: a bad query, field name, id, body or parameter. */
    MALFORMED(false),
    /** A record's values were refused (validation, required field, duplicate …): fix the data, not the call. */
    DATA(false),
    /** A code this client does not know; treated as not retryable. */
    UNKNOWN(false);

    private final boolean retryable;

    ErrorKind(boolean retryable) {
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
