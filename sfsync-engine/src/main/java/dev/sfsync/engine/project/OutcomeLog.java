package dev.sfsync.engine.project;

import dev.sfsync.core.RunId;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.store.StateStore;

import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Writes a run's outcomes into the state store on a thread of its own, so that the store's inserts overlap the
 * change set's (which must stay on the run's thread): settling a million rows took twice as long one after the other.
 * At most a few batches wait; {@link #finish} returns once every batch is in the store.
 */
final class OutcomeLog implements AutoCloseable {
    private static final List<RowOutcome> END = List.of();

    private final StateStore store;
    private final RunId run;
    private final BlockingQueue<List<RowOutcome>> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile RuntimeException failure;

    OutcomeLog(StateStore store, RunId run) {
        this.store = store;
        this.run = run;
        this.thread = Thread.ofPlatform().daemon().name("sfsync-outcome-log").start(this::drain);
    }

    /** Queues one batch of outcomes (waiting while the store is behind); throws what stopped the writer, if anything did. */
    void write(List<RowOutcome> outcomes) {
        try {
            while (!queue.offer(outcomes, 50, TimeUnit.MILLISECONDS)) {
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
            for (List<RowOutcome> outcomes = queue.take(); outcomes != END; outcomes = queue.take()) {
                store.outcomes().record(run, outcomes);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
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
