package dev.sfsync.salesforce.error;

/** The object, record, field or resource the call names does not exist or is hidden from this user (NOT_FOUND). */
public final class ResourceNotFound extends SalesforceException {
    ResourceNotFound(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
