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
            dev.sfsync.engine.plan.MergeGroups.INVALID_GROUP, new ErrorExplanation(dev.sfsync.engine.plan.MergeGroups.INVALID_GROUP, ErrorKind.DATA, true,
                    "A merge group (rows sharing a shared_id) needs exactly one parent row to merge its children into; this one has none or several,"
                    + " so none of its rows is sent.",
                    "Mark every row of the group but one as a child (is_child true, or merge_id set), then run again."));

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
