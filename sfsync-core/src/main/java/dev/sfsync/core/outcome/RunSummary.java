package dev.sfsync.core.outcome;

import java.util.EnumMap;
import java.util.Map;

/** Counts of a run's row outcomes by status. */
public record RunSummary(long created, long updated, long deleted, long unchanged, long rejected, long failed, long merged) {
    public static final RunSummary EMPTY = new RunSummary(0, 0, 0, 0, 0, 0, 0);

    /** A summary of a run that merged nothing. */
    public RunSummary(long created, long updated, long deleted, long unchanged, long rejected, long failed) {
        this(created, updated, deleted, unchanged, rejected, failed, 0);
    }

    public static RunSummary of(Map<OutcomeStatus, Long> counts) {
        Map<OutcomeStatus, Long> all = new EnumMap<>(OutcomeStatus.class);
        all.putAll(counts);
        return new RunSummary(all.getOrDefault(OutcomeStatus.CREATED, 0L), all.getOrDefault(OutcomeStatus.UPDATED, 0L),
                all.getOrDefault(OutcomeStatus.DELETED, 0L), all.getOrDefault(OutcomeStatus.UNCHANGED, 0L),
                all.getOrDefault(OutcomeStatus.REJECTED, 0L), all.getOrDefault(OutcomeStatus.FAILED, 0L),
                all.getOrDefault(OutcomeStatus.MERGED, 0L));
    }

    public long rows() {
        return created + updated + deleted + unchanged + rejected + failed + merged;
    }

    /** True when no row was rejected or failed. */
    public boolean allSucceeded() {
        return rejected == 0 && failed == 0;
    }
}
