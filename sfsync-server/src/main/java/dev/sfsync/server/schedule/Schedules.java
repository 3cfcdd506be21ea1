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

    /** Empty for a manual schedule: nothing to schedule. */
    static Optional<Schedule> of(RunSchedule schedule) {
        return switch (schedule) {
            case RunSchedule.Manual manual -> Optional.empty();
            case RunSchedule.Every every -> Optional.of(FixedDelay.of(every.interval()));
            case RunSchedule.Cron cron -> Optional.of(new CronSchedule(cron.expression(), cron.zone(), CronStyle.UNIX));
        };
    }
}
