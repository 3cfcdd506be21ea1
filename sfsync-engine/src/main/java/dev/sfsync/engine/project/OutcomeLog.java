package dev.sfsync.engine.project;

import dev.sfsync.core.RunId;
import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.store.StateStore;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes a run's outcomes into the state store on a thread of its own, so that the store's inserts overlap the
 * change set's (which must stay on the run's thread): settling a million rows took twice as long one after the other.
 * At most a few batches wait; {@link #finish} returns once every batch is in the store.
 * <p>
 * Unless the sync keeps every row's outcome ({@code keep_row_outcomes: all}), only failed and rejected rows are
 * stored one by one, each with the call that carried it; the rows that succeeded are stored as counts per status and
 * call: at a million rows, a million inserts into the store were the largest cost of a run after its upload.
 */
final class OutcomeLog implements AutoCloseable {
    private static final Batch END = new Batch(List.of(), Map.of(), null);

    private record Batch(List<RowOutcome> outcomes, Map<OutcomeStatus, Long> counts, Long callSeq) {
    }

    private final StateStore store;
    private final RunId run;
    private final boolean keepEveryRow;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile RuntimeException failure;

    /** Keeps every row's outcome. */
    OutcomeLog(StateStore store, RunId run) {
        this(store, run, true);
    }

    /** @param keepEveryRow false: rows that succeeded are kept as counts */
    OutcomeLog(StateStore store, RunId run, boolean keepEveryRow) {
        this.store = store;
        this.run = run;
        this.keepEveryRow = keepEveryRow;
        this.thread = Thread.ofPlatform().daemon().name("sfsync-outcome-log").start(this::drain);
    }

    /** Queues one batch of outcomes (waiting while the store is behind); throws what stopped the writer, if anything did. */
    void write(List<RowOutcome> outcomes) {
        write(outcomes, null);
    }

    /** As {@link #write(List)}, the outcomes pointing at the API call that carried them (null: not known). */
    void write(List<RowOutcome> outcomes, Long callSeq) {
        queue(new Batch(outcomes, Map.of(), callSeq));
    }

    /** Queues rows that succeeded as counts by status (settled set-based, never seen one by one), carried by the given call. */
    void count(Map<OutcomeStatus, Long> counts, Long callSeq) {
        queue(new Batch(List.of(), Map.copyOf(counts), callSeq));
    }

    /** Whether rows that succeeded must reach {@link #write} one by one, or may come as {@link #count counts}. */
    boolean keepsEveryRow() {
        return keepEveryRow;
    }

    private void queue(Batch batch) {
        try {
            while (!queue.offer(batch, 50, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted while keeping its outcomes", e);
        }
        rethrow();
    }

    /** Waits until every queued batch is in the store. */
    void finish() {
        try {
            while (thread.isAlive() && !queue.offer(END, 50, TimeUnit.MILLISECONDS)) {
                rethrow();
            }
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted while keeping its outcomes", e);
        }
        rethrow();
    }

    private void rethrow() {
        if (failure != null) {
            throw failure;
        }
    }

    private void drain() {
        try {
            for (Batch batch = queue.take(); batch != END; batch = queue.take()) {
                store(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    private void store(Batch batch) {
        Map<OutcomeStatus, Long> counts = new EnumMap<>(OutcomeStatus.class);
        counts.putAll(batch.counts());
        List<RowOutcome> rows = batch.outcomes();
        if (!keepEveryRow) {
            rows = new ArrayList<>();
            for (RowOutcome outcome : batch.outcomes()) {
                if (outcome.status().succeeded()) {
                    counts.merge(outcome.status(), 1L, Long::sum);
                } else {
                    rows.add(outcome);
                }
            }
        }
        if (!rows.isEmpty() || !counts.isEmpty()) {
            store.outcomes().record(run, rows, counts, batch.callSeq());
        }
    }

    /**
     * After a failed run: still keeps what was settled, for the run's record; a failure of the store itself is
     * suppressed here, as the run's own failure is the one to report.
     */
    @Override
    public void close() {
        try {
            finish();
        } catch (RuntimeException ignored) {
            // Reported by finish() on the success path; here the run is already failing with its own cause.
        }
    }
}
