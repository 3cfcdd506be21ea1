package dev.sfsync.core;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a command's time goes, phase by phase, for {@code ./bench startup} and for a user asking why a run with
 * nothing to send is slow: off unless the environment sets {@value #ENVIRONMENT}, and then printed to stderr as one
 * line at the command's end, each phase as {@code name=wall/cpu} in seconds (the process's CPU time, all threads, so
 * DuckDB's workers count; on a busy machine the CPU figure is the one to read). The first phase runs from the process's
 * start (JVM start and class loading) to the first mark. Marks cost nothing when off, so they stay in the code.
 */
public final class PhaseTimings {
    public static final String ENVIRONMENT = "SFSYNC_TIMINGS";
    private static final boolean ON = System.getenv(ENVIRONMENT) != null && !System.getenv(ENVIRONMENT).isBlank();
    private static final List<String> PHASES = new ArrayList<>();
    private static long last;
    private static long lastCpu;

    private PhaseTimings() {
    }

    public static boolean on() {
        return ON;
    }

    /** Ends the phase running since the last mark (or since the process started), naming it. */
    public static synchronized void mark(String phase) {
        if (!ON) {
            return;
        }
        long now = System.nanoTime();
        long cpu = cpuNanos();
        long nanos;
        if (last == 0) {
            Instant started = ProcessHandle.current().info().startInstant().orElse(Instant.now());
            nanos = Math.max(0, Duration.between(started, Instant.now()).toNanos());
        } else {
            nanos = now - last;
        }
        PHASES.add(String.format(Locale.ROOT, "%s=%.3f/%.3f", phase.replace(' ', '_'), nanos / 1e9, (cpu - lastCpu) / 1e9));
        last = now;
        lastCpu = cpu;
    }

    private static long cpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Prints the phases marked so far as one line ({@code sfsync timings: jvm_start=0.412/0.380 config=0.051/0.048 ...}) and forgets them. */
    public static synchronized void print(PrintStream err) {
        if (!ON || PHASES.isEmpty()) {
            return;
        }
        err.println("sfsync timings: " + String.join(" ", PHASES));
        err.flush();
        PHASES.clear();
    }
}
