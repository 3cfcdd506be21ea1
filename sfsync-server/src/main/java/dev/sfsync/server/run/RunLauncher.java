package dev.sfsync.server.run;

import dev.sfsync.core.RunId;
import dev.sfsync.engine.lease.SyncIsRunning;
import dev.sfsync.engine.run.RunProgress;
import dev.sfsync.engine.run.RunResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs syncs as {@code sfsync run} does (the engine's {@code SyncProject.run}), from the scheduler, a sequence or the
 * API, and tells the {@link RunListener}s how each ended. A sync runs once at a time in this process.
 */
public final class RunLauncher {
    private static final Logger LOG = LoggerFactory.getLogger(RunLauncher.class);

    /** Does one run of a sync: the engine's {@code SyncProject.run} over the shared project, as {@code sfsync run} does. */
    @FunctionalInterface
    public interface Runs {
        RunResult run(String sync, RunProgress progress);
    }

    private final Runs runs;
    private final ExecutorService background;
    private final Clock clock;
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** The run of each sync running here, once the store recorded it. */
    private final java.util.Map<String, RunId> runIds = new ConcurrentHashMap<>();
    private volatile boolean refusing;

    public RunLauncher(SharedProject project, ExecutorService background, Clock clock) {
        this((sync, progress) -> project.use(p -> p.run(sync, progress)), background, clock);
    }

    /** With another way to do a run (the scheduler benchmark's cheap one, to measure the scheduler alone). */
    public RunLauncher(Runs runs, ExecutorService background, Clock clock) {
        this.runs = runs;
        this.background = background;
        this.clock = clock;
    }

    public void listen(RunListener listener) {
        listeners.add(listener);
    }

    public boolean isRunning(String sync) {
        return running.contains(sync);
    }

    /** The runs going on in this process now, by sync (those whose run the store recorded already). */
    public java.util.Map<String, RunId> runningRuns() {
        return java.util.Map.copyOf(runIds);
    }

    /** Whether any sync is running in this process (recorded or still starting). */
    public boolean anyRunning() {
        return !running.isEmpty();
    }

    /**
     * Starts the sync on a thread of its own and returns its run id once the store recorded it.
     *
     * @throws SyncAlreadyRunning when it is running
     * @throws RuntimeException   the engine's exception when the run could not even start (config problems)
     */
    public RunId start(String sync, String trigger) {
        claim(sync);
        CompletableFuture<RunId> started = new CompletableFuture<>();
        try {
            background.execute(() -> {
                try {
                    execute(sync, trigger, started);
                } finally {
                    started.completeExceptionally(new IllegalStateException("run of " + sync + " ended before it started"));
                }
            });
        } catch (RuntimeException e) {
            running.remove(sync);
            throw e;
        }
        try {
            return started.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting " + sync, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    /**
     * Runs the sync on this thread (the scheduler's) and returns how it ended; never throws for a failed run.
     *
     * @throws SyncAlreadyRunning when this server runs it already
     * @throws ServerStopping     when the server is stopping
     * @throws SyncIsRunning      when another process holds its lease
     * @throws ProjectInUse       when another process has the project's snapshots open
     */
    public RunEnded runHere(String sync, String trigger) {
        claim(sync);
        return execute(sync, trigger, new CompletableFuture<>());
    }

    /** As {@link #runHere(String, String)}, telling {@code started} the run's id once the store recorded it. */
    public RunEnded runHere(String sync, String trigger, java.util.function.Consumer<RunId> started) {
        claim(sync);
        CompletableFuture<RunId> recorded = new CompletableFuture<>();
        recorded.thenAccept(started);
        return execute(sync, trigger, recorded);
    }

    /** From now on no run starts in this process (the server is stopping); the runs going on are left to end. */
    public void refuseNewRuns() {
        refusing = true;
    }

    private void claim(String sync) {
        if (refusing) {
            throw new ServerStopping(sync);
        }
        if (!running.add(sync)) {
            throw new SyncAlreadyRunning(sync);
        }
    }

    private RunEnded execute(String sync, String trigger, CompletableFuture<RunId> started) {
        Instant begin = clock.instant();
        RunId[] runId = new RunId[1];
        RunEnded ended;
        MDC.put("sync", sync);
        try {
            RunResult result = runs.run(sync, new RunProgress() {
                @Override
                public void started(RunId run) {
                    runId[0] = run;
                    runIds.put(sync, run);
                    MDC.put("run", run.value());
                    started.complete(run);
                }
            });
            ended = new RunEnded(sync, result.runId(), result, null, Duration.between(begin, clock.instant()), trigger);
        } catch (SyncIsRunning | ProjectInUse e) {
            // Another process (sfsync run, another server) holds the sync's lease: nothing ran here, nothing to report.
            started.completeExceptionally(e);
            running.remove(sync);
            MDC.remove("sync");
            throw e;
        } catch (RuntimeException e) {
            started.completeExceptionally(e);
            ended = new RunEnded(sync, runId[0], null, e, Duration.between(begin, clock.instant()), trigger);
        } finally {
            runIds.remove(sync);
            running.remove(sync);
        }
        LOG.info("run of {} ({}) ended {}", sync, trigger, ended.failed() ? "failed: " + ended.reason() : "with " + ended.result().summary());
        for (RunListener listener : listeners) {
            try {
                listener.ended(ended);
            } catch (RuntimeException e) {
                LOG.warn("a run listener failed on {}: {}", sync, e.toString());
            }
        }
        MDC.remove("run");
        MDC.remove("sync");
        return ended;
    }
}
