package dev.sfsync.salesforce.error;

/** The user, profile or org lacks a permission or feature the call needs (e.g. API_DISABLED_FOR_ORG, INSUFFICIENT_ACCESS). */
public final class AccessDenied extends SalesforceException {
    AccessDenied(Failure failure, Throwable cause) {
        super(failure, cause);
    }
}
