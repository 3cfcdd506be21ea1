package dev.sfsync.engine.config;

import dev.sfsync.store.RetentionPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * sfsync.yaml's {@code retention:}: what the state store keeps of finished runs, and how often {@code sfsync serve}
 * prunes the rest ({@code sfsync prune} does it once, by hand).
 * <pre>{@code
 * retention:
 *   details: 30d     # row outcomes and API log of a run
 *   bodies: 7d       # request and response bodies of its API calls
 *   runs: 180d       # the run itself, with its counts (and sequence runs)
 *   keep_last: 10    # the newest runs of each sync keep everything, whatever their age
 *   every: 1h        # how often the server prunes
 * }</pre>
 */
public record RetentionConfig(RetentionPolicy policy, Duration every) {
    public static final Duration DEFAULT_EVERY = Duration.ofHours(1);
    public static final RetentionConfig DEFAULTS = new RetentionConfig(RetentionPolicy.defaults(), DEFAULT_EVERY);

    public RetentionConfig {
        Objects.requireNonNull(policy, "policy is null");
        Objects.requireNonNull(every, "every is null");
    }
}
