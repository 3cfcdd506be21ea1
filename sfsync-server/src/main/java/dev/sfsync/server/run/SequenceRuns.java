package dev.sfsync.server.run;

import dev.sfsync.server.db.ServerDatabase;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Runs of sequences and the run each step started, in the server's tables: a sequence started on one node is followed
 * from any other. Step statuses: pending, running, then the run's own (succeeded, partial, failed, cancelled), or
 * skipped when an earlier step stopped the sequence.
 */
public final class SequenceRuns {
    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS").withZone(ZoneOffset.UTC);

    private final ServerDatabase db;
    private final Clock clock;

    public SequenceRuns(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Step(int position, String sync, String runId, String status, String message) {
    }

    /** A sequence's run: running until its last step ended, then succeeded, failed (a step failed as a whole) or cancelled. */
    public record SequenceRun(String id, String sequence, String trigger, String status, Instant startedAt, Instant finishedAt, List<Step> steps) {
        public SequenceRun {
            Objects.requireNonNull(id, "id is null");
            steps = List.copyOf(steps);
        }
    }

    /** Records a new run of the sequence, every step pending; its id sorts by start time. */
    public String start(String sequence, List<String> syncs, String trigger) {
        Instant now = clock.instant();
        String id = "seq-" + ID_TIME.format(now) + "-" + HexFormat.of().toHexDigits((short) ThreadLocalRandom.current().nextInt());
        db.update("INSERT INTO sequence_runs (id, sequence, trigger, status, started_at) VALUES (?, ?, ?, 'running', ?)", id, sequence, trigger,
                now.toEpochMilli());
        for (int i = 0; i < syncs.size(); i++) {
            db.update("INSERT INTO sequence_run_steps (sequence_run_id, position, sync, status) VALUES (?, ?, ?, 'pending')", id, i, syncs.get(i));
        }
        return id;
    }

    void stepStarted(String id, int position, String runId) {
        db.update("UPDATE sequence_run_steps SET run_id = ?, status = 'running' WHERE sequence_run_id = ? AND position = ?", runId, id, position);
    }

    void stepEnded(String id, int position, String runId, String status, String message) {
        db.update("UPDATE sequence_run_steps SET run_id = ?, status = ?, message = ? WHERE sequence_run_id = ? AND position = ?", runId, status,
                message, id, position);
    }

    void finish(String id, String status) {
        db.update("UPDATE sequence_run_steps SET status = 'skipped' WHERE sequence_run_id = ? AND status = 'pending'", id);
        db.update("UPDATE sequence_runs SET status = ?, finished_at = ? WHERE id = ?", status, clock.millis(), id);
    }

    public Optional<SequenceRun> find(String id) {
        return db.queryOne("SELECT id, sequence, trigger, status, started_at, finished_at FROM sequence_runs WHERE id = ?", this::map, id);
    }

    /** The newest runs first, of one sequence or (null) of all. */
    public List<SequenceRun> recent(String sequence, int limit) {
        return sequence == null
                ? db.query("SELECT id, sequence, trigger, status, started_at, finished_at FROM sequence_runs ORDER BY started_at DESC, id DESC LIMIT ?",
                this::map, limit)
                : db.query("SELECT id, sequence, trigger, status, started_at, finished_at FROM sequence_runs WHERE sequence = ?"
                + " ORDER BY started_at DESC, id DESC LIMIT ?", this::map, sequence, limit);
    }

    /**
     * Removes finished sequence runs (with their steps) started before {@code olderThan}, except each sequence's
     * {@code keepLast} newest; with {@code dryRun} only counts them. Returns how many.
     */
    public long prune(Instant olderThan, int keepLast, boolean dryRun) {
        List<String> ids = db.query("SELECT id FROM (SELECT id, started_at, finished_at, ROW_NUMBER() OVER (PARTITION BY sequence"
                        + " ORDER BY started_at DESC, id DESC) AS newest FROM sequence_runs) s WHERE s.newest > ? AND s.finished_at IS NOT NULL"
                        + " AND s.started_at < ?", rs -> rs.getString(1), keepLast, olderThan.toEpochMilli());
        if (!dryRun) {
            for (String id : ids) {
                // steps first: a prune stopped between the two leaves a run without steps, which the next prune removes
                db.update("DELETE FROM sequence_run_steps WHERE sequence_run_id = ?", id);
                db.update("DELETE FROM sequence_runs WHERE id = ?", id);
            }
        }
        return ids.size();
    }

    private SequenceRun map(java.sql.ResultSet rs) throws java.sql.SQLException {
        String id = rs.getString(1);
        long finished = rs.getLong(6);
        Instant finishedAt = rs.wasNull() ? null : Instant.ofEpochMilli(finished);
        List<Step> steps = db.query("SELECT position, sync, run_id, status, message FROM sequence_run_steps WHERE sequence_run_id = ? ORDER BY position",
                s -> new Step(s.getInt(1), s.getString(2), s.getString(3), s.getString(4), s.getString(5)), id);
        return new SequenceRun(id, rs.getString(2), rs.getString(3), rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), finishedAt, steps);
    }
}
