package dev.sfsync.store;

import dev.sfsync.store.internal.Database;

import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Applies a {@link RetentionPolicy}: deletes old runs' details (outcomes, those kept as counts too, API calls with their bodies, cancel requests),
 * older calls' bodies, and the oldest runs themselves. Each run is pruned in its own transaction, so a prune stopped
 * half-way (or run by two servers at once) leaves every run either whole or pruned. A dry run counts the same rows.
 */
final class Retention {
    /** Finished runs beyond their sync's newest ones, and not holding rows a crash left to reconcile. */
    private static final String PRUNABLE = "SELECT run_id FROM (SELECT r.run_id, r.sync_id, r.started_at, r.finished_at, r.details_pruned_at,"
            + " ROW_NUMBER() OVER (PARTITION BY r.sync_id ORDER BY r.started_at DESC, r.run_id DESC) AS newest FROM runs r) p"
            + " WHERE p.newest > ? AND p.finished_at IS NOT NULL AND p.started_at < ?"
            + " AND NOT EXISTS (SELECT 1 FROM write_intents w WHERE w.run_id = p.run_id)"
            + " AND NOT EXISTS (SELECT 1 FROM bulk_jobs b WHERE b.run_id = p.run_id)";
    /** A sync's newest successful run stays whatever its age: the stale alert and the pages say when it last succeeded. */
    private static final String NOT_LAST_SUCCESS = " AND p.run_id <> coalesce((SELECT s.run_id FROM runs s WHERE s.sync_id = p.sync_id"
            + " AND s.status IN ('SUCCEEDED', 'PARTIAL') ORDER BY s.started_at DESC, s.run_id DESC LIMIT 1), '')";
    private static final String HAS_BODIES = "EXISTS (SELECT 1 FROM api_calls c WHERE c.run_id = p.run_id"
            + " AND (c.request_body IS NOT NULL OR c.response_body IS NOT NULL))";
    private static final String WITH_BODIES = "run_id = ? AND (request_body IS NOT NULL OR response_body IS NOT NULL)";

    private final Database db;
    private final Clock clock;

    Retention(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    PruneResult prune(RetentionPolicy policy, boolean dryRun) {
        long now = clock.millis();
        List<String> whole = prunable(policy, policy.keepRunsFor(), now, NOT_LAST_SUCCESS);
        Set<String> taken = new HashSet<>(whole);
        List<String> details = prunable(policy, policy.keepFor(), now, " AND p.details_pruned_at IS NULL").stream()
                .filter(taken::add).toList();
        List<String> bodies = prunable(policy, policy.keepBodiesFor(), now, " AND p.details_pruned_at IS NULL AND " + HAS_BODIES).stream()
                .filter(taken::add).toList();
        long outcomes = 0;
        long calls = 0;
        long bodiesRemoved = 0;
        for (String runId : whole) {
            long[] removed = db.inTransaction(() -> new long[] {
                    remove(dryRun, "row_outcomes", runId) + removeCounted(dryRun, runId), remove(dryRun, "api_calls", runId),
                    remove(dryRun, "run_cancellations", runId), remove(dryRun, "runs", runId)});
            outcomes += removed[0];
            calls += removed[1];
        }
        for (String runId : details) {
            long[] removed = db.inTransaction(() -> {
                long[] counts = {remove(dryRun, "row_outcomes", runId) + removeCounted(dryRun, runId), remove(dryRun, "api_calls", runId),
                        remove(dryRun, "run_cancellations", runId)};
                if (!dryRun) {
                    db.update("UPDATE runs SET details_pruned_at = ? WHERE run_id = ?", now, runId);
                }
                return counts;
            });
            outcomes += removed[0];
            calls += removed[1];
        }
        for (String runId : bodies) {
            bodiesRemoved += dryRun ? count("api_calls", WITH_BODIES, runId)
                    : db.update("UPDATE api_calls SET request_body = NULL, response_body = NULL WHERE " + WITH_BODIES, runId);
        }
        return new PruneResult(details.size(), outcomes, calls, bodiesRemoved, whole.size());
    }

    private List<String> prunable(RetentionPolicy policy, Duration age, long now, String condition) {
        long cutoff = now - Math.min(age.toMillis(), now);
        return db.query(PRUNABLE + condition + " ORDER BY p.started_at", rs -> rs.getString(1), policy.keepRuns(), cutoff);
    }

    private long remove(boolean dryRun, String table, String runId) {
        return dryRun ? count(table, "run_id = ?", runId) : db.update("DELETE FROM " + table + " WHERE run_id = ?", runId);
    }

    /** Removes the run's rows kept as counts ({@code outcome_counts}), saying how many rows of outcomes they stood for. */
    private long removeCounted(boolean dryRun, String runId) {
        long rows = db.queryOne("SELECT coalesce(sum(row_count), 0) FROM outcome_counts WHERE run_id = ?", rs -> rs.getLong(1), runId).orElse(0L);
        if (!dryRun) {
            db.update("DELETE FROM outcome_counts WHERE run_id = ?", runId);
        }
        return rows;
    }

    private long count(String table, String where, String runId) {
        return db.queryOne("SELECT count(*) FROM " + table + " WHERE " + where, rs -> rs.getLong(1), runId).orElse(0L);
    }
}
