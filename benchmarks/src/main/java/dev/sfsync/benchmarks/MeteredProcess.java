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
 * Sampling /proc instead would miss what happens between the last sample and the exit, so it is only the fallback
 * on a machine without GNU time.
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
        boolean gnuTime = Files.isExecutable(GNU_TIME);
        Path report = Files.createTempFile("sfsync-bench-time", ".txt");
        Path output = Files.createTempFile("sfsync-bench-output", ".txt");
        try {
            List<String> timed = new ArrayList<>();
            if (gnuTime) {
                timed.addAll(List.of(GNU_TIME.toString(), "-f", "%U %S %M", "-o", report.toString()));
            }
            timed.addAll(command);
            ProcessBuilder builder = new ProcessBuilder(timed).directory(directory.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            ProcSampler sampler = gnuTime ? null : new ProcSampler(process.pid());
            boolean ended = sampler == null ? process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) : sampler.sampleUntilExit(process, timeout);
            if (!ended) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor();
                throw new IllegalStateException("'" + String.join(" ", command) + "' did not finish within " + timeout.toMinutes()
                        + " minutes; its output:\n" + Files.readString(output, StandardCharsets.UTF_8));
            }
            double wall = (System.nanoTime() - started) / 1e9;
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (sampler != null) {
                return new Usage(wall, sampler.cpuSeconds(), sampler.peakRssBytes(), process.exitValue(), text);
            }
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

    /**
     * Without GNU time (a machine without Debian's {@code time} package): /proc sampled every 20 ms. The peak RSS is
     * the kernel's own high-water mark (VmHWM), so only the last 20 ms can be missed; CPU seconds likewise.
     */
    private static final class ProcSampler {
        private static final double TICKS_PER_SECOND = 100.0;
        private final Path status;
        private final Path stat;
        private long peakRssBytes;
        private double cpuSeconds;

        ProcSampler(long pid) {
            this.status = Path.of("/proc", Long.toString(pid), "status");
            this.stat = Path.of("/proc", Long.toString(pid), "stat");
        }

        boolean sampleUntilExit(Process process, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline) {
                sample();
                if (process.waitFor(20, TimeUnit.MILLISECONDS)) {
                    return true;
                }
            }
            return false;
        }

        private void sample() {
            try {
                for (String line : Files.readAllLines(status)) {
                    if (line.startsWith("VmHWM:")) {
                        peakRssBytes = Math.max(peakRssBytes, Long.parseLong(line.replaceAll("\\D", "")) * 1024);
                    }
                }
                String text = Files.readString(stat);
                String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
                // After the command's name: state is field 3, utime field 14 and stime field 15 of proc(5).
                cpuSeconds = Math.max(cpuSeconds, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
            } catch (IOException | RuntimeException e) {
                // The process has just exited (its /proc entry is gone): keep the last sample.
            }
        }

        long peakRssBytes() {
            return peakRssBytes;
        }

        double cpuSeconds() {
            return cpuSeconds;
        }
    }
}
