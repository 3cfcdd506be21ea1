package dev.sfsync.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock a test sets and moves: for an emulated org whose SystemModstamps the test decides (records written at the
 * same second, a cursor tie; a write stamped before one already read, a transaction that committed late), or for a
 * state store whose leases and retention the test ages. Thread-safe. (The emulator's own tests keep their ManualClock:
 * this module depends on the emulator, so the emulator cannot depend on it.)
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
