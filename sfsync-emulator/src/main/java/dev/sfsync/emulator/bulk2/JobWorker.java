package dev.sfsync.emulator.bulk2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Processes closed jobs in the background, as Salesforce does, on two daemon threads started with the first job (so an
 * ingest job does not hold a query job up). Tests can pause processing to look at a job before it runs, and wait until
 * every submitted job has finished instead of sleeping.
 */
final class JobWorker {
    private static final Logger LOG = LoggerFactory.getLogger(JobWorker.class);
    private static final int THREADS = 2;
    private static final AtomicInteger WORKERS = new AtomicInteger();

    private static final ScheduledExecutorService DELAYS = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "sfsync-bulk2-delays");
        t.setDaemon(true);
        return t;
    });

    private ExecutorService executor;
    private volatile long minProcessingMillis;
    private int pending;
    private boolean paused;
    private boolean closed;
    private int checkpointsUntilPause;
    private int waiting;

    synchronized void submit(Runnable job) {
        if (executor == null) {
            int worker = WORKERS.incrementAndGet();
            AtomicInteger thread = new AtomicInteger();
            executor = Executors.newFixedThreadPool(THREADS, task -> {
                Thread t = new Thread(task, "sfsync-bulk2-" + worker + "-" + thread.incrementAndGet());
                t.setDaemon(true);
                return t;
            });
        }
        pending++;
        long wait = minProcessingMillis / 2;
        if (wait > 0) {
            // The job stays in UploadComplete meanwhile, without holding one of the two worker threads.
            DELAYS.schedule(() -> startLater(job), wait, TimeUnit.MILLISECONDS);
            return;
        }
        start(job);
    }

    private synchronized void startLater(Runnable job) {
        if (executor == null || executor.isShutdown()) {
            finished();
            return;
        }
        start(job);
    }

    private void start(Runnable job) {
        executor.execute(() -> {
            try {
                checkpoint();
                job.run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.error("a Bulk API job failed unexpectedly", e);
            } finally {
                finished();
            }
        });
    }

    /** The least time from close to a terminal state (half in UploadComplete, half in InProgress); 0 for none. */
    void minProcessingMillis(long millis) {
        minProcessingMillis = millis;
    }

    /** Called by a job at the end of its run: keeps it InProgress until half the minimum processing time has passed. */
    void holdInProgress(long startedNanos) {
        long left = minProcessingMillis / 2 - (System.nanoTime() - startedNanos) / 1_000_000;
        if (left > 0) {
            try {
                Thread.sleep(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Returns at once unless processing is paused; then waits for {@link #resume()}. Jobs call it before they start
     * and before each chunk.
     */
    synchronized void checkpoint() throws InterruptedException {
        if (checkpointsUntilPause > 0 && --checkpointsUntilPause == 0) {
            paused = true;
        }
        if (paused && !closed) {
            waiting++;
            notifyAll();
            try {
                while (paused && !closed) {
                    wait();
                }
            } finally {
                waiting--;
            }
        }
    }

    /** Pauses processing when the {@code checkpoints}-th checkpoint from now is reached; for tests of a job half done. */
    synchronized void pauseAt(int checkpoints) {
        checkpointsUntilPause = checkpoints;
    }

    /** Waits until a job stands paused at a checkpoint; false when the timeout passed first. */
    synchronized boolean awaitPausedJob(Duration timeout) throws InterruptedException {
        return awaitUntil(() -> waiting > 0, timeout);
    }

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        checkpointsUntilPause = 0;
        notifyAll();
    }

    /** Waits until every submitted job has finished; false when the timeout passed first. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        return awaitUntil(() -> pending == 0, timeout);
    }

    /** Waits on this worker's lock (held by the caller) until the condition holds; false when the timeout passed first. */
    private boolean awaitUntil(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }

    synchronized int pending() {
        return pending;
    }

    void close() {
        ExecutorService running;
        synchronized (this) {
            closed = true;
            notifyAll();
            running = executor;
        }
        if (running != null) {
            running.shutdownNow();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (this) {
            // An emulator started again after close gets a fresh pool with its first job.
            executor = null;
            closed = false;
            paused = false;
            pending = 0;
            notifyAll();
        }
    }

    private synchronized void finished() {
        pending = Math.max(0, pending - 1);
        notifyAll();
    }
}
