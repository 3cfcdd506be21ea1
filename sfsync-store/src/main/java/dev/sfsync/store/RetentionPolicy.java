package dev.sfsync.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the details of finished runs (row outcomes and API log) are kept. A run's details are pruned when it is
 * older than {@code keepFor} and is not among the {@code keepRuns} newest runs of its sync; the run itself, with its
 * counts, stays.
 */
public record RetentionPolicy(Duration keepFor, int keepRuns) {
    public RetentionPolicy {
        Objects.requireNonNull(keepFor, "keepFor is null");
        if (keepFor.isNegative()) {
            throw new IllegalArgumentException("retention keepFor must not be negative, got " + keepFor);
        }
        if (keepRuns < 0) {
            throw new IllegalArgumentException("retention keepRuns must not be negative, got " + keepRuns);
        }
    }

    /** 30 days, and at least the 10 newest runs of each sync. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Duration.ofDays(30), 10);
    }
}
