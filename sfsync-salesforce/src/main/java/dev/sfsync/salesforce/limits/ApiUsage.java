package dev.sfsync.salesforce.limits;

import java.time.Instant;
import java.util.Objects;

/** The org's daily API request count as last reported (Sforce-Limit-Info or /limits), and when it was seen. */
public record ApiUsage(long used, long max, Instant observedAt) {
    public ApiUsage {
        Objects.requireNonNull(observedAt, "observedAt is null");
        if (used < 0 || max < 0) {
            throw new IllegalArgumentException("API usage cannot be negative: " + used + "/" + max);
        }
    }

    public long remaining() {
        return Math.max(0, max - used);
    }

    /** Used share of the quota, 0.0 to 1.0 (or above, when an org runs over its limit). */
    public double fractionUsed() {
        return max == 0 ? 1.0 : (double) used / max;
    }

    @Override
    public String toString() {
        return used + "/" + max + " API requests (seen " + observedAt + ")";
    }
}
