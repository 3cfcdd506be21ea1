package dev.sfsync.benchmarks;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.model.Model;
import dev.sfsync.source.Source;
import dev.sfsync.source.SourceConfig;
import dev.sfsync.source.snapshot.DetectOptions;
import dev.sfsync.source.snapshot.SnapshotSettings;
import dev.sfsync.source.snapshot.SnapshotStore;
import dev.sfsync.testing.PostgresServer;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A Postgres model of N rows x 10 columns synced once, then 1 % of its rows changed, diffed with
 * {@code change_detection: warehouse} against {@code local}: wall time, sfsync's peak RSS and the bytes read out of
 * Postgres for the detection, the streaming of the changes and the commit of their outcomes. Every sync step runs in
 * a child JVM with the options ./sfsync gives the CLI's, so its VmHWM is sfsync's alone (Postgres is another process);
 * bytes are counted by a relay in front of Postgres. Target: warehouse mode under 300 MB peak RSS at any size.
 * With a third argument {@code baseline}, each mode starts from a baseline ({@code sfsync run --baseline}) instead of a
 * first run, as a user with a model of hundreds of millions of rows already in Salesforce would.
 */
final class WarehouseBenchmark {
    static final Model MODEL = Model.of("accounts", "SELECT * FROM accounts", "id");

    private WarehouseBenchmark() {
    }

    record Step(String mode, String name, double seconds, long peakRssBytes, long bytesRead, String detail) {
    }

