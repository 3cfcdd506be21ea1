package dev.sfsync.salesforce.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Bounded exponential backoff with jitter for transient failures: attempt n (1-based) waits
 * {@code min(maxDelay, baseDelay * 2^(n-1))}, scaled by a random factor in [1 - jitter, 1].
 * Jitter spreads clients that failed together so they do not retry together.
 *
 * @param maxAttempts total attempts including the first (1 disables retries)
 * @param jitter      0.0 (exact waits) to 1.0 ("full jitter")
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, double jitter) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 0.5);
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 0);

    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay is null");
        Objects.requireNonNull(maxDelay, "maxDelay is null");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts counts the first attempt too, so it is at least 1, not " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("delays must satisfy 0 <= baseDelay <= maxDelay, got " + baseDelay + " and " + maxDelay);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter is a fraction from 0.0 to 1.0, not " + jitter);
        }
    }

    /** The wait before attempt {@code nextAttempt} (2 for the first retry). */
    public Duration delayBefore(int nextAttempt, RandomGenerator random) {
        int exponent = Math.min(30, Math.max(0, nextAttempt - 2));
        long millis = Math.min(maxDelay.toMillis(), baseDelay.toMillis() << exponent);
        if (millis < 0) {
            millis = maxDelay.toMillis();
        }
        double factor = 1.0 - jitter * random.nextDouble();
        return Duration.ofMillis(Math.round(millis * factor));
    }
}
