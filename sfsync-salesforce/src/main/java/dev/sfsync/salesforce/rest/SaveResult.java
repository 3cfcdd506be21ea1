package dev.sfsync.salesforce.rest;

import dev.sfsync.salesforce.error.SalesforceError;

import java.util.List;

/**
 * One record's fate in a write: Salesforce's SaveResult / UpsertResult / DeleteResult shape. A failure is data, not
 * an exception: {@code errors} say why (statusCode, message, fields). A success normally has no errors; a published
 * platform event is the exception, carrying OPERATION_ENQUEUED with the event's UUID (see {@link #eventUuid()}).
 *
 * @param id      the record's id; null for a failed create
 * @param created for upserts, whether a record was created (false: an existing one was updated); true for creates
 */
public record SaveResult(String id, boolean success, boolean created, List<SalesforceError> errors) {
    public static final String OPERATION_ENQUEUED = "OPERATION_ENQUEUED";

    public SaveResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
        if (!success && errors.isEmpty()) {
            throw new IllegalArgumentException("a failed result needs at least one error");
        }
    }

    public static SaveResult succeeded(String id, boolean created) {
        return new SaveResult(id, true, created, List.of());
    }

    public static SaveResult failed(String id, List<SalesforceError> errors) {
        return new SaveResult(id, false, false, errors);
    }

    /** The first error, for the common one-error case; null when there is none. */
    public SalesforceError firstError() {
        return errors.isEmpty() ? null : errors.getFirst();
    }

    /** For a published platform event, the UUID Salesforce queued it under (the OPERATION_ENQUEUED message). */
    public java.util.Optional<String> eventUuid() {
        return errors.stream().filter(e -> e.code().equals(OPERATION_ENQUEUED)).map(SalesforceError::message).findFirst();
    }

    /** True when every error is one a later attempt can clear (a lock, an all-or-none rollback). */
    public boolean retryable() {
        return !success && errors.stream().allMatch(SalesforceError::retryable);
    }
}
