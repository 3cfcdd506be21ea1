package dev.sfsync.engine.twoway;

import dev.sfsync.core.outcome.RowOutcome;

import java.util.List;

/**
 * What a two-way run did: records created and updated in Salesforce, rows updated in the table (Salesforce's
 * changes, and Ids stored back), rows left alone, rows refused (duplicates, nothing to match on) and every conflict.
 */
public record TwoWayResult(String sync, long createdInSalesforce, long updatedInSalesforce, long updatedInTable, long unchanged,
                           long rejected, long failed, List<Conflict> conflicts, List<RowOutcome> outcomes) {
    public TwoWayResult {
        conflicts = List.copyOf(conflicts);
        outcomes = List.copyOf(outcomes);
    }

    /** Writes made to either side: zero for a run that found nothing changed (no echo). */
    public long writes() {
        return createdInSalesforce + updatedInSalesforce + updatedInTable;
    }
}
