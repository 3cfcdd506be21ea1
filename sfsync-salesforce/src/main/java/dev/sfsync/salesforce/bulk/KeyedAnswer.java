package dev.sfsync.salesforce.bulk;

import dev.sfsync.salesforce.error.SalesforceError;

import java.util.Objects;

/**
 * Salesforce's own answer for one row of a Bulk job some earlier process sent, named by the value the row carried in
 * one of its columns (its idempotency key): what a process that no longer has the job's rows reconciles from.
 *
 * @param id    the record id, when Salesforce reports one
 * @param error why the row failed or was not processed; null on success
 */
public record KeyedAnswer(String key, BulkRowResult.Outcome outcome, String id, SalesforceError error) {
    public KeyedAnswer {
        Objects.requireNonNull(key, "key is null");
        Objects.requireNonNull(outcome, "outcome is null");
    }

    public boolean created() {
        return outcome == BulkRowResult.Outcome.SUCCEEDED;
    }
}
