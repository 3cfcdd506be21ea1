package dev.sfsync.core;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.lang.management.ManagementFactory;
import java.util.List;

/**
 * Keeps the process's heap small when it was started without heap options (plain {@code java -jar sfsync.jar}): the
 * JVM's defaults size the heap from the machine (a quarter of its memory at most, 1/64 to start with), and a first run
 * that streams every row out allocates fast, so the garbage collector grows the young generation into hundreds of MB
 * the run never needs. A soft maximum heap size, set at start through the JVM's management interface (the flag is
 * writable at run time, unlike the heap's bounds), asks the collector to stay near it; the hard maximum stays the
 * JVM's, so a run that really needs more still gets it. Options the user (or ./sfsync) passed are left alone.
 */
public final class HeapLimits {
    /** Enough for a run's batches, its JDBC fetches and DuckDB's Java side; see BENCHMARKS.md (issue 20). */
    static final long SOFT_MAXIMUM = 128L << 20;
    private static final List<String> HEAP_OPTIONS = List.of("-Xmx", "-Xmn", "-XX:MaxHeapSize", "-XX:SoftMaxHeapSize", "-XX:MaxNewSize",
            "-XX:MaxRAMPercentage", "-XX:MaxRAM");

    private HeapLimits() {
    }

    /** @return whether the soft maximum was set (false when heap options were given or the JVM does not offer the flag) */
    public static boolean applyUnlessConfigured() {
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        if (arguments.stream().anyMatch(argument -> HEAP_OPTIONS.stream().anyMatch(argument::startsWith))) {
            return false;
        }
        try {
            HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            long maximum = Runtime.getRuntime().maxMemory();
            hotspot.setVMOption("SoftMaxHeapSize", Long.toString(Math.min(SOFT_MAXIMUM, maximum)));
            return true;
        } catch (RuntimeException e) {
            // Another JVM (or a collector without a soft maximum): its defaults apply, as they did before.
            return false;
        }
    }
}
