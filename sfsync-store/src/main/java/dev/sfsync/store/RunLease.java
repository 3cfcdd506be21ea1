package dev.sfsync.store;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The right of one process to run one sync, until {@code expiresAt} unless renewed.
 *
 * @param token  unique to this acquisition: renewing or releasing a lease someone else took over does nothing to theirs
 * @param holder who holds it, as the holder described itself (e.g. {@code pid 4711 on host-a})
 * @param run    the run going on under the lease; null between acquiring it and starting the run
 * @param ttl    how far each renewal moves the expiry
 */
public record RunLease(SyncId sync, String token, String holder, RunId run, Instant acquiredAt, Instant expiresAt, Duration ttl) {
    public RunLease {
        Objects.requireNonNull(sync, "sync is null");
        Objects.requireNonNull(token, "token is null");
        Objects.requireNonNull(holder, "holder is null");
        Objects.requireNonNull(acquiredAt, "acquiredAt is null");
        Objects.requireNonNull(expiresAt, "expiresAt is null");
        Objects.requireNonNull(ttl, "ttl is null");
    }

    /** True once the holder stopped renewing it in time: the sync is free and the run under it is dead. */
    RunLease withRun(RunId running) {
        return new RunLease(sync, token, holder, running, acquiredAt, expiresAt, ttl);
    }

    RunLease expiringAt(Instant expiry) {
        return new RunLease(sync, token, holder, run, acquiredAt, expiry, ttl);
    }

    public boolean expiredAt(Instant now) {
        return !expiresAt.isAfter(now);
    }
}
