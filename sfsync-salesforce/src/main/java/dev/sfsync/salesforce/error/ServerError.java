package dev.sfsync.salesforce.error;

/**
 * Salesforce answered with a 5xx, or the connection broke. When a write that is not idempotent (a create, an event
 * publish) was sent and no answer came back, {@link #outcomeUnknown()} is true: the client did not retry it, because
 * the first attempt may have been applied, and the caller must check before sending it again.
 */
public final class ServerError extends SalesforceException {
    private final boolean outcomeUnknown;

    ServerError(Failure failure, boolean outcomeUnknown, Throwable cause) {
        super(failure, cause);
        this.outcomeUnknown = outcomeUnknown;
    }

    /** A dropped connection after a non-idempotent write was sent: it may or may not have been applied. */
    public static ServerError outcomeUnknown(Failure failure, Throwable cause) {
        return new ServerError(failure, true, cause);
    }

    public boolean outcomeUnknown() {
        return outcomeUnknown;
    }
}
