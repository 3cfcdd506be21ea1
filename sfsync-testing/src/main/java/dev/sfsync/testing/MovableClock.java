package dev.sfsync.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock a test sets and moves, for an emulated org whose SystemModstamps the test decides: records written at
 * the same second (a cursor tie), or a write stamped before one already read (a transaction that committed late).
 * Thread-safe.
 */
public final class MovableClock extends Clock {
    private volatile Instant now;

    public MovableClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start is null");
    }

    public void set(Instant instant) {
        now = Objects.requireNonNull(instant, "instant is null");
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
