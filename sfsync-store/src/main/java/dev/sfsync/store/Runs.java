package dev.sfsync.store;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.store.internal.Database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/** Runs of syncs: started, finished with their outcome counts, listed newest first. */
public final class Runs {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);
    private static final String COLUMNS = "run_id, sync_id, kind, status, started_at, finished_at, created_rows, updated_rows, deleted_rows,"
            + " unchanged_rows, rejected_rows, failed_rows, message, details_pruned_at";

    private final Database db;
    private final Clock clock;

    Runs(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records a new run as running; its id sorts by start time (UTC) and is unique. */
    public Run start(SyncId sync, Run.Kind kind) {
        Instant now = clock.instant();
        RunId id = RunId.of(ID_TIME.format(now) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt()));
        db.update("INSERT INTO runs (run_id, sync_id, kind, status, started_at) VALUES (?, ?, ?, ?, ?)",
                id.value(), sync.value(), kind.name(), Run.Status.RUNNING.name(), now.toEpochMilli());
        return find(id).orElseThrow();
    }

    /** Ends a run with its status, outcome counts and, for a failed run, why. */
    public void finish(RunId id, Run.Status status, RunSummary summary, String message) {
        if (status == Run.Status.RUNNING) {
            throw new IllegalArgumentException("a finished run needs a final status, not RUNNING");
        }
        int updated = db.update("UPDATE runs SET status = ?, finished_at = ?, created_rows = ?, updated_rows = ?, deleted_rows = ?,"
                        + " unchanged_rows = ?, rejected_rows = ?, failed_rows = ?, message = ? WHERE run_id = ?",
                status.name(), clock.millis(), summary.created(), summary.updated(), summary.deleted(), summary.unchanged(),
                summary.rejected(), summary.failed(), message, id.value());
        if (updated == 0) {
            throw new IllegalArgumentException("No run " + id + " to finish");
        }
    }

    /**
     * Ends a run whose process died while it was {@link Run.Status#RUNNING}, as {@link Run.Status#INTERRUPTED} at the time it
     * was last known alive, with the outcomes it had settled.
     *
     * @return false when the run had ended meanwhile (nothing changed)
     */
    public boolean interrupt(RunId id, Instant lastAlive, RunSummary settled, String message) {
        return db.update("UPDATE runs SET status = ?, finished_at = ?, created_rows = ?, updated_rows = ?, deleted_rows = ?,"
                        + " unchanged_rows = ?, rejected_rows = ?, failed_rows = ?, message = ? WHERE run_id = ? AND status = ?",
                Run.Status.INTERRUPTED.name(), lastAlive.toEpochMilli(), settled.created(), settled.updated(), settled.deleted(), settled.unchanged(),
                settled.rejected(), settled.failed(), message, id.value(), Run.Status.RUNNING.name()) > 0;
    }

    /** Every run still marked running, oldest first: live ones, and dead ones nobody has marked interrupted yet. */
    public List<Run> running() {
        return db.query("SELECT " + COLUMNS + " FROM runs WHERE status = ? ORDER BY started_at, run_id", Runs::map, Run.Status.RUNNING.name());
    }

    public Optional<Run> find(RunId id) {
        return db.queryOne("SELECT " + COLUMNS + " FROM runs WHERE run_id = ?", Runs::map, id.value());
    }

    /** The sync's runs, newest first. */
    public List<Run> recent(SyncId sync, int limit) {
        return db.query("SELECT " + COLUMNS + " FROM runs WHERE sync_id = ? ORDER BY started_at DESC, run_id DESC LIMIT ?", Runs::map, sync.value(), limit);
    }

    /** All syncs' runs, newest first. */
    public List<Run> recent(int limit) {
        return db.query("SELECT " + COLUMNS + " FROM runs ORDER BY started_at DESC, run_id DESC LIMIT ?", Runs::map, limit);
    }

    private static Run map(ResultSet rs) throws SQLException {
        long finished = rs.getLong(6);
        Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
        long pruned = rs.getLong(14);
        Instant prunedAt = rs.wasNull() ? null : Instant.ofEpochMilli(pruned);
        RunSummary summary = finishedAt == null ? RunSummary.EMPTY
                : new RunSummary(rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12));
        return new Run(RunId.of(rs.getString(1)), SyncId.of(rs.getString(2)), Run.Kind.valueOf(rs.getString(3)), Run.Status.valueOf(rs.getString(4)),
                Instant.ofEpochMilli(rs.getLong(5)), finishedAt, summary, rs.getString(13), prunedAt);
    }
}
