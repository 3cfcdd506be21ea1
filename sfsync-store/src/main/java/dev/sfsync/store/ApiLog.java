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

    public void record(ApiCall call) {
        db.update("INSERT INTO api_calls (run_id, seq, at, method, url, status, duration_ms, request_bytes, response_bytes, error)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", call.run().value(), sequence.incrementAndGet(), call.at().toEpochMilli(),
                call.method(), call.url(), call.status(), call.duration().toMillis(), call.requestBytes(), call.responseBytes(), call.error());
    }

    public List<ApiCall> list(RunId run) {
        return db.query("SELECT at, method, url, status, duration_ms, request_bytes, response_bytes, error FROM api_calls WHERE run_id = ? ORDER BY seq",
                rs -> new ApiCall(run, Instant.ofEpochMilli(rs.getLong(1)), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Duration.ofMillis(rs.getLong(5)), rs.getLong(6), rs.getLong(7), rs.getString(8)), run.value());
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
