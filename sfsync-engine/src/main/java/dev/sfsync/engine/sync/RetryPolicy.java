package dev.sfsync.engine.sync;

import java.util.Set;

/** Rows that fail with one of these codes are retried alone, up to {@code attempts} times in a run. */
public record RetryPolicy(Set<String> codes, int attempts) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(Set.of("UNABLE_TO_LOCK_ROW"), 3);

    public RetryPolicy {
        codes = Set.copyOf(codes);
    }
}
