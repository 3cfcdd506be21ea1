package dev.sfsync.engine.run;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowOutcome;

import java.util.List;

/**
 * Ties failed rows to the logged API call whose answer decided them (a REST write, a Bulk 2.0 job's failedResults, a
 * Bulk 1.0 batch's result), so that a failed row can be shown with that exact call. The run's API log numbers each
 * call on the thread that made it, once its answer was read; the writers ask right after the answer they act on.
 * Thread-safe.
 */
public interface CallLinks {
    CallLinks NONE = new CallLinks() {
        @Override
        public Long lastCall() {
            return null;
        }

        @Override
        public void decided(RowKey key, long call) {
        }
    };

    /** The number of the last call this thread made whose answer was read completely; null when none is known. */
    Long lastCall();

    /** The row's outcome (a failure) was decided by the answer of this call. */
    void decided(RowKey key, long call);

    /** Every failed outcome among these was decided by the answer of the last call this thread made. */
    default void decidedByLastCall(List<RowOutcome> outcomes) {
        Long call = lastCall();
        if (call == null) {
            return;
        }
        for (RowOutcome outcome : outcomes) {
            if (outcome instanceof RowOutcome.Failed) {
                decided(outcome.key(), call);
            }
        }
    }
}
