package dev.sfsync.engine.plan;

import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run of a sync would do now, computed without writing to Salesforce.
 *
 * @param writes            rows to write, by kind
 * @param unchanged         changes that need no call (e.g. a removed row with on_delete: nothing)
 * @param rejected          rows local validation refuses: they would fail at Salesforce, so they are not sent
 * @param rejectedByCode    the rejected rows by the error code Salesforce would answer
 * @param sampleRejects     the first few rejected rows with their reasons
 * @param estimatedApiCalls calls the writes take, plus at most one query per 200 lookups or match values to find
 * @param notices           why more rows than usual are sent, if so
 */
public record Plan(String sync, ChangeCounts changes, Map<WriteKind, Long> writes, long unchanged, long rejected,
                   Map<String, Long> rejectedByCode, List<Reject> sampleRejects, long estimatedApiCalls, List<String> notices) {
    public static final int SAMPLE_REJECTS = 10;

    public Plan {
        Objects.requireNonNull(sync, "sync is null");
        writes = Map.copyOf(writes);
        rejectedByCode = Map.copyOf(rejectedByCode);
        sampleRejects = List.copyOf(sampleRejects);
        notices = List.copyOf(notices);
    }

    /** A row local validation refused, and why. */
    public record Reject(RowKey key, RowError error) {
    }

    public long writeCount() {
        return writes.values().stream().mapToLong(Long::longValue).sum();
    }

    public long writes(WriteKind kind) {
        return writes.getOrDefault(kind, 0L);
    }
}
