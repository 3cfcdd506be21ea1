package dev.sfsync.benchmarks;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.source.duckdb.DuckDbSource;
import dev.sfsync.source.snapshot.DetectOptions;
import dev.sfsync.source.snapshot.SnapshotSettings;
import dev.sfsync.source.snapshot.SnapshotStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Change detection of a model of N rows x 10 columns in a DuckDB file against its snapshot, after 1 % of the rows
 * changed, 0.1 % were added and 0.1 % removed: the time to detect (stage, check keys, diff, read changed rows),
 * to stream the changes, and to commit their outcomes; then an unchanged rerun. The setup (generating the source,
 * syncing it once, changing it) runs in a child process and is printed but not part of the table. Peak RSS is the process's
 * VmHWM, reset before each phase (after a GC); DuckDB's own memory is what it reports after the phase.
 * Targets for 10,000,000 rows on 2 cores: detect <= 20 s, peak RSS <= 1.5 GB.
 */
final class DiffBenchmark {
    static final SyncId SYNC = SyncId.of("diff_benchmark");
    static final Model MODEL = Model.of("accounts", "SELECT * FROM accounts", "id");

    private DiffBenchmark() {
    }

    /** One phase's figures. */
    record Phase(String name, double seconds, long peakRssBytes, String detail) {
    }

    /** What a run measured, and the change counts it saw (checked by the smoke test). */
    record Result(List<Phase> phases, ChangeCounts changed, ChangeCounts rerun) {
    }

