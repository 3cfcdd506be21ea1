package dev.sfsync.server.run;

import dev.sfsync.core.RunId;
import dev.sfsync.engine.run.RunResult;

import java.time.Duration;
import java.util.Objects;

/**
 * A run of a sync that ended, however it ended.
 *
 * @param runId   null when the run failed before the store recorded it (config problems)
 * @param result  what the run did; null when it threw
 * @param failure why it threw; null when it returned
 * @param trigger who started it: "schedule", "sequence NAME", "api USER"
 */
public record RunEnded(String sync, RunId runId, RunResult result, RuntimeException failure, Duration took, String trigger) {
    public RunEnded {
        Objects.requireNonNull(sync, "sync is null");
        if ((result == null) == (failure == null)) {
            throw new IllegalArgumentException("a run ends with a result or a failure, exactly one");
        }
    }

    /**
     * Failed as a whole: it threw, or it stopped before every row was sent other than by a cancel. A run with some failed
     * rows did not fail.
     */
    public boolean failed() {
        return failure != null || result.stopped() != null && !result.cancelled();
    }

    /** Someone cancelled it ({@link #reason} says who): not a failure, but what a sequence after it waits on did not happen. */
    public boolean cancelled() {
        return result != null && result.cancelled();
    }

    /** Why it failed as a whole or who cancelled it; null when neither. */
    public String reason() {
        if (failure != null) {
            return failure instanceof dev.sfsync.core.SfsyncException e ? e.problem() : String.valueOf(failure.getMessage());
        }
        return result.stopped();
    }
}
