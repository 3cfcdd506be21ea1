package dev.sfsync.store;

import dev.sfsync.core.RunId;
import dev.sfsync.store.internal.Database;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** The HTTP calls of each run, in the order they were recorded. */
public final class ApiLog {
    private final Database db;
    private final AtomicLong sequence;

    ApiLog(Database db) {
        this.db = db;
        this.sequence = new AtomicLong(db.queryOne("SELECT coalesce(max(seq), 0) FROM api_calls", rs -> rs.getLong(1)).orElse(0L));
    }

    public long record(ApiCall call) {
        return record(call, CallBodies.NONE);
    }

    /** Records the call with its (already redacted) bodies; returns its number in the log, for outcomes to point at. */
    public long record(ApiCall call, CallBodies bodies) {
        long seq = sequence.incrementAndGet();
        db.update("INSERT INTO api_calls (run_id, seq, at, method, url, status, duration_ms, request_bytes, response_bytes, error, request_body,"
                        + " response_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", call.run().value(), seq, call.at().toEpochMilli(),
                call.method(), call.url(), call.status(), call.duration().toMillis(), call.requestBytes(), call.responseBytes(), call.error(),
                bodies.request(), bodies.response());
        return seq;
    }

    public List<ApiCall> list(RunId run) {
        return entries(run, 0).stream().map(LoggedCall::call).toList();
    }

    /** The run's calls after {@code afterSeq} (0 for all), with their numbers: what a live view has not shown yet. */
    public List<LoggedCall> entries(RunId run, long afterSeq) {
        return calls(run, "seq > ?", afterSeq);
    }

    /** One call of the run, by its number. */
    public java.util.Optional<LoggedCall> find(RunId run, long seq) {
        return calls(run, "seq = ?", seq).stream().findFirst();
    }

    private List<LoggedCall> calls(RunId run, String condition, long seq) {
        return db.query("SELECT seq, at, method, url, status, duration_ms, request_bytes, response_bytes, error FROM api_calls"
                        + " WHERE run_id = ? AND " + condition + " ORDER BY seq",
                rs -> new LoggedCall(rs.getLong(1), new ApiCall(run, Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3), rs.getString(4),
                        rs.getInt(5), Duration.ofMillis(rs.getLong(6)), rs.getLong(7), rs.getLong(8), rs.getString(9))), run.value(), seq);
    }

    /** A call's bodies (loaded one call at a time: up to 128 KB each). */
    public CallBodies bodies(RunId run, long seq) {
        return db.queryOne("SELECT request_body, response_body FROM api_calls WHERE run_id = ? AND seq = ?",
                rs -> new CallBodies(rs.getString(1), rs.getString(2)), run.value(), seq).orElse(CallBodies.NONE);
    }

    public long count(RunId run) {
        return db.queryOne("SELECT count(*) FROM api_calls WHERE run_id = ?", rs -> rs.getLong(1), run.value()).orElse(0L);
    }

    /**
     * When the calls of these syncs' runs were made since {@code since}, oldest first: what this project spent in
     * Salesforce's rolling 24-hour window, and so when those calls free up again.
     */
    public List<Instant> callTimes(java.util.Collection<String> syncIds, Instant since) {
        if (syncIds.isEmpty()) {
            return List.of();
        }
        String marks = String.join(", ", java.util.Collections.nCopies(syncIds.size(), "?"));
        Object[] parameters = new Object[syncIds.size() + 1];
        parameters[0] = since.toEpochMilli();
        int i = 1;
        for (String sync : syncIds) {
            parameters[i++] = sync;
        }
        return db.query("SELECT a.at FROM api_calls a JOIN runs r ON r.run_id = a.run_id WHERE a.at >= ? AND r.sync_id IN (" + marks + ")"
                + " ORDER BY a.at", rs -> Instant.ofEpochMilli(rs.getLong(1)), parameters);
    }

    /** Calls per sync since {@code since}, most first: which syncs spent the org's quota. */
    public java.util.Map<String, Long> callsBySync(Instant since) {
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        db.query("SELECT r.sync_id, count(*) AS n FROM api_calls a JOIN runs r ON r.run_id = a.run_id WHERE a.at >= ? GROUP BY r.sync_id"
                + " ORDER BY n DESC, r.sync_id", rs -> counts.put(rs.getString(1), rs.getLong(2)), since.toEpochMilli());
        return counts;
    }
}
