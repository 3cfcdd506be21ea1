package dev.sfsync.engine.run;

import dev.sfsync.engine.plan.RowPlan;
import dev.sfsync.engine.sync.ApiChoice;

import java.util.List;

/**
 * Where a run writes its intent before acting on it, so that a process killed mid-run leaves enough behind for the next
 * run to reconcile with the org instead of sending again. Each method returns once what it was told is durable; if it
 * cannot be kept (a full disk) it throws, and the rows are not sent.
 */
public interface WriteAheadLog {
    /** Rows about to be sent as creates (their idempotency values, if any, are their plans' match values). */
    void creating(List<RowPlan.Write> rows);

    /** A Bulk job Salesforce just opened, before any row of it can be processed. */
    void jobOpened(ApiChoice api, String jobId);

    /** Keeps nothing: for runs that need no reconciliation (tests, plans). */
    WriteAheadLog NONE = new WriteAheadLog() {
        @Override
        public void creating(List<RowPlan.Write> rows) {
        }

        @Override
        public void jobOpened(ApiChoice api, String jobId) {
        }
    };
}
