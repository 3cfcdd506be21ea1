package dev.sfsync.store;

import dev.sfsync.store.internal.Database;

import java.time.Clock;
import java.util.List;

/**
 * Applies a {@link RetentionPolicy}: deletes the details of old runs (outcomes, API calls with their bodies, cancel
 * requests), keeping the runs and their counts.
 */
final class Retention {
    private final Database db;
    private final Clock clock;

    Retention(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    PruneResult prune(RetentionPolicy policy) {
        long now = clock.millis();
        long cutoff = now - policy.keepFor().toMillis();
        List<String> runIds = db.query("SELECT r.run_id FROM runs r WHERE r.details_pruned_at IS NULL AND r.finished_at IS NOT NULL"
                        + " AND r.started_at < ? AND (SELECT count(*) FROM runs n WHERE n.sync_id = r.sync_id"
                        + " AND (n.started_at > r.started_at OR (n.started_at = r.started_at AND n.run_id > r.run_id))) >= ?",
                rs -> rs.getString(1), cutoff, policy.keepRuns());
        long outcomes = 0;
        long calls = 0;
        for (String runId : runIds) {
            long[] deleted = db.inTransaction(() -> new long[] {
                    db.update("DELETE FROM row_outcomes WHERE run_id = ?", runId),
                    db.update("DELETE FROM api_calls WHERE run_id = ?", runId),
                    db.update("DELETE FROM run_cancellations WHERE run_id = ?", runId),
                    db.update("UPDATE runs SET details_pruned_at = ? WHERE run_id = ?", now, runId)});
            outcomes += deleted[0];
            calls += deleted[1];
        }
        return new PruneResult(runIds.size(), outcomes, calls);
    }
}
