package dev.sfsync.server.schedule;

import com.github.kagkarlsson.scheduler.Clock;
import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionComplete;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.sfsync.engine.config.RunSchedule;
import dev.sfsync.engine.config.ServiceConfig;
import dev.sfsync.server.metrics.ServerMetrics;
import dev.sfsync.server.run.RunLauncher;
import dev.sfsync.server.run.SequenceRunner;
import dev.sfsync.server.run.SyncAlreadyRunning;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Starts scheduled syncs and sequences with db-scheduler, which keeps each one's next time in the state database:
 * schedules survive a restart, a time missed while the server was down runs once when it starts (then the schedule
 * goes on from there, not once per missed slot), and several servers sharing a Postgres store run each time once.
 * The task's data is the schedule as written, so a changed schedule is noticed on start.
 */
public final class SyncScheduler implements AutoCloseable {
    static final String SYNC_TASK = "sfsync-sync";
    static final String SEQUENCE_TASK = "sfsync-sequence";
    private static final Logger LOG = LoggerFactory.getLogger(SyncScheduler.class);
    static final Duration RETRY_WHEN_IN_USE = Duration.ofMinutes(1);

    /** Builds db-scheduler's scheduler over the tasks: a real one, or a manual one with a settable clock in tests. */
    @FunctionalInterface
    public interface Factory {
        Scheduler create(List<Task<?>> tasks);
    }

    private final ServiceConfig service;
    private final RunLauncher launcher;
    private final SequenceRunner sequences;
    private final QuotaBackoff backoff;
    private final SchedulePauses pauses;
    private final ServerMetrics metrics;
    private final Clock clock;
    private final Scheduler scheduler;
    private final Map<String, Instant> retrySoon = new java.util.concurrent.ConcurrentHashMap<>();
    private final boolean spreadFirstSlots;

    public SyncScheduler(ServiceConfig service, RunLauncher launcher, QuotaBackoff backoff, SchedulePauses pauses, ServerMetrics metrics, Clock clock,
                         Factory factory) {
        this(service, launcher, new SequenceRunner(launcher), backoff, pauses, metrics, clock, factory);
    }

    /**
     * With the sequence runner that records each scheduled sequence run and the runs it started; a new interval
     * schedule's first slot is one interval from start (tests count minutes from there).
     */
    public SyncScheduler(ServiceConfig service, RunLauncher launcher, SequenceRunner sequences, QuotaBackoff backoff, SchedulePauses pauses,
                         ServerMetrics metrics, Clock clock, Factory factory) {
        this(service, launcher, sequences, backoff, pauses, metrics, clock, factory, false);
    }

