package dev.sfsync.store;

/** What a {@link StateStore#prune} removed. */
public record PruneResult(long runs, long rowOutcomes, long apiCalls) {
}
