package dev.sfsync.engine.run;

import dev.sfsync.core.outcome.RowError;
import dev.sfsync.salesforce.error.ErrorCatalogue;
import dev.sfsync.salesforce.error.ErrorExplanation;
import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;

import java.util.Map;

/**
 * Row errors from Salesforce's answers, and the explanation and fix of every code a row can end with: Salesforce's
 * from the client's catalogue, and sfsync's own (a lookup that found nothing, a record update mode could not find).
 */
public final class Errors {
    /** A lookup found no record for the row's value. */
    public static final String REFERENCE_NOT_FOUND = "REFERENCE_NOT_FOUND";
    /** Update or clear found no record with the row's match value. */
    public static final String RECORD_NOT_FOUND = "RECORD_NOT_FOUND";
    /** The run stopped before the row was sent (lost login, spent API limit). */
    public static final String NOT_SENT = "NOT_SENT";
    /** A create's answer was lost and the sync has no idempotency key to find out whether it happened (at_most_once). */
    public static final String OUTCOME_UNKNOWN = "OUTCOME_UNKNOWN";

    private static final Map<String, ErrorExplanation> OWN = Map.of(
            REFERENCE_NOT_FOUND, new ErrorExplanation(REFERENCE_NOT_FOUND, ErrorKind.DATA, true,
                    "A lookup searched Salesforce for the row's value and found no record, so the reference field could not be filled.",
                    "Make sure the referenced record exists first (sync that object before this one) and that the model's value has no typo."),
            RECORD_NOT_FOUND, new ErrorExplanation(RECORD_NOT_FOUND, ErrorKind.DATA, true,
                    "No record has the row's match value; update mode changes existing records only.",
                    "Create the record first, or use mode: upsert to create records that do not exist."),
            NOT_SENT, new ErrorExplanation(NOT_SENT, ErrorKind.UNKNOWN, true,
                    "The run stopped before this row was sent; see the run's message.",
                    "Fix what stopped the run (login, API limit) and run again: the row is sent next run."),
            OUTCOME_UNKNOWN, new ErrorExplanation(OUTCOME_UNKNOWN, ErrorKind.UNKNOWN, false,
                    "Salesforce's answer to this row's create was lost, and without an idempotency key sfsync cannot tell whether the"
                            + " record was created; with insert_without_key: at_most_once it does not risk a duplicate.",
                    "Check the object for the row's record; give the sync an idempotency key (match: {column, field: <external ID>})"
                            + " so that sfsync can find out by itself."));

    private Errors() {
    }

    public static ErrorExplanation explain(String code) {
        ErrorExplanation own = OWN.get(code);
        return own != null ? own : ErrorCatalogue.standard().explain(code);
    }

    static RowError row(SalesforceError error) {
        return new RowError(error.code(), error.message(), error.fields());
    }

    /** The error every row of a call that failed as a whole ends with. */
    static RowError row(SalesforceException e) {
        SalesforceError first = e.errors().getFirst();
        return new RowError(first.code(), first.message(), first.fields());
    }
}
