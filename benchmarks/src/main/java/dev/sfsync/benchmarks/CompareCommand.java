package dev.sfsync.benchmarks;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * {@code ./bench compare}: the figures of issue 7 in one table: change detection, sfsync's outbound runs through each
 * API with their API calls next to the minimum, the unchanged rerun, and jsforce's Bulk 2.0 load of the same rows,
 * each the median of the repeated runs. Prints the table and writes it, with the machine and the command, to a file.
 */
final class CompareCommand {
    private CompareCommand() {
    }

    static void main(String[] args) throws Exception {
        Path repository = repository();
        String stamp = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        if (java.util.List.of(args).contains("--help")) {
            System.out.println(CompareOptions.USAGE);
            return;
        }
        CompareOptions options;
        try {
            options = CompareOptions.parse(args, repository.resolve("bench-results/compare-" + stamp + ".md"));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        String report = run(options, SfsyncCli.jar(repository), repository, ("./bench compare " + String.join(" ", args)).strip(), System.out).text();
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), report);
        System.out.println();
        System.out.println(report);
        System.out.println("(also written to " + options.out().toAbsolutePath() + ")");
    }

    /** The figures, and the report printed: machine, command, table. */
    record Report(FigureTable table, String text) {
    }

    /** Runs everything the options ask for. */
    static Report run(CompareOptions options, SfsyncCli sfsync, Path repository, String command, PrintStream log) throws Exception {
        Path work = options.work() != null ? options.work() : Files.createTempDirectory("sfsync-compare");
        String started = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC).format(Instant.now());
        double loadBefore = loadAverage();
        FigureTable table = new FigureTable();
        try {
            for (long rows : options.diffRows()) {
                DiffFigures.measure(rows, options.diffMemory(), options.repeat(), work, table, log);
            }
            if (!options.rows().isEmpty()) {
                new OutboundBenchmark(options, sfsync, work, repository, log).run(table);
            }
        } finally {
            if (options.work() == null) {
                DiffFigures.deleteTree(work);
            }
        }
        return new Report(table, String.format(Locale.ROOT, """
                ## %s
                
                Command: `%s` (started %s UTC). Machine: %d cores, %,d MB RAM, %s %s, JDK %s; load average %.1f at the start, %.1f at the end.
                Each figure is the median of its runs (column runs). Peak RSS and CPU are the measured process's own (GNU time), the emulator
                runs in the harness JVM and is in neither.
                
                %s""", started.substring(0, 10), command, started, Runtime.getRuntime().availableProcessors(), totalMemoryMb(),
                System.getProperty("os.name"), System.getProperty("os.version"), Runtime.version(), loadBefore, loadAverage(),
                table.render()) + NOTES);
    }

    private static final String NOTES = """
            
            API calls (org count): requests the emulated org counted against its daily allowance during the run, the same counter
            for both tools (OAuth logins are not counted, as on Salesforce). sfsync's own count: its run's API log (logins
            included). Minimum: REST one Collections call per 200 rows; Bulk 1.0 create + one upload and one result download
            per batch + close + one poll; Bulk 2.0 per job (150 MB after base64, i.e. 112.5 MiB of CSV) create + upload +
            close + one poll + successfulResults. Time / jsforce's: sfsync's whole run (JVM start, change detection, state) over jsforce's whole
            load of the same rows (Node start, reading the CSV, results parsed); the issue's target is at most 0.5.
            """;

    /** The checkout the benchmark runs in: ./bench passes it; tests run from the benchmarks module inside it. */
    static Path repository() {
        String given = System.getProperty("sfsync.root");
        Path start = Path.of(given != null ? given : System.getProperty("user.dir")).toAbsolutePath();
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("compat/jsforce/package.json")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no sfsync checkout at or above " + start + "; run ./bench from the repository");
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long totalMemoryMb() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize() >> 20;
    }
}
