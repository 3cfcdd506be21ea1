package dev.sfsync.store;

import dev.sfsync.core.RunId;
import dev.sfsync.store.internal.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Requests to cancel running runs. Whoever asks (the CLI, any server node) only records the request here; the process
 * running the run polls {@link #requested} and stops sending, so a cancel works whichever process started the run.
 */
public final class RunCancellations {
    private final Database db;
    private final Clock clock;

    RunCancellations(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Who asked for a run to be cancelled, and when. */
    public record Request(RunId run, Instant requestedAt, String requestedBy) {
        public Request {
            Objects.requireNonNull(run, "run is null");
            Objects.requireNonNull(requestedAt, "requestedAt is null");
            Objects.requireNonNull(requestedBy, "requestedBy is null");
        }
    }

    /** Records the request; asking again keeps the first request (its time and who made it), which it returns. */
    public Request request(RunId run, String requestedBy) {
        db.update("INSERT INTO run_cancellations (run_id, requested_at, requested_by) VALUES (?, ?, ?) ON CONFLICT (run_id) DO NOTHING",
                run.value(), clock.millis(), requestedBy);
        return requested(run).orElseThrow(() -> new IllegalStateException("cancel request of " + run + " vanished"));
    }

    /** The request to cancel the run, if one was made. */
    public Optional<Request> requested(RunId run) {
        return db.queryOne("SELECT run_id, requested_at, requested_by FROM run_cancellations WHERE run_id = ?",
                rs -> new Request(RunId.of(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)), run.value());
    }
}
