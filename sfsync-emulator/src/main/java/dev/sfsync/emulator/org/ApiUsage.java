package dev.sfsync.emulator.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The org's daily API request allowance, counted over a 24-hour window as Salesforce does, and reported in the
 * {@code Sforce-Limit-Info} header as {@code api-usage=used/max}.
 */
public final class ApiUsage {
    private static final Duration WINDOW = Duration.ofHours(24);

    private final Clock clock;
    private long max;
    private long used;
    private Instant windowStart;

    public ApiUsage(Clock clock, long max) {
        this.clock = clock;
        this.max = max;
        this.windowStart = clock.instant();
    }

    /** Counts one request; false when the allowance is already spent (the request must then be refused). */
    public synchronized boolean tryAcquire() {
        roll();
        if (used >= max) {
            return false;
        }
        used++;
        return true;
    }

    public synchronized long used() {
        roll();
        return used;
    }

    public synchronized long max() {
        return max;
    }

    public synchronized void setMax(long newMax) {
        this.max = newMax;
    }

    public synchronized void setUsed(long newUsed) {
        this.used = newUsed;
    }

    public synchronized void reset() {
        used = 0;
        windowStart = clock.instant();
    }

    public synchronized String header() {
        roll();
        return "api-usage=" + used + "/" + max;
    }

    private void roll() {
        Instant now = clock.instant();
        if (now.isAfter(windowStart.plus(WINDOW))) {
            used = 0;
            windowStart = now;
        }
    }
}
