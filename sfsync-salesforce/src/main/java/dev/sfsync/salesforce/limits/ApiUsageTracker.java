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

    public void observe(long used, long max) {
        latest.set(new ApiUsage(used, max, clock.instant()));
    }

    public Optional<ApiUsage> latest() {
        return Optional.ofNullable(latest.get());
    }

    /**
     * Counts a request the client is about to send, so that a burst of calls between two reports cannot run past the
     * reserve unseen. The next header replaces the estimate with the org's own count.
     */
    public void countOne() {
        latest.updateAndGet(u -> u == null ? null : new ApiUsage(u.used() + 1, u.max(), u.observedAt()));
    }
}
