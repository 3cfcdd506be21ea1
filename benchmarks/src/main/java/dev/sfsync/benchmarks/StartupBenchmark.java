package dev.sfsync.benchmarks;

import dev.sfsync.core.PhaseTimings;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.UserAccount;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./bench startup [rows, default 1000000] [reruns, default 5] [work directory]}: what a run with nothing to send
 * costs, phase by phase. One first run of an N-row model through Bulk 2.0 against an emulated org in this JVM, then {@code sfsync
 * --version} (the JVM's start alone) and {@code sfsync run} with nothing changed, each repeated, the runs with
 * {@value PhaseTimings#ENVIRONMENT} set so the CLI prints where its time went. Prints every run and the median of each
 * phase; every rerun must make no API call. With a work directory, it is kept, and a project already synced there is
 * rerun without its first run (to compare builds without waiting for the first run again).
 */
final class StartupBenchmark {
    private StartupBenchmark() {
    }

    static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 1_000_000;
        int reruns = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path repository = CompareCommand.repository();
        SfsyncCli sfsync = SfsyncCli.jar(repository);
        Path kept = args.length > 2 ? Path.of(args[2]).toAbsolutePath() : null;
        Path work = kept != null ? Files.createDirectories(kept) : Files.createTempDirectory("sfsync-startup");
        try (Emulator emulator = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).build().start()) {
            OrgHost org = emulator.host();
            sfsync.warmUp(org, work);
            SfsyncCli.Project project = new SfsyncCli.Project(work.resolve("project"), SyncApi.BULK2);
            if (Files.isDirectory(project.directory().resolve(".sfsync"))) {
                System.out.println("rerunning the project synced earlier in " + project.directory());
            } else {
                System.out.printf("generating the model: %,d accounts x 10 columns%n", rows);
                AccountModel model = AccountModel.create(work.resolve("models"), rows);
                ConnectedApp app = org.org().definition().connectedApps().getFirst();
                UserAccount user = org.org().defaultUser();
                project = sfsync.newProject(project.directory(), model, SyncApi.BULK2, org.baseUrl(), app.clientId(), app.clientSecret());
                sfsync.connect(project, user.username(), user.password());
                MeteredProcess.Usage first = sfsync.run(project);
                System.out.printf("first run (Bulk 2.0): %.2f s wall, CPU %.1f s, peak RSS %,d MB%n", first.wallSeconds(), first.cpuSeconds(),
                        first.peakRssMb());
            }

            List<MeteredProcess.Usage> versions = new ArrayList<>();
            for (int i = 0; i < reruns; i++) {
                versions.add(sfsync.command(project, Map.of(), "--version"));
            }
            System.out.printf("sfsync --version (JVM start): median %.2f s wall, CPU %.2f s, peak RSS %,d MB%n",
                    median(versions.stream().map(MeteredProcess.Usage::wallSeconds).toList()),
                    median(versions.stream().map(MeteredProcess.Usage::cpuSeconds).toList()),
                    (long) median(versions.stream().map(u -> (double) u.peakRssMb()).toList()));

            Map<String, List<Double>> phases = new LinkedHashMap<>();
            Map<String, List<Double>> phaseCpu = new LinkedHashMap<>();
            List<MeteredProcess.Usage> runs = new ArrayList<>();
            for (int i = 0; i < reruns; i++) {
                long callsBefore = org.org().apiUsage().used();
                MeteredProcess.Usage usage = sfsync.command(project, Map.of(PhaseTimings.ENVIRONMENT, "1"), "run", "accounts");
                long calls = org.org().apiUsage().used() - callsBefore;
                if (usage.exitCode() != 0 || calls != 0 || sfsync.lastRun(project).callCount() != 0) {
                    throw new IllegalStateException("the rerun with nothing changed exited " + usage.exitCode() + " after " + calls
                            + " API calls:\n" + usage.output());
                }
                runs.add(usage);
                String line = usage.output().lines().filter(l -> l.startsWith("sfsync timings: ")).findFirst()
                        .orElseThrow(() -> new IllegalStateException("no timings line in:\n" + usage.output()));
                for (String phase : line.substring("sfsync timings: ".length()).split(" ")) {
                    String[] parts = phase.split("[=/]");
                    phases.computeIfAbsent(parts[0], p -> new ArrayList<>()).add(Double.parseDouble(parts[1]));
                    phaseCpu.computeIfAbsent(parts[0], p -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
                }
                System.out.printf("rerun %d, nothing changed: %.2f s wall, CPU %.2f s, peak RSS %,d MB; %s%n", i + 1, usage.wallSeconds(),
                        usage.cpuSeconds(), usage.peakRssMb(), line.substring("sfsync timings: ".length()));
            }
            System.out.printf("%nrerun with nothing changed, %,d rows, median of %d: %.2f s wall, CPU %.2f s, peak RSS %,d MB, 0 API calls%n",
                    rows, reruns, median(runs.stream().map(MeteredProcess.Usage::wallSeconds).toList()),
                    median(runs.stream().map(MeteredProcess.Usage::cpuSeconds).toList()),
                    (long) median(runs.stream().map(u -> (double) u.peakRssMb()).toList()));
            System.out.println("| phase | wall, median s | CPU, median s |");
            System.out.println("|---|---:|---:|");
            phases.forEach((phase, seconds) -> System.out.printf("| %s | %.3f | %.3f |%n", phase.replace('_', ' '), median(seconds),
                    median(phaseCpu.get(phase))));
            System.out.printf("load average at the end: %.1f%n", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            if (kept == null) {
                DiffFigures.deleteTree(work);
            }
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
    }
}
