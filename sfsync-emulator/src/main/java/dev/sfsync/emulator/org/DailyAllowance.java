package dev.sfsync.emulator.org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * An allowance counted over 24 hours, as Salesforce counts its daily limits: the count starts again 24 hours after
 * the window opened. Thread-safe.
 */
public final class DailyAllowance {
    private static final Duration WINDOW = Duration.ofHours(24);

    private final Clock clock;
    private long max;
    private long used;
    private Instant windowStart;

    public DailyAllowance(Clock clock, long max) {
        this.clock = clock;
        this.max = max;
        this.windowStart = clock.instant();
    }

    /** Takes {@code amount} off the allowance; false (and nothing taken) when that would go past the maximum. */
    public synchronized boolean tryAcquire(long amount) {
        roll();
        if (used + amount > max) {
            return false;
        }
        used += amount;
        return true;
    }

    /** Takes as much of {@code wanted} as is left, for work that can stop part-way; returns how much it took. */
    public synchronized long acquireUpTo(long wanted) {
        roll();
        long granted = Math.max(0, Math.min(wanted, max - used));
        used += granted;
        return granted;
    }

    public synchronized long used() {
        roll();
        return used;
    }

    public synchronized long max() {
        return max;
    }

    public synchronized long remaining() {
        roll();
        return Math.max(0, max - used);
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

    private void roll() {
        Instant now = clock.instant();
        if (now.isAfter(windowStart.plus(WINDOW))) {
            used = 0;
            windowStart = now;
        }
    }
}
