package dev.sfsync.salesforce.error;

/** A call failed for a reason that is neither transient nor one of the other kinds (refused data on a whole call, or a code the catalogue does not know). */
public final class RequestFailed extends SalesforceException {
    RequestFailed(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
