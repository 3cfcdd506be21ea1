package dev.sfsync.engine.quota;

import dev.sfsync.salesforce.limits.ApiUsage;
import dev.sfsync.salesforce.limits.QuotaReserve;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Salesforce counts daily API requests over a rolling 24-hour window: a call frees up 24 hours after it was made.
 * sfsync sees only its own calls (the API log), so it can say when those free up; other integrations' calls free up
 * on their own schedule, which only makes room sooner.
 */
public final class QuotaWindow {
    public static final Duration WINDOW = Duration.ofHours(24);

    private QuotaWindow() {
    }

    /** Requests a run may still make before it would touch the reserve. */
    public static long available(ApiUsage usage, QuotaReserve reserve) {
        return Math.max(0, usage.max() - reserve.reservedOf(usage.max()) - usage.used());
    }

    /**
     * When {@code needed} more requests fit above the reserve, counting only this project's calls leaving the window;
     * empty when this project's calls alone cannot free enough.
     *
     * @param ownCalls this project's calls through the connection in the last 24 hours, oldest first
     */
    public static Optional<Instant> freeFor(long needed, ApiUsage usage, QuotaReserve reserve, List<Instant> ownCalls, Instant now) {
        long missing = needed - available(usage, reserve);
        if (missing <= 0) {
            return Optional.of(now);
        }
        if (missing > ownCalls.size()) {
            return Optional.empty();
        }
        return Optional.of(ownCalls.get((int) missing - 1).plus(WINDOW));
    }

    /** "20 %" or "5000 requests", as the project file says it. */
    public static String describe(QuotaReserve reserve) {
        return switch (reserve) {
            case QuotaReserve.Percent p -> (p.percent() == Math.rint(p.percent()) ? String.valueOf((long) p.percent()) : String.valueOf(p.percent())) + " %";
            case QuotaReserve.Requests r -> r.count() + " requests";
        };
    }
}