    static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 10_000_000L;
        List<String> modes = args.length > 1 ? List.of(args[1].split(",")) : List.of("warehouse", "local");
        // "baseline": each mode starts with a baseline (`sfsync run --baseline`: the rows recorded, none sent) instead of a
        // first run, then runs with 1 % changed.
        boolean baseline = args.length > 2 && args[2].equals("baseline");
        Path dir = Files.createTempDirectory("sfsync-warehouse-benchmark");
        DiskGuard.watch(dir);
        PostgresServer postgres = PostgresServer.shared();
        String direct = postgres.createDatabase("warehouse_benchmark");
        System.out.printf("warehouse benchmark: %,d rows x 10 columns in Postgres, %d cores, JDK %s, in %s%n", rows,
                Runtime.getRuntime().availableProcessors(), Runtime.version(), dir);
        long start = System.nanoTime();
        PostgresServer.execute(direct, "CREATE TABLE accounts AS SELECT i AS id, 'Account ' || i AS name, 'acct' || i || '@example.com' AS email,"
                + " i % 1000 AS employees, round((i % 100000) / 7.0, 2) AS revenue, DATE '2020-01-01' + (i % 2000) AS since,"
                + " i % 3 = 0 AS active, 'Industry ' || (i % 40) AS industry, 'City ' || (i % 5000) AS city, 'tier-' || (i % 5) AS tier"
                + " FROM generate_series(1, " + rows + ") AS t(i)");
        PostgresServer.execute(direct, "ALTER TABLE accounts ADD PRIMARY KEY (id)");
        PostgresServer.execute(direct, "VACUUM ANALYZE accounts");
        System.out.printf("setup: generated the model in %.1f s; database %,d MB (%d bytes a row)%n", (System.nanoTime() - start) / 1e9,
                databaseBytes(direct) >> 20, databaseBytes(direct) / rows);
        List<Step> steps = new ArrayList<>();
        try (CountingProxy proxy = new CountingProxy(Integer.parseInt(direct.replaceAll(".*:(\\d+)/.*", "$1")))) {
            String url = direct.replaceAll(":(\\d+)/", ":" + proxy.port() + "/");
            // Each mode's three steps in a row, warehouse first, so that its figures are in even if local mode (which
            // copies every row on every run) does not finish; each mode meets its own 1 % of changed rows.
            for (String mode : modes) {
                steps.add(baseline ? child(mode, "baseline (every row recorded, none sent)", url, dir, proxy, direct)
                        : child(mode, "first run (every row added)", url, dir, proxy, direct));
                start = System.nanoTime();
                int changed = 42 + steps.size();
                PostgresServer.execute(direct, "UPDATE accounts SET city = 'City ' || (id % 5000) || ' (moved " + changed + ")' WHERE id % 100 = "
                        + changed);
                System.out.printf("setup: changed 1 %% of the rows in %.1f s%n", (System.nanoTime() - start) / 1e9);
                steps.add(child(mode, "1 % changed", url, dir, proxy, direct));
                if (!baseline) {
                    // The baseline scenario is for the largest sizes, where an unchanged rerun costs as long as the 1 % run's detection.
                    steps.add(child(mode, "unchanged rerun", url, dir, proxy, direct));
                }
            }
        }
        System.out.println();
        System.out.printf("%,d rows x 10 columns in Postgres (detect + stream the changes + record every outcome + commit):%n", rows);
        System.out.println("| mode | run | wall time | sfsync peak RSS | bytes read from Postgres | detail |");
        System.out.println("|---|---|---|---|---|---|");
        for (Step step : steps) {
            System.out.printf("| %s | %s | %.1f s | %,d MB | %,d MB | %s |%n", step.mode(), step.name(), step.seconds(), step.peakRssBytes() >> 20,
                    step.bytesRead() >> 20, step.detail());
        }
        System.out.println("target: warehouse mode under 300 MB peak RSS whatever the model's size");
    }

    /** One sync step in a child JVM; its last line is its figures. */
    private static Step child(String mode, String name, String url, Path dir, CountingProxy proxy, String direct) throws IOException, InterruptedException {
        proxy.reset();
        long spilledBefore = tempBytes(direct);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(SfsyncCli.JVM_OPTIONS);
        command.addAll(List.of("--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Sync.class.getName(), mode, url,
                dir.resolve("state-" + mode).toString(), name.startsWith("baseline") ? "baseline" : "detect"));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String figures = null;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("FIGURES\t")) {
                    figures = line;
                } else {
                    System.out.println("  [" + mode + "] " + line);
                }
            }
        }
        if (process.waitFor() != 0 || figures == null) {
            throw new IllegalStateException("the " + mode + " sync step failed (exit " + process.exitValue() + ")");
        }
        String[] parts = figures.split("\t");
        // What Postgres spilled to temporary files (its hash joins and sorts) and the database's size: the disk a size needs.
        String disk = "; Postgres temp files %,d MB, database %,d MB".formatted((tempBytes(direct) - spilledBefore) >> 20, databaseBytes(direct) >> 20);
        Step step = new Step(mode, name, Double.parseDouble(parts[1]), Long.parseLong(parts[2]), proxy.bytesFromServer(), parts[3] + disk);
        System.out.printf("%-9s %-28s %8.1f s  peak RSS %,5d MB  read %,7d MB  %s%n", mode, name, step.seconds(), step.peakRssBytes() >> 20,
                step.bytesRead() >> 20, step.detail());
        return step;
    }

    /** The child: one detection, every change streamed and recorded as a success, and the commit, as a run does. */
    static final class Sync {
        private Sync() {
        }

        public static void main(String[] args) {
            String mode = args[0];
            SourceConfig config = new SourceConfig("warehouse", args[1], "postgres", "");
            Source source = Source.open(mode.equals("warehouse") ? config.inWarehouse("sfsync_state") : config);
            long start = System.nanoTime();
            String detail;
            if (args[3].equals("baseline")) {
                try (SnapshotStore snapshots = SnapshotStore.open(Path.of(args[2]), new SnapshotSettings("1GB", Runtime.getRuntime().availableProcessors()))) {
                    long recorded = snapshots.baseline(SyncId.of("accounts_" + mode), source, MODEL, DetectOptions.allColumns());
                    detail = "%,d rows recorded, 0 sent; sfsync CPU %.1f s".formatted(recorded, cpuSeconds());
                }
                System.out.println("FIGURES\t" + (System.nanoTime() - start) / 1e9 + "\t" + peakRss() + "\t" + detail);
                return;
            }
            try (SnapshotStore snapshots = SnapshotStore.open(Path.of(args[2]), new SnapshotSettings("1GB", Runtime.getRuntime().availableProcessors()));
                 ChangeSet changes = snapshots.detect(SyncId.of("accounts_" + mode), source, MODEL, DetectOptions.allColumns())) {
                double detected = (System.nanoTime() - start) / 1e9;
                DiffBenchmark.recordAll(changes);
                double recorded = (System.nanoTime() - start) / 1e9;
                String committed = changes.commit().toString();
                // CPU seconds beside wall time: on a shared machine wall time mostly measures the others' load.
                detail = changes.counts() + "; detect %.1f s, stream and record %.1f s, commit %.1f s; sfsync CPU %.1f s; ".formatted(detected,
                        recorded - detected, (System.nanoTime() - start) / 1e9 - recorded, cpuSeconds()) + committed;
            }
            System.out.println("FIGURES\t" + (System.nanoTime() - start) / 1e9 + "\t" + peakRss() + "\t" + detail);
        }
    }

    private static long databaseBytes(String url) {
        return queryLong(url, "SELECT pg_database_size(current_database())");
    }

    private static long tempBytes(String url) {
        return queryLong(url, "SELECT temp_bytes FROM pg_stat_database WHERE datname = current_database()");
    }

    private static long queryLong(String url, String sql) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(url, "postgres", "");
             java.sql.ResultSet rs = connection.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** Stops the benchmark before the disk it shares with others falls below 12 GB free (the embedded Postgres is deleted on exit). */
    static final class DiskGuard {
        private static final long MINIMUM_FREE = 12L << 30;

        private DiskGuard() {
        }

        static void watch(Path dir) {
            Thread thread = new Thread(() -> {
                while (true) {
                    try {
                        long free = Files.getFileStore(dir).getUsableSpace();
                        if (free < MINIMUM_FREE) {
                            System.out.printf("STOPPED: only %,d MB free on the disk (the benchmark keeps at least 12 GB free); choose fewer rows%n", free >> 20);
                            System.exit(3);
                        }
                        Thread.sleep(2_000);
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            }, "disk-guard");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private static double cpuSeconds() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(-1.0);
    }

    private static long peakRss() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(line -> line.startsWith("VmHWM:")).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).orElse(-1L);
        } catch (IOException e) {
            return -1;
        }
    }
}
