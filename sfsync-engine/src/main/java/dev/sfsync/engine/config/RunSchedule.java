package dev.sfsync.engine.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * When {@code sfsync serve} starts a sync or sequence by itself: never ({@code schedule: manual}, the default),
 * at a fixed interval ({@code schedule: {every: 15m}}) or on a cron expression in a time zone
 * ({@code schedule: {cron: "0 2 * * *", timezone: Europe/Paris}}, five fields as in crontab).
 */
public sealed interface RunSchedule {
    RunSchedule MANUAL = new Manual();

    /** How the schedule reads in sfsync.yaml; the server keeps it to notice a changed schedule after a restart. */
    String describe();

    record Manual() implements RunSchedule {
        @Override
        public String describe() {
            return "manual";
        }
    }

    record Every(Duration interval) implements RunSchedule {
        public Every {
            Objects.requireNonNull(interval, "interval is null");
            if (interval.compareTo(Duration.ofMinutes(1)) < 0) {
                throw new IllegalArgumentException("a schedule's interval is at least one minute, not " + interval);
            }
        }

        @Override
        public String describe() {
            return "every " + interval.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
        }
    }

    record Cron(String expression, ZoneId zone) implements RunSchedule {
        public Cron {
            Objects.requireNonNull(expression, "expression is null");
            Objects.requireNonNull(zone, "zone is null");
        }

        @Override
        public String describe() {
            return "cron " + expression + " " + zone.getId();
        }
    }
}
