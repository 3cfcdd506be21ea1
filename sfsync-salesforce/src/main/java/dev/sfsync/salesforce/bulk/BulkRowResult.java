package dev.sfsync.salesforce.bulk;

import dev.sfsync.salesforce.error.SalesforceError;

import java.util.Objects;

/**
 * One input row's fate in a Bulk job, matched back to the row by its position in the input (0-based, across all the
 * jobs or batches the rows were split into). Every input row gets exactly one result.
 *
 * @param row   the input row's position; -1 for a result Salesforce returned that matches no input row (never expected)
 * @param id    the record id, when Salesforce reports one
 * @param error why the row failed or was not processed; null on success
 */
public record BulkRowResult(long row, Outcome outcome, String id, boolean created, SalesforceError error) {
    /** Salesforce's three result sets. */
    public enum Outcome {
        SUCCEEDED,
        FAILED,
        /** Not attempted: the job failed or was aborted before reaching the row. Safe to send again. */
        UNPROCESSED
    }

    public BulkRowResult {
        Objects.requireNonNull(outcome, "outcome is null");
        if ((outcome == Outcome.SUCCEEDED) != (error == null)) {
            throw new IllegalArgumentException(outcome == Outcome.SUCCEEDED ? "a succeeded row carries no error" : "a failed or unprocessed row needs an error");
        }
    }

    public static BulkRowResult succeeded(long row, String id, boolean created) {
        return new BulkRowResult(row, Outcome.SUCCEEDED, id, created, null);
    }

    public static BulkRowResult failed(long row, String id, SalesforceError error) {
        return new BulkRowResult(row, Outcome.FAILED, id, false, error);
    }

    public static BulkRowResult unprocessed(long row, SalesforceError why) {
        return new BulkRowResult(row, Outcome.UNPROCESSED, null, false, why);
    }

    public boolean succeeded() {
        return outcome == Outcome.SUCCEEDED;
    }

    /** Worth sending again: unprocessed rows, and failures whose code is transient (a lock). */
    public boolean retryable() {
        return outcome == Outcome.UNPROCESSED || (outcome == Outcome.FAILED && error.retryable());
    }
}
