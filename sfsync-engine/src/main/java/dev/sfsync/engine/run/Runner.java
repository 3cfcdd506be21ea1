package dev.sfsync.engine.run;

import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.plan.RowPlan;
import dev.sfsync.engine.plan.RowPlanner;
import dev.sfsync.engine.plan.WriteKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Executes a sync's change set: decides every change as the planner does, writes rows in chunks of the writer's size
 * (in parallel where the writer allows, with at most twice the parallelism in flight so memory stays bounded), and
 * hands every row's one outcome to {@code settle} as soon as it is known, always on the thread that called
 * {@link #run} (the change set's DuckDB appender is confined to the thread that opened it). Does not commit the change set.
 */
public final class Runner {
    private final PreparedSync sync;
    private final RowWriter writer;
    private final ChunkWriter chunks;
    private final Consumer<List<RowOutcome>> settle;
    private final AtomicReference<ChunkWriter.ChunkAborted> aborted = new AtomicReference<>();
    private final java.util.concurrent.BlockingQueue<List<RowOutcome>> written = new java.util.concurrent.LinkedBlockingQueue<>();

    public Runner(PreparedSync sync, RowWriter writer, dev.sfsync.salesforce.SalesforceClient client, SplitRetry retry, Consumer<List<RowOutcome>> settle) {
        this.sync = sync;
        this.writer = writer;
        this.chunks = new ChunkWriter(sync, writer, new RecordFinder(client), retry);
        this.settle = settle;
    }

    private void drain() {
        for (List<RowOutcome> outcomes = written.poll(); outcomes != null; outcomes = written.poll()) {
            settle.accept(outcomes);
        }
    }

    /** @return why the run stopped early, or null when every change got its outcome from Salesforce or local checks */
    public String run(ChangeSet changes) {
        int threads = writer.concurrent() ? sync.definition().parallelism() : 1;
        ExecutorService pool = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("sfsync-" + sync.definition().name() + "-", 0).factory());
        Semaphore inFlight = new Semaphore(threads * 2);
        List<Future<?>> futures = new ArrayList<>();
        Map<WriteKind, List<RowPlan.Write>> buffers = new EnumMap<>(WriteKind.class);
        RowPlanner planner = new RowPlanner(sync);
        List<RowOutcome> settledLocally = new ArrayList<>();
        try (Stream<Change> stream = changes.changes()) {
            for (Change change : (Iterable<Change>) stream::iterator) {
                RowPlan plan = planner.decide(change);
                switch (plan) {
                    case RowPlan.Settled settled -> {
                        settledLocally.add(settled.outcome());
                        if (settledLocally.size() >= 1_000) {
                            settle.accept(List.copyOf(settledLocally));
                            settledLocally.clear();
                        }
                    }
                    case RowPlan.Write write -> {
                        List<RowPlan.Write> buffer = buffers.computeIfAbsent(write.kind(), k -> new ArrayList<>());
                        buffer.add(write);
                        if (buffer.size() >= writer.chunkSize()) {
                            futures.add(submit(pool, inFlight, write.kind(), List.copyOf(buffer)));
                            buffer.clear();
                            drain();
                        }
                    }
                }
            }
            settle.accept(List.copyOf(settledLocally));
            for (Map.Entry<WriteKind, List<RowPlan.Write>> entry : buffers.entrySet()) {
                if (!entry.getValue().isEmpty()) {
                    futures.add(submit(pool, inFlight, entry.getKey(), List.copyOf(entry.getValue())));
                }
            }
            for (Future<?> future : futures) {
                while (!future.isDone()) {
                    List<RowOutcome> outcomes = written.poll(50, java.util.concurrent.TimeUnit.MILLISECONDS);
                    if (outcomes != null) {
                        settle.accept(outcomes);
                    }
                }
                future.get();
            }
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("the run was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        ChunkWriter.ChunkAborted stop = aborted.get();
        return stop == null ? null : stop.getMessage();
    }

    private Future<?> submit(ExecutorService pool, Semaphore inFlight, WriteKind kind, List<RowPlan.Write> chunk) throws InterruptedException {
        while (!inFlight.tryAcquire(50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
            drain();
        }
        return pool.submit(() -> {
            try {
                writeChunk(kind, chunk);
            } finally {
                inFlight.release();
            }
        });
    }

    private void writeChunk(WriteKind kind, List<RowPlan.Write> chunk) {
        ChunkWriter.ChunkAborted stop = aborted.get();
        if (stop != null) {
            RowError notSent = RowError.of(Errors.NOT_SENT, "not sent: the run stopped after " + stop.salesforceCause().errorCode()
                    + ": " + stop.salesforceCause().errors().getFirst().message());
            written.add(chunk.stream().<RowOutcome>map(w -> new RowOutcome.Failed(w.key(), notSent, 0)).toList());
            return;
        }
        try {
            chunks.prefetchLookups(chunk);
            written.add(chunks.write(kind, chunk));
        } catch (ChunkWriter.ChunkAborted e) {
            aborted.compareAndSet(null, e);
            written.add(e.outcomes);
        } catch (dev.sfsync.salesforce.error.SalesforceException e) {
            // A lookup query failed as a whole: the chunk's rows fail with its code, the run goes on unless it cannot.
            RowError error = Errors.row(e);
            written.add(chunk.stream().<RowOutcome>map(w -> new RowOutcome.Failed(w.key(), error, 0)).toList());
            if (ChunkWriter.endsRun(e)) {
                aborted.compareAndSet(null, new ChunkWriter.ChunkAborted(List.of(), e));
            }
        }
    }
}