    static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 10_000_000L;
        String memoryLimit = args.length > 1 ? args[1] : "1GB";
        Path dir = Files.createTempDirectory("sfsync-diff-benchmark");
        try {
            System.out.printf("diff benchmark: %,d rows x 10 columns, DuckDB memory limit %s, %d cores, JDK %s, in %s%n", rows, memoryLimit,
                    Runtime.getRuntime().availableProcessors(), Runtime.version(), dir);
            Result result = run(rows, memoryLimit, dir, System.out, true);
            System.out.println();
            System.out.println("| phase | wall time | peak RSS | detail |");
            System.out.println("|---|---|---|---|");
            for (Phase phase : result.phases()) {
                System.out.printf("| %s | %.2f s | %,d MB | %s |%n", phase.name(), phase.seconds(), phase.peakRssBytes() >> 20, phase.detail());
            }
            System.out.println("targets (10,000,000 rows): diff <= 20 s wall, <= 1,536 MB peak RSS");
        } finally {
            delete(dir);
        }
    }

    /**
     * Setup (generate the source, first run, change the source) and then the measured phases. With
     * {@code isolateSetup}, setup runs in a child JVM, so the measured phases start in a process that has not just
     * written ten million rows, as an engine's would; its phases are printed but not returned.
     */
    static Result run(long rows, String memoryLimit, Path dir, PrintStream log, boolean isolateSetup) throws Exception {
        List<Phase> phases = new ArrayList<>();
        if (isolateSetup) {
            Process setup = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                    "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Setup.class.getName(),
                    String.valueOf(rows), memoryLimit, dir.toString()).inheritIO().start();
            if (setup.waitFor() != 0) {
                throw new IllegalStateException("the benchmark's setup process failed (exit " + setup.exitValue() + ")");
            }
        } else {
            phases.addAll(setup(rows, memoryLimit, dir, log));
        }
        Result measured = measuredPhases(memoryLimit, dir, log);
        phases.addAll(measured.phases());
        return new Result(phases, measured.changed(), measured.rerun());
    }

    /** The measured phases on a prepared directory: detect, stream, commit, then an unchanged rerun. */
    static Result measuredPhases(String memoryLimit, Path dir, PrintStream log) throws Exception {
        List<Phase> phases = new ArrayList<>();
        ChangeCounts[] counts = new ChangeCounts[2];
        DuckDbSource source = DuckDbSource.file("warehouse", dir.resolve("warehouse.duckdb"));
        try (SnapshotStore snapshots = SnapshotStore.open(dir.resolve("state"), settings(memoryLimit))) {
            ChangeSet[] open = new ChangeSet[1];
            phases.add(measure("DIFF: detect changes (stage, check keys, diff, read changed rows)", log, () -> {
                open[0] = detect(snapshots, source);
                counts[0] = open[0].counts();
                return counts[0] + "; " + duckDbMemory(snapshots);
            }));
            try (ChangeSet changes = open[0]) {
                phases.add(measure("stream every change with its values", log, () -> {
                    long streamed;
                    try (Stream<Change> stream = changes.changes()) {
                        streamed = stream.count();
                    }
                    return streamed + " changes";
                }));
                phases.add(measure("record all outcomes as successes and commit", log, () -> {
                    recordAll(changes);
                    return changes.commit().toString();
                }));
            }
            phases.add(measure("UNCHANGED RERUN: detect changes", log, () -> {
                try (ChangeSet rerun = detect(snapshots, source)) {
                    counts[1] = rerun.counts();
                    return counts[1] + "; " + duckDbMemory(snapshots);
                }
            }));
        }
        return new Result(phases, counts[0], counts[1]);
    }

    /** The source's first version synced in full, then 1 % of its rows changed, 0.1 % added and 0.1 % removed. */
    static List<Phase> setup(long rows, String memoryLimit, Path dir, PrintStream log) throws Exception {
        Path warehouse = dir.resolve("warehouse.duckdb");
        List<Phase> phases = new ArrayList<>();
        DuckDbSource source = DuckDbSource.file("warehouse", warehouse);
        phases.add(measure("setup: generate the source", log, () -> {
            sql(warehouse, "CREATE TABLE accounts AS SELECT i AS id, 'Account ' || i AS name, 'acct' || i || '@example.com' AS email,"
                    + " i % 1000 AS employees, (i % 100000) / 7.0 AS revenue, DATE '2020-01-01' + (i % 2000)::INTEGER AS since,"
                    + " i % 3 = 0 AS active, 'Industry ' || (i % 40) AS industry, 'City ' || (i % 5000) AS city, 'tier-' || (i % 5) AS tier"
                    + " FROM range(" + rows + ") t(i)");
            return rows + " rows";
        }));
        try (SnapshotStore snapshots = SnapshotStore.open(dir.resolve("state"), settings(memoryLimit))) {
            ChangeSet[] first = new ChangeSet[1];
            phases.add(measure("setup: first run, detect", log, () -> {
                first[0] = detect(snapshots, source);
                return first[0].counts().added() + " added; " + duckDbMemory(snapshots);
            }));
            try (ChangeSet changes = first[0]) {
                phases.add(measure("setup: first run, record all as created and commit", log, () -> {
                    recordAll(changes);
                    return changes.commit() + "; " + duckDbMemory(snapshots);
                }));
            }
        }
        phases.add(measure("setup: change 1 %, add 0.1 %, remove 0.1 % of the rows", log, () -> {
            sql(warehouse, "UPDATE accounts SET city = city || ' (moved)' WHERE id % 100 = 42");
            sql(warehouse, "DELETE FROM accounts WHERE id % 1000 = 7");
            sql(warehouse, "INSERT INTO accounts SELECT i, 'New ' || i, 'new' || i || '@example.com', 1, 1.0, DATE '2025-01-01', true,"
                    + " 'Industry 1', 'City 1', 'tier-1' FROM range(" + rows + ", " + (rows + rows / 1000) + ") t(i)");
            return "";
        }));
        return phases;
    }

    /** The setup, in its own process. */
    static final class Setup {
        private Setup() {
        }

        public static void main(String[] args) throws Exception {
            setup(Long.parseLong(args[0]), args[1], Path.of(args[2]), System.out);
        }
    }

    private static SnapshotSettings settings(String memoryLimit) {
        return new SnapshotSettings(memoryLimit, Runtime.getRuntime().availableProcessors());
    }

    private static ChangeSet detect(SnapshotStore snapshots, DuckDbSource source) {
        return snapshots.detect(SYNC, source, MODEL, DetectOptions.allColumns());
    }

    /** Records outcomes in batches of 10,000, as an engine would after each API call or Bulk batch. */
    static void recordAll(ChangeSet changes) {
        List<RowOutcome> batch = new ArrayList<>(10_000);
        try (Stream<Change> stream = changes.changes()) {
            stream.forEach(change -> {
                batch.add(switch (change.kind()) {
                    case ADDED -> new RowOutcome.Created(change.key(), "001" + change.key());
                    case CHANGED -> new RowOutcome.Updated(change.key(), change.recordId());
                    case REMOVED -> new RowOutcome.Deleted(change.key(), change.recordId());
                });
                if (batch.size() == 10_000) {
                    changes.record(batch);
                    batch.clear();
                }
            });
        }
        changes.record(batch);
    }

    private interface Work {
        String run() throws Exception;
    }

    private static Phase measure(String name, PrintStream log, Work work) throws Exception {
        // The previous phase's garbage (the first run streams every row) is not this phase's memory.
        System.gc();
        resetPeakRss();
        long start = System.nanoTime();
        String detail = work.run();
        Phase phase = new Phase(name, (System.nanoTime() - start) / 1e9, peakRss(), detail);
        log.printf("%-70s %8.2f s  peak RSS %,6d MB  %s%n", name, phase.seconds(), phase.peakRssBytes() >> 20, detail);
        return phase;
    }

    /** Writing 5 to clear_refs resets VmHWM (Linux), so each phase reports its own peak. */
    private static void resetPeakRss() {
        try {
            Files.writeString(Path.of("/proc/self/clear_refs"), "5");
        } catch (IOException | RuntimeException ignored) {
            // Not Linux, or not allowed: the peak then covers the whole run so far.
        }
    }

    private static long peakRss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("VmHWM:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String duckDbMemory(SnapshotStore snapshots) {
        return "DuckDB " + snapshots.memoryReport() + "; JVM heap committed " + (Runtime.getRuntime().totalMemory() >> 20) + " MB";
    }

    private static void sql(Path file, String statement) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
