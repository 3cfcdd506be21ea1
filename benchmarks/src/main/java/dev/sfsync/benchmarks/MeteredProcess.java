package dev.sfsync.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one child process under GNU time, so its CPU seconds and peak RSS come from the kernel's accounting of that
 * process alone (wait4's rusage: user + system time, maximum resident set size), exact to its last instruction.
 * Sampling /proc from here instead would miss what happens between the last sample and the exit.
 */
final class MeteredProcess {
    private static final Path GNU_TIME = Path.of("/usr/bin/time");

    /** What one process cost; {@code output} is its stdout and stderr, interleaved. */
    record Usage(double wallSeconds, double cpuSeconds, long peakRssBytes, int exitCode, String output) {
        long peakRssMb() {
            return peakRssBytes >> 20;
        }
    }

    private MeteredProcess() {
    }

    static Usage run(List<String> command, Path directory, Map<String, String> environment, Duration timeout) throws IOException, InterruptedException {
        if (!Files.isExecutable(GNU_TIME)) {
            throw new IllegalStateException("the benchmark measures CPU time and peak memory with GNU time, which is not at " + GNU_TIME
                    + "; install it (Debian/Ubuntu: apt-get install time) and run again");
        }
        Path report = Files.createTempFile("sfsync-bench-time", ".txt");
        Path output = Files.createTempFile("sfsync-bench-output", ".txt");
        try {
            List<String> timed = new ArrayList<>(List.of(GNU_TIME.toString(), "-f", "%U %S %M", "-o", report.toString()));
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("'" + String.join(" ", command) + "' did not finish within " + timeout.toMinutes()
                        + " minutes; its output:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            double wall = (System.nanoTime() - started) / 1e9;
            String text = Files.readString(output, StandardCharsets.UTF_8);
            // GNU time writes "Command exited with non-zero status N" first when the command failed; the figures are last.
            List<String> lines = Files.readAllLines(report, StandardCharsets.UTF_8);
            String[] figures = lines.isEmpty() ? new String[0] : lines.getLast().trim().split(" ");
            if (figures.length != 3) {
                throw new IllegalStateException("GNU time reported no figures for '" + String.join(" ", command) + "': " + lines + "\n" + text);
            }
            return new Usage(wall, Double.parseDouble(figures[0]) + Double.parseDouble(figures[1]), Long.parseLong(figures[2]) * 1024,
                    process.exitValue(), text);
        } finally {
            Files.deleteIfExists(report);
            Files.deleteIfExists(output);
        }
    }
}
