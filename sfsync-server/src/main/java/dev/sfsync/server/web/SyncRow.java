package dev.sfsync.server.web;

import dev.sfsync.store.Run;

import java.time.Instant;
import java.util.List;

/** A line of the Syncs table: the sync, its schedule and next run, its last run, and its failed rows over the last runs. */
public record SyncRow(String name, String model, String connection, String object, String mode, String api, String schedule, Instant nextRun,
                      boolean running, String waiting, Run lastRun, List<Long> failedPerRun,
                      boolean scheduled, dev.sfsync.server.schedule.SchedulePauses.Pause paused) {
    /** The sparkline's points (oldest run on the left) in a 100 × 20 box; empty with fewer than two runs. */
    public String sparkline() {
        if (failedPerRun.size() < 2) {
            return "";
        }
        long max = Math.max(1, failedPerRun.stream().mapToLong(Long::longValue).max().orElse(1));
        StringBuilder points = new StringBuilder();
        for (int i = 0; i < failedPerRun.size(); i++) {
            double x = 100.0 * i / (failedPerRun.size() - 1);
            double y = 19 - 18.0 * failedPerRun.get(i) / max;
            points.append(String.format(java.util.Locale.ROOT, "%.1f,%.1f ", x, y));
        }
        return points.toString().trim();
    }

    public String sparklineLabel() {
        return "failed rows over the last " + failedPerRun.size() + " runs: " + failedPerRun.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
