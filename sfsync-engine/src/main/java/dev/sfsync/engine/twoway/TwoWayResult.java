package dev.sfsync.engine.twoway;

import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.inbound.InboundApi;

import java.util.List;

/**
 * What a two-way run did: records created and updated in Salesforce, rows updated in the table (Salesforce's
 * changes, and Ids stored back), rows left alone, rows refused (duplicates, nothing to match on) and every conflict.
 * Every row's outcome went to the run's sink as the run went; {@code problems} keeps the first refused or failed ones.
 * {@code readApi} is how the object's records were read (REST pages or a Bulk API 2.0 query).
 */
public record TwoWayResult(String sync, InboundApi readApi, long createdInSalesforce, long updatedInSalesforce, long updatedInTable, long unchanged,
                           long rejected, long failed, List<Conflict> conflicts, List<RowOutcome> problems) {
    /** Refused or failed rows kept in the result for the caller to show; the state store has them all. */
    public static final int PROBLEMS_KEPT = 1_000;

    public TwoWayResult {
        conflicts = List.copyOf(conflicts);
        problems = List.copyOf(problems);
    }

    /** Writes made to either side: zero for a run that found nothing changed (no echo). */
    public long writes() {
        return createdInSalesforce + updatedInSalesforce + updatedInTable;
    }
}
