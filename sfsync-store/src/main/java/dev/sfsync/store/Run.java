package dev.sfsync.store;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.core.outcome.RunSummary;

import java.time.Instant;

/**
 * One run of a sync as the store keeps it.
 *
 * @param summary         row outcome counts, set when the run finishes ({@link RunSummary#EMPTY} while running)
 * @param message         why the run failed as a whole, if it did
 * @param detailsPrunedAt when retention removed its row outcomes and API log; null while they are kept
 */
public record Run(RunId id, SyncId sync, Kind kind, Status status, Instant startedAt, Instant finishedAt, RunSummary summary, String message,
                  Instant detailsPrunedAt) {
    public enum Kind {
        OUTBOUND,
        INBOUND,
        TWO_WAY,
        /** 'sfsync repair': the sync's lost snapshot rebuilt from the records in Salesforce; nothing written there. */
        REPAIR
    }

    public enum Status {
        RUNNING,
        /** Every row succeeded. */
        SUCCEEDED,
        /** Some rows were rejected or failed. */
        PARTIAL,
        /** The run stopped as a whole (bad model, lost connection). */
        FAILED,
        /** Its process died mid-run (killed, crashed, the machine stopped): its lease expired while it was RUNNING. */
        INTERRUPTED,
        /**
         * Someone cancelled it: the rows it had sent keep their outcomes, the rest have none and are sent by the next run.
         * Its message says who cancelled it and when.
         */
        CANCELLED
    }
}