    /**
     * @param spreadFirstSlots put each new interval schedule's slots at its own offset within the interval
     *                         ({@link Schedules#firstSpread}), as {@code sfsync serve} does
     */
    public SyncScheduler(ServiceConfig service, RunLauncher launcher, SequenceRunner sequences, QuotaBackoff backoff, SchedulePauses pauses,
                         ServerMetrics metrics, Clock clock, Factory factory, boolean spreadFirstSlots) {
        this.spreadFirstSlots = spreadFirstSlots;
        this.service = service;
        this.launcher = launcher;
        this.sequences = sequences;
        this.backoff = backoff;
        this.pauses = pauses;
        this.metrics = metrics;
        this.clock = clock;
        this.scheduler = factory.create(List.of(task(SYNC_TASK, this::runSync), task(SEQUENCE_TASK, this::runSequence)));
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    /** Brings the stored schedules in line with sfsync.yaml, then starts polling. */
    public void start() {
        reconcile();
        scheduler.start();
    }

    /** The next scheduled time of a sync or sequence; empty when it is manual. */
    public Optional<Instant> next(String name) {
        String task = service.sequences().containsKey(name) ? SEQUENCE_TASK : SYNC_TASK;
        return scheduler.getScheduledExecution(TaskInstanceId.of(task, name)).map(ScheduledExecution::getExecutionTime);
    }

    /** Who paused the schedule of a sync or sequence, and when; empty when it is not paused. */
    public Optional<SchedulePauses.Pause> paused(SchedulePauses.Kind kind, String name) {
        return pauses.current(kind, name);
    }

    /**
     * Pauses a sync's or sequence's schedule: its due slots are skipped (not queued) until resumed; runs started by hand
     * still run. Pausing a paused one keeps the first pause.
     *
     * @throws NothingToPause when its schedule is manual
     */
    public SchedulePauses.Pause pause(SchedulePauses.Kind kind, String name, String pausedBy) {
        requireSchedule(kind, name);
        SchedulePauses.Pause pause = pauses.pause(kind, name, pausedBy);
        LOG.info("schedule of {} {} paused by {}", kind.name().toLowerCase(java.util.Locale.ROOT), name, pause.pausedBy());
        return pause;
    }

    /** Resumes a paused schedule: the next slot runs, the skipped ones do not. True when it was paused. */
    public boolean resume(SchedulePauses.Kind kind, String name, String resumedBy) {
        requireSchedule(kind, name);
        boolean was = pauses.resume(kind, name);
        if (was) {
            LOG.info("schedule of {} {} resumed by {}", kind.name().toLowerCase(java.util.Locale.ROOT), name, resumedBy);
        }
        return was;
    }

    private void requireSchedule(SchedulePauses.Kind kind, String name) {
        RunSchedule schedule = kind == SchedulePauses.Kind.SYNC ? service.schedule(name)
                : service.sequences().containsKey(name) ? service.sequences().get(name).schedule() : RunSchedule.MANUAL;
        if (schedule instanceof RunSchedule.Manual) {
            throw new NothingToPause(kind == SchedulePauses.Kind.SYNC ? "sync" : "sequence", name);
        }
    }

    void reconcile() {
        Map<String, RunSchedule> wanted = new LinkedHashMap<>();
        service.schedules().forEach((sync, schedule) -> wanted.put(SYNC_TASK + "/" + sync, schedule));
        service.sequences().forEach((name, sequence) -> wanted.put(SEQUENCE_TASK + "/" + name, sequence.schedule()));
        Set<String> kept = new HashSet<>();
        for (ScheduledExecution<Object> existing : scheduler.getScheduledExecutions()) {
            TaskInstanceId id = existing.getTaskInstance();
            String key = id.getTaskName() + "/" + id.getId();
            RunSchedule schedule = wanted.get(key);
            if (schedule == null || schedule instanceof RunSchedule.Manual) {
                LOG.info("{} {} is no longer scheduled", id.getTaskName(), id.getId());
                scheduler.cancel(id);
            } else if (!schedule.describe().equals(existing.getData())) {
                Instant first = firstTime(schedule, id.getId());
                LOG.info("{} {} has a new schedule ({}); next run {}", id.getTaskName(), id.getId(), schedule.describe(), first);
                scheduler.reschedule(id, first, schedule.describe());
                kept.add(key);
            } else {
                kept.add(key);
            }
        }
        wanted.forEach((key, schedule) -> {
            if (!kept.contains(key) && !(schedule instanceof RunSchedule.Manual)) {
                String[] parts = key.split("/", 2);
                scheduler.schedule(new TaskInstance<>(parts[0], parts[1], schedule.describe()), firstTime(schedule, parts[1]));
            }
        });
    }

    private Instant firstTime(RunSchedule schedule, String name) {
        return spreadFirstSlots ? Schedules.firstSpread(schedule, clock.now(), name) : Schedules.first(schedule, clock.now());
    }

    private CustomTask<String> task(String name, Function<String, RunSchedule> work) {
        return Tasks.custom(name, String.class)
                // a node that died mid-run: its run is picked up again once its heartbeat is stale
                .onDeadExecutionRevive()
                .execute((instance, context) -> {
                    Instant due = context.getExecution().executionTime;
                    metrics.schedulerLag(Duration.between(due, clock.now()));
                    RunSchedule schedule = work.apply(instance.getId());
                    return reschedule(instance.getId(), schedule);
                });
    }

    private CompletionHandler<String> reschedule(String name, RunSchedule schedule) {
        return (ExecutionComplete complete, com.github.kagkarlsson.scheduler.task.ExecutionOperations<String> operations) -> {
            Optional<Schedule> next = Schedules.of(schedule);
            if (next.isEmpty()) {
                operations.stop();
                return;
            }
            Instant slot = schedule instanceof RunSchedule.Every every
                    ? Schedules.nextSlot(every, complete.getExecution().executionTime, complete.getTimeDone(), name, spreadFirstSlots)
                    : next.get().getNextExecutionTime(complete);
            Instant when = backoff.notBefore(name, slot);
            Instant soon = retrySoon.remove(name);
            operations.reschedule(complete, soon != null && soon.isBefore(when) ? soon : when, schedule.describe());
        };
    }

    private RunSchedule runSync(String sync) {
        RunSchedule schedule = service.schedule(sync);
        if (skippedWhilePaused(SchedulePauses.Kind.SYNC, sync) || backoff.current(sync).isPresent()) {
            return schedule;
        }
        try {
            launcher.runHere(sync, "schedule");
        } catch (dev.sfsync.server.run.ServerStopping e) {
            LOG.info("scheduled run of {} not started: the server is stopping", sync);
        } catch (SyncAlreadyRunning | dev.sfsync.engine.lease.SyncIsRunning e) {
            LOG.info("scheduled run of {} skipped: it is running already", sync);
        } catch (dev.sfsync.server.run.ProjectInUse e) {
            // An 'sfsync run' in a terminal has the snapshots for now: try again shortly rather than a whole slot later.
            LOG.info("scheduled run of {} waits: {}", sync, e.problem());
            retrySoon.put(sync, clock.now().plus(RETRY_WHEN_IN_USE));
        }
        return schedule;
    }

    private RunSchedule runSequence(String name) {
        var sequence = service.sequences().get(name);
        if (sequence == null) {
            return RunSchedule.MANUAL;
        }
        if (!skippedWhilePaused(SchedulePauses.Kind.SEQUENCE, name) && backoff.current(name).isEmpty()) {
            sequences.run(sequence);
        }
        return sequence.schedule();
    }

    private boolean skippedWhilePaused(SchedulePauses.Kind kind, String name) {
        Optional<SchedulePauses.Pause> pause = pauses.current(kind, name);
        pause.ifPresent(p -> LOG.info("scheduled run of {} {} skipped: its schedule was paused by {} at {}",
                kind.name().toLowerCase(java.util.Locale.ROOT), name, p.pausedBy(), p.pausedAt()));
        return pause.isPresent();
    }

    @Override
    public void close() {
        scheduler.stop();
    }
}
