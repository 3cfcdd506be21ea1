package dev.sfsync.salesforce.error;

/** Contention or momentary overload (UNABLE_TO_LOCK_ROW on a whole call, 503, a concurrency limit) that outlasted the client's retries; the same call can succeed later. */
public final class TransientFailure extends SalesforceException {
    TransientFailure(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
