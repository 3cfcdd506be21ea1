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
    private static final Batch END = new Batch(List.of(), null);

    private record Batch(List<RowOutcome> outcomes, Long callSeq) {
    }

    private final StateStore store;
    private final RunId run;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(4);
    private final Thread thread;
    private volatile RuntimeException failure;

    OutcomeLog(StateStore store, RunId run) {
        this.store = store;
        this.run = run;
        this.thread = Thread.ofPlatform().daemon().name("sfsync-outcome-log").start(this::drain);
    }

    /** Queues one batch of outcomes (waiting while the store is behind); throws what stopped the writer, if anything did. */
    void write(List<RowOutcome> outcomes) {
        write(outcomes, null);
    }

    /** As {@link #write(List)}, the outcomes pointing at the API call that carried them (null: not known). */
    void write(List<RowOutcome> outcomes, Long callSeq) {
        Batch batch = new Batch(outcomes, callSeq);
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
                store.outcomes().record(run, batch.outcomes(), batch.callSeq());
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
