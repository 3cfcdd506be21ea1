package dev.sfsync.engine.run;

import dev.sfsync.salesforce.error.SalesforceException;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How long a run keeps sending into an outage. Each call the client gives up on has already been retried with backoff;
 * when {@value #CONSECUTIVE_FAILED_CALLS} such calls fail in a row with no call succeeding in between, Salesforce is
 * down rather than busy, and the run stops with the outage's code instead of sending every remaining chunk into it
 * (the rows not sent go next run). Thread-safe: shared by the run's writers.
 */
final class OutageBudget {
    static final int CONSECUTIVE_FAILED_CALLS = 3;

    private final AtomicInteger failedInARow = new AtomicInteger();

    void succeeded() {
        failedInARow.set(0);
    }

    /** Counts a whole call that failed; true when the run must stop. Failures that are not an outage (bad data) do not count. */
    boolean spentBy(SalesforceException e) {
        return switch (e.kind()) {
            case TRANSIENT, SERVER -> failedInARow.incrementAndGet() >= CONSECUTIVE_FAILED_CALLS;
            default -> false;
        };
    }
}
