package dev.sfsync.server.web;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How pages write times and durations: UTC to the second, durations in the largest unit that reads well. */
public final class Show {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private Show() {
    }

    public static String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    public static String duration(Instant from, Instant to) {
        if (from == null || to == null) {
            return "—";
        }
        long millis = Duration.between(from, to).toMillis();
        if (millis < 1_000) {
            return millis + " ms";
        }
        if (millis < 120_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        return (millis / 60_000) + " min " + (millis / 1000 % 60) + " s";
    }
}
