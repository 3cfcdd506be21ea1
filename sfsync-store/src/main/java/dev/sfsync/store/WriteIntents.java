package dev.sfsync.store;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.store.internal.Database;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The write-ahead record of intent. Before a row that creates a record can reach Salesforce, its key (and the
 * idempotency value it carries) is stored here; before a Bulk job can process anything, its id is. Both stay until
 * the outcome is settled. A run that dies leaves them behind: the next run of the sync reconciles them against the
 * org (waits for the jobs, looks the rows up by their idempotency value) before it sends anything, so a create whose
 * answer was lost is never sent a second time blindly.
 */
public final class WriteIntents {
    /** A row some run was about to create. */
    public record PendingRow(RunId run, RowKey key, String matchValue) {
    }

    /** A Bulk job some run opened. */
    public record PendingJob(RunId run, String api, String jobId, Instant createdAt) {
    }

    private final Database db;
    private final Clock clock;

    WriteIntents(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** Records rows about to be sent, in one transaction: durable when this returns. */
    public void sending(SyncId sync, RunId run, Collection<PendingRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(rows.size());
        for (PendingRow row : rows) {
            values.add(new Object[] {sync.value(), run.value(), key(row.key()), row.matchValue()});
        }
        db.batch("INSERT INTO write_intents (sync_id, run_id, row_key, match_value) VALUES (?, ?, ?, ?)", values);
    }

    /** The rows' outcomes are settled: they need no reconciliation any more. */
    public void settled(SyncId sync, Collection<RowKey> keys) {
        if (keys.isEmpty()) {
            return;
        }
        List<Object[]> values = new ArrayList<>(keys.size());
        for (RowKey key : keys) {
            values.add(new Object[] {sync.value(), key(key)});
        }
        db.batch("DELETE FROM write_intents WHERE sync_id = ? AND row_key = ?", values);
    }

    /** Records a Bulk job as soon as Salesforce named it, before any row of it can be processed. */
    public void jobOpened(SyncId sync, RunId run, String api, String jobId) {
        db.update("INSERT INTO bulk_jobs (sync_id, run_id, api, job_id, created_at) VALUES (?, ?, ?, ?, ?)", sync.value(), run.value(), api, jobId,
                clock.millis());
    }

    /** The job has ended and its rows' outcomes are settled (or reconciled). */
    public void jobSettled(SyncId sync, String jobId) {
        db.update("DELETE FROM bulk_jobs WHERE sync_id = ? AND job_id = ?", sync.value(), jobId);
    }

    /** Up to {@code limit} unsettled rows of the sync, after {@code afterKey} (null for the first page), by key. */
    public List<PendingRow> pendingRows(SyncId sync, RowKey afterKey, int limit) {
        return db.query("SELECT run_id, row_key, match_value FROM write_intents WHERE sync_id = ? AND row_key > ? ORDER BY row_key LIMIT ?",
                rs -> new PendingRow(RunId.of(rs.getString(1)), new RowKey(Arrays.asList(rs.getString(2).split(RowOutcomes.KEY_SEPARATOR, -1))),
                        rs.getString(3)), sync.value(), afterKey == null ? "" : key(afterKey), limit);
    }

    public long countPendingRows(SyncId sync) {
        return db.queryOne("SELECT count(*) FROM write_intents WHERE sync_id = ?", rs -> rs.getLong(1), sync.value()).orElse(0L);
    }

    /** Jobs of the sync whose end no run has seen, oldest first. */
    public List<PendingJob> pendingJobs(SyncId sync) {
        return db.query("SELECT run_id, api, job_id, created_at FROM bulk_jobs WHERE sync_id = ? ORDER BY created_at, job_id",
                rs -> new PendingJob(RunId.of(rs.getString(1)), rs.getString(2), rs.getString(3), Instant.ofEpochMilli(rs.getLong(4))), sync.value());
    }

    /** Forgets every intent of the sync: a run ended having settled all its rows, and every earlier intent was reconciled. */
    public void clear(SyncId sync) {
        db.inTransaction(() -> {
            db.update("DELETE FROM write_intents WHERE sync_id = ?", sync.value());
            db.update("DELETE FROM bulk_jobs WHERE sync_id = ?", sync.value());
            return null;
        });
    }

    private static String key(RowKey key) {
        return String.join(RowOutcomes.KEY_SEPARATOR, key.values());
    }
}
