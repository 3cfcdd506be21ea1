package dev.sfsync.engine.config;

import java.util.List;
import java.util.Objects;

/**
 * One alert rule ({@code alerts.rules[i]}): a condition with its threshold, the syncs or sequences it watches
 * (every one when empty) and the destinations it notifies.
 */
public record AlertRule(String id, Condition when, double threshold, List<String> on, List<String> destinations) {
    /** What makes an incident; the threshold's meaning is in each constant's doc. */
    public enum Condition {
        /** A run failed as a whole (no threshold). */
        RUN_FAILED(false),
        /** Failed rows above {@code threshold} % of a run's rows. */
        FAILED_ROWS_PERCENT(true),
        /** More than {@code threshold} rows rejected in a run. */
        REJECTED_ROWS(true),
        /** No successful run for {@code threshold} hours. */
        STALE_HOURS(true),
        /** Salesforce refused the connection's login (token expired or revoked; no threshold). */
        CONNECTION_LOST(false),
        /** The org's daily API requests used above {@code threshold} % of its limit. */
        QUOTA_PERCENT(true);

        private final boolean needsThreshold;

        Condition(boolean needsThreshold) {
            this.needsThreshold = needsThreshold;
        }

        public boolean needsThreshold() {
            return needsThreshold;
        }
    }

    public AlertRule {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(when, "when is null");
        on = List.copyOf(on);
        destinations = List.copyOf(destinations);
    }

    public boolean watches(String syncOrSequence) {
        return on.isEmpty() || on.contains(syncOrSequence);
    }
}
