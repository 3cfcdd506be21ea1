package dev.sfsync.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How long what finished runs leave behind is kept. A run older than {@code keepFor} loses its details (row outcomes,
 * API log, cancel request); older than {@code keepBodiesFor}, its API calls lose their request and response bodies (the
 * bulk of the log); older than {@code keepRunsFor}, the run itself (its counts) goes. The {@code keepRuns} newest runs
 * of each sync keep everything whatever their age, and so does a run that is still running or whose rows are not yet
 * reconciled with the org (write intents or Bulk jobs left by a crash).
 */
public record RetentionPolicy(Duration keepFor, int keepRuns, Duration keepBodiesFor, Duration keepRunsFor) {
    /** Years enough to mean "kept": a run's record is never deleted. */
    public static final Duration FOREVER = Duration.ofDays(365L * 1000);

    public RetentionPolicy {
        requireAge(keepFor, "keepFor");
        requireAge(keepBodiesFor, "keepBodiesFor");
        requireAge(keepRunsFor, "keepRunsFor");
        if (keepRuns < 0) {
            throw new IllegalArgumentException("retention keepRuns must not be negative, got " + keepRuns);
        }
    }

    /** Details and bodies kept as long, run records forever. */
    public RetentionPolicy(Duration keepFor, int keepRuns) {
        this(keepFor, keepRuns, keepFor, FOREVER);
    }

    private static void requireAge(Duration age, String name) {
        Objects.requireNonNull(age, name + " is null");
        if (age.isNegative()) {
            throw new IllegalArgumentException("retention " + name + " must not be negative, got " + age);
        }
    }

    /** Details 30 days, bodies 7 days, run records 180 days, and always the 10 newest runs of each sync. */
    public static RetentionPolicy defaults() {
        return new RetentionPolicy(Duration.ofDays(30), 10, Duration.ofDays(7), Duration.ofDays(180));
    }
}
