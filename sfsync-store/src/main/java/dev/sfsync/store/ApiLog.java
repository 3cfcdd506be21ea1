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
}
