package dev.sfsync.store;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.store.internal.Database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One lock per sync that survives a crash: a row with its holder and an expiry, renewed while the run goes and
 * deleted when it ends. A process killed mid-run leaves its row behind; once it expires the sync is free again, and
 * the run under it is the dead run to mark interrupted and reconcile. Every method is one atomic statement, so two
 * processes (or a CLI and a server) sharing the store never both hold a sync.
 */
public final class RunLeases {
    private static final String COLUMNS = "sync_id, token, holder, run_id, acquired_at, expires_at, ttl_ms";

    private final Database db;
    private final Clock clock;

    RunLeases(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Takes the sync's lease for {@code ttl} if nobody holds it or its holder's lease expired; empty when it is held. */
    public Optional<RunLease> tryAcquire(SyncId sync, String holder, Duration ttl) {
        checkTtl(ttl);
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        int taken = db.update("INSERT INTO run_leases (" + COLUMNS + ") VALUES (?, ?, ?, NULL, ?, ?, ?) ON CONFLICT (sync_id) DO UPDATE SET"
                        + " token = excluded.token, holder = excluded.holder, run_id = NULL, acquired_at = excluded.acquired_at,"
                        + " expires_at = excluded.expires_at, ttl_ms = excluded.ttl_ms WHERE run_leases.expires_at <= ?",
                sync.value(), token, holder, now.toEpochMilli(), now.plus(ttl).toEpochMilli(), ttl.toMillis(), now.toEpochMilli());
        return taken == 0 ? Optional.empty() : current(sync).filter(lease -> lease.token().equals(token));
    }

    /**
     * Moves the lease's expiry to its time to live from now.
     *
     * @return the renewed lease, or empty when it is no longer this holder's (it expired and another process took it)
     */
    public Optional<RunLease> renew(RunLease lease) {
        Instant expires = Instant.ofEpochMilli(clock.instant().plus(lease.ttl()).toEpochMilli());
        int renewed = db.update("UPDATE run_leases SET expires_at = ? WHERE sync_id = ? AND token = ?", expires.toEpochMilli(),
                lease.sync().value(), lease.token());
        return renewed == 0 ? Optional.empty() : Optional.of(lease.expiringAt(expires));
    }

    /** Names the run going on under the lease, so that others can say which run holds the sync; empty when the lease was lost. */
    public Optional<RunLease> attach(RunLease lease, RunId run) {
        int attached = db.update("UPDATE run_leases SET run_id = ? WHERE sync_id = ? AND token = ?", run.value(), lease.sync().value(), lease.token());
        return attached == 0 ? Optional.empty() : Optional.of(lease.withRun(run));
    }

    /** Frees the sync; does nothing when the lease was already taken over by another holder. */
    public void release(RunLease lease) {
        db.update("DELETE FROM run_leases WHERE sync_id = ? AND token = ?", lease.sync().value(), lease.token());
    }

    /** The sync's lease row, expired or not (see {@link RunLease#expiredAt}). */
    public Optional<RunLease> current(SyncId sync) {
        return db.queryOne("SELECT " + COLUMNS + " FROM run_leases WHERE sync_id = ?", RunLeases::map, sync.value());
    }

    /** Every lease row, expired or not. */
    public List<RunLease> all() {
        return db.query("SELECT " + COLUMNS + " FROM run_leases ORDER BY sync_id", RunLeases::map);
    }

    private static void checkTtl(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("a lease needs a positive time to live, not " + ttl);
        }
    }

    private static RunLease map(ResultSet rs) throws SQLException {
        String run = rs.getString(4);
        return new RunLease(SyncId.of(rs.getString(1)), rs.getString(2), rs.getString(3), run == null ? null : RunId.of(run),
                Instant.ofEpochMilli(rs.getLong(5)), Instant.ofEpochMilli(rs.getLong(6)), Duration.ofMillis(rs.getLong(7)));
    }
}
