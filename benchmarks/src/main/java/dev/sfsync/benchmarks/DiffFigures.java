package dev.sfsync.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The change-detection figures of {@code ./bench compare}: {@link DiffBenchmark}'s setup once, in a child JVM (a synced
 * model of N rows x 10 columns, then 1 % of its rows changed, 0.1 % added and 0.1 % removed), kept aside; each
 * repeat then measures on a fresh copy of it in a fresh child JVM, so no repeat sees another's snapshot, page cache
 * aside, and peak RSS is the diff's alone (not the emulator's, which lives in the harness JVM).
 */
final class DiffFigures {
    static final String DETECT = "diff: detect 1 % changed, 0.1 % added, 0.1 % removed";
    static final String RERUN = "diff: unchanged rerun";
    private static final String PHASE_LINE = "PHASE\t";
    private static final Duration TIMEOUT = Duration.ofHours(1);

    private DiffFigures() {
    }

    static void measure(long rows, String memoryLimit, int repeats, Path work, FigureTable table, PrintStream log) throws Exception {
        Path prepared = work.resolve("diff-" + rows);
        Files.createDirectories(prepared);
        log.printf("diff: preparing %,d rows x 10 columns (generate, first sync, change 1 %%) in a child process ...%n", rows);
        child(DiffBenchmark.Setup.class, String.valueOf(rows), memoryLimit, prepared.toString());
        for (int repeat = 1; repeat <= repeats; repeat++) {
            Path copy = work.resolve("diff-" + rows + "-run");
            copyTree(prepared, copy);
            String output = child(DiffFigures.class, memoryLimit, copy.toString());
            for (String line : output.split("\n")) {
                if (line.startsWith(PHASE_LINE)) {
                    String[] fields = line.split("\t");
                    String figure = fields[1].startsWith("DIFF") ? DETECT : fields[1].startsWith("UNCHANGED") ? RERUN : null;
                    if (figure != null) {
                        Sample sample = Sample.diff(figure, rows, Double.parseDouble(fields[2]), Long.parseLong(fields[3]));
                        log.printf("  %-55s %,10d rows %8.2f s  peak RSS %,6d MB%n", figure, rows, sample.wallSeconds(), sample.peakRssBytes() >> 20);
                        table.add(sample);
                    }
                }
            }
            deleteTree(copy);
        }
        deleteTree(prepared);
    }

    /** The child that measures: args are the DuckDB memory limit and the prepared directory; prints one line a phase. */
    public static void main(String[] args) throws Exception {
        PrintStream quiet = new PrintStream(PrintStream.nullOutputStream());
        for (DiffBenchmark.Phase phase : DiffBenchmark.measuredPhases(args[0], Path.of(args[1]), quiet).phases()) {
            System.out.println(PHASE_LINE + phase.name() + "\t" + phase.seconds() + "\t" + phase.peakRssBytes() + "\t" + phase.detail());
        }
    }

    private static String child(Class<?> main, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx2g",
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(arguments));
        MeteredProcess.Usage usage = MeteredProcess.run(command, Path.of("."), Map.of(), TIMEOUT);
        if (usage.exitCode() != 0) {
            throw new IllegalStateException(main.getSimpleName() + " failed (exit " + usage.exitCode() + "):\n" + usage.output());
        }
        return usage.output();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.exists(to)) {
            deleteTree(to);
        }
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
