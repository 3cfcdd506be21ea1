package dev.sfsync.salesforce.limits;

import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps the latest daily API usage the org reported. Every REST response carries {@code Sforce-Limit-Info:
 * api-usage=used/max}; GET /limits gives the same through DailyApiRequests. Thread-safe.
 */
public final class ApiUsageTracker {
    private static final Pattern API_USAGE = Pattern.compile("api-usage=(\\d+)/(\\d+)");

    private final Clock clock;
    private final AtomicReference<ApiUsage> latest = new AtomicReference<>();

    public ApiUsageTracker(Clock clock) {
        this.clock = clock;
    }

    /** Reads a Sforce-Limit-Info header value; anything without api-usage is ignored. */
    public void observeHeader(String limitInfo) {
        if (limitInfo == null) {
            return;
        }
        Matcher matcher = API_USAGE.matcher(limitInfo);
        if (matcher.find()) {
            try {
                observe(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
            } catch (NumberFormatException tooLarge) {
                // A number beyond long is no usage report we can act on.
            }
        }
    }

    /** From /limits, whose DailyApiRequests gives Max and Remaining. */
    public void observeRemaining(long max, long remaining) {
        observe(Math.max(0, max - remaining), max);
    }

    /**
     * A report answers one request while others may still be on their way: within a few minutes of the last estimate, a
     * lower count is an older answer arriving late, not usage falling, so the estimate only grows (the 24-hour window
     * frees calls slowly; a later report takes over once the estimate is old).
     */
    public void observe(long used, long max) {
        java.time.Instant now = clock.instant();
        latest.updateAndGet(u -> u != null && u.max() == max && u.used() > used
                && java.time.Duration.between(u.observedAt(), now).compareTo(LATE_ANSWERS) < 0
                ? new ApiUsage(u.used(), max, u.observedAt()) : new ApiUsage(used, max, now));
    }

    private static final java.time.Duration LATE_ANSWERS = java.time.Duration.ofMinutes(5);

    /**
     * Counts a request the client is about to send unless it would cross the reserve; check and count are one step, so
     * parallel senders cannot both take the last call. Empty when allowed, else the usage that refused it.
     */
    public Optional<ApiUsage> countOneWithin(QuotaReserve reserve) {
        ApiUsage[] refused = new ApiUsage[1];
        latest.updateAndGet(u -> {
            refused[0] = null;
            if (u == null) {
                return null;
            }
            if (reserve.wouldCross(u)) {
                refused[0] = u;
                return u;
            }
            return new ApiUsage(u.used() + 1, u.max(), u.observedAt());
        });
        return Optional.ofNullable(refused[0]);
    }

    public Optional<ApiUsage> latest() {
        return Optional.ofNullable(latest.get());
    }

}
