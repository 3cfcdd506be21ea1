package dev.sfsync.server.schedule;

import com.github.kagkarlsson.scheduler.task.schedule.CronSchedule;
import com.github.kagkarlsson.scheduler.task.schedule.CronStyle;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import dev.sfsync.engine.config.RunSchedule;

import java.util.Optional;

/** sfsync.yaml's schedules as db-scheduler's. */
final class Schedules {
    private Schedules() {
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
