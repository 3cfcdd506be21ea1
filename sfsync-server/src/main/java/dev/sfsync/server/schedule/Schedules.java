package dev.sfsync.server.schedule;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.sfsync.engine.config.RunSchedule;

import java.time.Instant;
import java.util.Optional;

/** sfsync.yaml's schedules as db-scheduler's. */
final class Schedules {
    private Schedules() {
    }

    /** The first time of a new schedule: one interval from now (not at once), or the cron's next slot. */
    static Instant first(RunSchedule schedule, Instant now) {
        if (schedule instanceof RunSchedule.Every every) {
            return now.plus(every.interval());
        }
        return of(schedule).orElseThrow().getInitialExecutionTime(now);
    }

    /**
     * The first time of a new schedule, spread: an interval schedule's slots are put at a fixed offset of the
     * interval, the same for a name wherever and whenever it is computed (a hash of the name, whole seconds), so the
     * first run comes within one interval of {@code now} and many syncs with the same interval do not all start at
     * the same instant (they would if each began one interval after the server started). Cron schedules keep their
     * own times.
     */
    static Instant firstSpread(RunSchedule schedule, Instant now, String name) {
        if (!(schedule instanceof RunSchedule.Every every)) {
            return first(schedule, now);
        }
        long interval = every.interval().toMillis();
        long phase = Math.floorMod(offsetSeed(name), interval / 1000) * 1000;
        long at = now.toEpochMilli();
        return Instant.ofEpochMilli(at - Math.floorMod(at - phase, interval) + interval);
    }

    /**
     * The slot after a run of an interval schedule that was due at {@code due} and ended at {@code done}: the next one
     * on its grid, strictly after the end, so slots do not drift by each run's length (as a fixed delay after each
     * run would) and a run longer than the interval skips the slots it overran instead of queueing them. The grid is
     * the name's spread offset when slots are spread, otherwise the due time's.
     */
    static Instant nextSlot(RunSchedule.Every every, Instant due, Instant done, String name, boolean spread) {
        if (spread) {
            return firstSpread(every, done, name);
        }
        long interval = every.interval().toMillis();
        long since = Math.max(0, done.toEpochMilli() - due.toEpochMilli());
        return due.plusMillis((since / interval + 1) * interval);
    }

    /** Well mixed even for names that differ by a character (String.hashCode would put sync-1 and sync-2 1 ms apart). */
    private static long offsetSeed(String name) {
        return java.util.UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8)).getMostSignificantBits();
    }

    /** Empty for a manual schedule: nothing to schedule. */
    static Optional<Schedule> of(RunSchedule schedule) {
        return switch (schedule) {
            case RunSchedule.Manual manual -> Optional.empty();
            case RunSchedule.Every every -> Optional.of(FixedDelay.of(every.interval()));
            case RunSchedule.Cron cron -> Optional.of(new CronSchedule(cron.expression(), cron.zone(), CronStyle.UNIX));
        };
    }
}
