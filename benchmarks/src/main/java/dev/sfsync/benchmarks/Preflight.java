package dev.sfsync.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Checks, before a model of N rows is made, that the run fits the machine: the disk keeps its reserve after the
 * model, both tools' spooled uploads and results and the emulator's job files; the emulated org's records fit the
 * harness heap; and the memory the machine has left holds that heap's growth and sfsync's own process. A large run
 * that would fill the shared disk or be killed by the kernel halfway is refused before it starts, saying what to change.
 */
final class Preflight {
    // Measured at 10M rows (BENCHMARKS.md, "Issue 18: a ten-million-row Bulk 2.0 first sync"): the model and its CSV
    // (0.13 KB a row), sfsync's project with DuckDB's spill of the upload tables (up to 0.5 KB) and the emulator's job
    // files (0.15 KB, results still to come) came to 0.75 KB a row before the run was stopped; 1.5 KB leaves a margin.
    static final long DISK_BYTES_PER_ROW = 1536;
    // The emulator's stored Account of the benchmark's ten columns, with its id and external-key index entries
    // (Bulk2IngestBenchmark and the compare print the measured figure), with a margin.
    static final long HEAP_BYTES_PER_RECORD = 700;
    static final long DISK_RESERVE = 12L << 30;
    // sfsync's own process at any size (its peak RSS is meant to be flat) and the JVM's other needs.
    private static final long CHILD_PROCESS_BYTES = 1L << 30;

    private Preflight() {
    }

    /** Throws, saying what to change, when a model of {@code rows} would not fit; prints what it checked. */
    static void check(long rows, Path work, PrintStream log) throws IOException {
        Files.createDirectories(work);
        long freeDisk = Files.getFileStore(work).getUsableSpace();
        long diskNeeded = rows * DISK_BYTES_PER_ROW;
        long heapMax = Runtime.getRuntime().maxMemory();
        long heapNeeded = rows * HEAP_BYTES_PER_RECORD + (256L << 20);
        long available = availableMemory();
        log.printf(Locale.ROOT, "preflight for %,d rows: disk %,d MB free, ~%,d MB needed, %,d MB kept free; harness heap %,d MB max,"
                        + " ~%,d MB needed; machine memory available %,d MB%n", rows, freeDisk >> 20, diskNeeded >> 20, DISK_RESERVE >> 20,
                heapMax >> 20, heapNeeded >> 20, available >> 20);
        if (freeDisk - diskNeeded < DISK_RESERVE) {
            throw new IllegalStateException(String.format(Locale.ROOT, "not enough disk for %,d rows under %s: %,d MB free, about %,d MB needed and"
                    + " %,d MB must stay free; use fewer rows or --work on a larger disk", rows, work, freeDisk >> 20, diskNeeded >> 20, DISK_RESERVE >> 20));
        }
        if (heapMax < heapNeeded) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the emulated org's %,d records need about %,d MB of heap and the harness"
                    + " has %,d MB: run with SFSYNC_BENCH_OPTS=-Xmx%dg (./bench compare sets it from --rows)", rows, heapNeeded >> 20, heapMax >> 20,
                    (heapNeeded >> 30) + 1));
        }
        long used = Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
        if (available >= 0 && available < heapNeeded - used + CHILD_PROCESS_BYTES) {
            throw new IllegalStateException(String.format(Locale.ROOT, "the machine has %,d MB of memory available; %,d rows need about %,d MB"
                    + " more for the emulated org plus %,d MB for sfsync: wait for other work to end or use fewer rows", available >> 20,
                    rows, Math.max(0, heapNeeded - used) >> 20, CHILD_PROCESS_BYTES >> 20));
        }
    }

    /** MemAvailable of /proc/meminfo in bytes, or -1 where there is none. */
    private static long availableMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) << 10;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
