package dev.sfsync.engine.run;

import dev.sfsync.engine.sync.RetryPolicy;
import dev.sfsync.salesforce.retry.Sleeper;

import java.time.Duration;

/**
 * When rows that failed with a retryable code (by default UNABLE_TO_LOCK_ROW) are sent again: alone, without the
 * rows of their batch that succeeded, up to the policy's attempts, waiting 1 s, 2 s, 4 s … (at most 30 s) first.
 */
public record SplitRetry(RetryPolicy policy, Sleeper sleeper) {
    static final Duration FIRST_WAIT = Duration.ofSeconds(1);
    static final Duration LONGEST_WAIT = Duration.ofSeconds(30);

    public boolean retries(String code) {
        return policy.codes().contains(code);
    }

    /** Tries in all: the first plus the retries. */
    public int maxTries() {
        return 1 + policy.attempts();
    }

    /** Waits before try {@code nextTry} (2 for the first retry). */
    void waitBefore(int nextTry) {
        Duration wait = FIRST_WAIT.multipliedBy(1L << Math.min(nextTry - 2, 10));
        try {
            sleeper.sleep(wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunInterrupted();
        }
    }

    /** The run's thread was interrupted while waiting to retry (the process is stopping). */
    static final class RunInterrupted extends RuntimeException {
        RunInterrupted() {
            super("the run was interrupted while waiting to retry locked rows");
        }
    }
}
