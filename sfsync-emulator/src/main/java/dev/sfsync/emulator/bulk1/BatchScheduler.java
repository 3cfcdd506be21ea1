package dev.sfsync.emulator.bulk1;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs queued batches on a few worker threads, oldest first: a Parallel job up to four of its batches at once, a
 * Serial job one at a time. Batches that start together claim their row locks in the order they were added, before
 * any of them runs, so lock failures between them do not depend on thread timing. Pausing holds batches in Queued
 * (tests use it to line batches up, or to abort a job while its batches wait).
 */
final class BatchScheduler {
    static final int WORKERS = 4;
    private static final AtomicInteger SCHEDULERS = new AtomicInteger();

    /** Processes one batch; {@code contended} are the lock keys other batches held when it started. */
    @FunctionalInterface
    interface Processor {
        void process(Batch batch, Set<String> contended);
    }

    /** The lock keys a batch needs. */
    @FunctionalInterface
    interface KeyScanner {
        Set<String> keys(Batch batch);
    }

    private final Processor processor;
    private final KeyScanner scanner;
    private final Clock clock;
    private final String threadNamePrefix = "sfsync-bulk1-" + SCHEDULERS.incrementAndGet() + "-worker-";
    private final RecordLocks locks = new RecordLocks();
    private final Set<Batch> queue = new LinkedHashSet<>();
    private final Map<Job, Integer> runningPerJob = new HashMap<>();
    private int running;
    private boolean paused;
    private ExecutorService workers;

    BatchScheduler(Processor processor, KeyScanner scanner, Clock clock) {
        this.processor = processor;
        this.scanner = scanner;
        this.clock = clock;
    }

    synchronized void submit(Batch batch) {
        queue.add(batch);
        dispatch();
    }

    synchronized void pause() {
        paused = true;
    }

    synchronized void resume() {
        paused = false;
        dispatch();
    }

    /** Forgets every queued batch and lock (the org was reset); batches in flight stop at their next chunk. */
    synchronized void clear() {
        queue.clear();
        locks.clear();
        paused = false;
    }

    /** Stops the workers (the emulator is closing); a later batch starts them again. */
    void shutdown() {
        ExecutorService stopping;
        synchronized (this) {
            clear();
            stopping = workers;
            workers = null;
        }
        if (stopping != null) {
            stopping.shutdownNow();
            try {
                stopping.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void dispatch() {
        if (paused) {
            return;
        }
        Map<Batch, Set<String>> wave = new LinkedHashMap<>();
        Map<Job, Integer> waveJobs = new HashMap<>();
        for (Iterator<Batch> it = queue.iterator(); it.hasNext() && running + wave.size() < WORKERS; ) {
            Batch batch = it.next();
            Job job = batch.job();
            int busy = runningPerJob.getOrDefault(job, 0) + waveJobs.getOrDefault(job, 0);
            if (busy >= job.concurrencyMode().batchesAtOnce() && batch.state() == BatchState.Queued) {
                continue;
            }
            it.remove();
            if (!batch.cancelled() && batch.start(clock.instant())) {
                waveJobs.merge(job, 1, Integer::sum);
                wave.put(batch, Set.of());
            }
        }
        for (Batch batch : new ArrayList<>(wave.keySet())) {
            wave.put(batch, locks.claim(batch, scanner.keys(batch)));
            runningPerJob.merge(batch.job(), 1, Integer::sum);
            running++;
        }
        wave.forEach((batch, contended) -> workers().execute(() -> run(batch, contended)));
    }

    private void run(Batch batch, Set<String> contended) {
        try {
            processor.process(batch, contended);
        } finally {
            finished(batch);
        }
    }

    private synchronized void finished(Batch batch) {
        locks.release(batch);
        runningPerJob.computeIfPresent(batch.job(), (job, count) -> count > 1 ? count - 1 : null);
        running--;
        dispatch();
    }

    /** Names of this scheduler's worker threads start with this, so a test can tell that they stopped. */
    String threadNamePrefix() {
        return threadNamePrefix;
    }

    private ExecutorService workers() {
        if (workers == null) {
            AtomicInteger number = new AtomicInteger();
            workers = Executors.newFixedThreadPool(WORKERS, task -> {
                Thread thread = new Thread(task, threadNamePrefix + number.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return workers;
    }
}
