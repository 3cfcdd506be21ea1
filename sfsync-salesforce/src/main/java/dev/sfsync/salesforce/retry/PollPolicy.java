package dev.sfsync.salesforce.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * How Bulk jobs are polled: a first wait, growing by {@code factor} up to {@code maxDelay}, until the job ends or
 * the waits add up to {@code timeout}. Polls cost API requests, so the interval grows for long jobs.
 */
public record PollPolicy(Duration initialDelay, Duration maxDelay, double factor, Duration timeout) {
    /**
     * 1 s, growing by a quarter to 30 s: a job that takes a minute costs about 13 polls and is seen done at most a
     * quarter of its time late (growing by half saved two polls and could cost half the job's time again in waiting).
     */
    public static final PollPolicy DEFAULT = new PollPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 1.25, Duration.ofHours(4));

    public PollPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay is null");
        Objects.requireNonNull(maxDelay, "maxDelay is null");
        Objects.requireNonNull(timeout, "timeout is null");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= initialDelay <= maxDelay, got " + initialDelay + " and " + maxDelay);
        }
        if (!(factor >= 1.0)) {
            throw new IllegalArgumentException("the poll interval grows by a factor of at least 1.0, not " + factor);
        }
    }

    public Duration next(Duration previous) {
        if (previous == null) {
            return initialDelay;
        }
        long millis = (long) Math.ceil(previous.toMillis() * factor);
        return Duration.ofMillis(Math.min(maxDelay.toMillis(), millis));
    }

    /**
     * An estimated wait (from a job's progress) kept between a quarter of the first wait, so that a job about to end
     * is not polled in a tight loop, and the longest wait, so that a slowed-down estimate cannot leave a job unseen.
     */
    public Duration clamp(Duration estimate) {
        long floor = Math.max(1, initialDelay.toMillis() / 4);
        return Duration.ofMillis(Math.max(floor, Math.min(maxDelay.toMillis(), estimate.toMillis())));
    }
}
