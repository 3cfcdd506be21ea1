package dev.sfsync.benchmarks;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.UserAccount;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.Map;

/**
 * sfsync's first run of a model of N accounts (every row new, so N upserts on the external key) through each API, and
 * jsforce's Bulk 2.0 load of the same rows, against one emulated org in this JVM. Each run starts from an org reset to
 * its file and a new sfsync project, so every run creates the same N records; runs of one repeat go API after API, so
 * a slow spell of the shared machine touches every side. After a run of the largest model, sfsync runs again with
 * nothing changed (it must make no call). Every run is checked: all N records in the org, none failed.
 */
final class OutboundBenchmark {
    // jsforce's loadAndWaitForResults parses every result row into objects: ~1.1 GB RSS at a million rows, so ~10 GB
    // at ten million, more than the shared machine can spare next to a ten-million-record org.
    static final long JSFORCE_MAX_ROWS = 2_000_000;

    private final CompareOptions options;
    private final SfsyncCli sfsync;
    private final Path workDirectory;
    private final Path repository;
    private final PrintStream log;

    OutboundBenchmark(CompareOptions options, SfsyncCli sfsync, Path workDirectory, Path repository, PrintStream log) {
        this.options = options;
        this.sfsync = sfsync;
        this.workDirectory = workDirectory;
        this.repository = repository;
        this.log = log;
    }

    void run(FigureTable table) throws Exception {
        JsforceLoader jsforce = options.jsforce() ? JsforceLoader.install(repository) : null;
        long largest = options.rows().stream().mapToLong(Long::longValue).max().orElse(0);
        try (Emulator emulator = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).build().start()) {
            OrgHost org = emulator.host();
            sfsync.warmUp(org, workDirectory);
            for (long rows : options.rows()) {
                Preflight.check(rows, workDirectory, log);
                log.printf("generating the model: %,d accounts x 10 columns (DuckDB file and the same rows as CSV)%n", rows);
                AccountModel model = AccountModel.create(workDirectory.resolve("models"), rows);
                for (int repeat = 1; repeat <= options.repeats(rows); repeat++) {
                    for (SyncApi api : options.apis()) {
                        Path project = workDirectory.resolve("projects/" + rows + "-" + api.configName() + "-" + repeat);
                        syncOnce(org, model, api, project, rows == largest, table);
                    }
                    if (jsforce != null && rows <= JSFORCE_MAX_ROWS) {
                        loadWithJsforce(jsforce, org, model, table);
                    } else if (jsforce != null && repeat == 1) {
                        log.printf("  jsforce skipped at %,d rows: its Bulk 2.0 load holds every result row in Node's heap (~1 GB a million rows)%n", rows);
                    }
                }
            }
        }
    }

    private void syncOnce(OrgHost org, AccountModel model, SyncApi api, Path directory, boolean rerun, FigureTable table)
            throws Exception {
        org.reset();
        int recordsBefore = accounts(org);
        ConnectedApp app = org.org().definition().connectedApps().getFirst();
        UserAccount user = org.org().defaultUser();
        SfsyncCli.Project project = sfsync.newProject(directory, model, api, org.baseUrl(), app.clientId(), app.clientSecret());
        sfsync.connect(project, user.username(), user.password());

        long callsBefore = org.org().apiUsage().used();
        long emulatorCpu = harnessCpuNanos();
        MeteredProcess.Usage usage = sfsync.run(project);
        emulatorCpu = harnessCpuNanos() - emulatorCpu;
        long orgCalls = org.org().apiUsage().used() - callsBefore;
        SfsyncCli.RunReport report = sfsync.lastRun(project);
        int created = accounts(org) - recordsBefore;
        if (created != model.rows() || report.summary().created() != model.rows()) {
            throw new IllegalStateException("sfsync run (" + api.configName() + ") left " + created + " new accounts in the org and reported "
                    + report.summary() + "; expected " + model.rows() + " created");
        }
        Sample sample = new Sample("sfsync run, " + label(api), model.rows(), usage.wallSeconds(), usage.cpuSeconds(), usage.peakRssBytes(),
                orgCalls, report.callCount(), MinimumCalls.of(api, model.rows(), api.batchSize(), model.csvBytes()),
                ApiCallKind.render(report.calls()));
        print(sample);
        printPhases(usage, emulatorCpu);
        table.add(sample);
        printOrgHeap(created);
        if (rerun) {
            rerun(org, project, model, table);
        }
    }

    /** The same project again with nothing changed: it must cost no API call at all, not even a login. */
    private void rerun(OrgHost org, SfsyncCli.Project project, AccountModel model, FigureTable table) throws Exception {
        long callsBefore = org.org().apiUsage().used();
        long emulatorCpu = harnessCpuNanos();
        MeteredProcess.Usage usage = sfsync.run(project);
        emulatorCpu = harnessCpuNanos() - emulatorCpu;
        long orgCalls = org.org().apiUsage().used() - callsBefore;
        SfsyncCli.RunReport report = sfsync.lastRun(project);
        Sample sample = new Sample("sfsync rerun, nothing changed, " + label(project.api()), model.rows(), usage.wallSeconds(),
                usage.cpuSeconds(), usage.peakRssBytes(), orgCalls, report.callCount(), 0, ApiCallKind.render(report.calls()));
        print(sample);
        printPhases(usage, emulatorCpu);
        table.add(sample);
    }

    private void loadWithJsforce(JsforceLoader jsforce, OrgHost org, AccountModel model, FigureTable table) throws Exception {
        org.reset();
        int recordsBefore = accounts(org);
        ConnectedApp app = org.org().definition().connectedApps().getFirst();
        UserAccount user = org.org().defaultUser();
        long callsBefore = org.org().apiUsage().used();
        long emulatorCpu = harnessCpuNanos();
        MeteredProcess.Usage usage = jsforce.load(model.csv(), Map.of("SFSYNC_LOGIN_URL", org.baseUrl(), "SFSYNC_CLIENT_ID", app.clientId(),
                "SFSYNC_CLIENT_SECRET", app.clientSecret(), "SFSYNC_USERNAME", user.username(), "SFSYNC_PASSWORD", user.password()));
        emulatorCpu = harnessCpuNanos() - emulatorCpu;
        long orgCalls = org.org().apiUsage().used() - callsBefore;
        JsforceLoader.Loaded loaded = JsforceLoader.parse(usage.output());
        int created = accounts(org) - recordsBefore;
        if (created != model.rows() || loaded.successful() != model.rows()) {
            throw new IllegalStateException("jsforce's load left " + created + " new accounts in the org and reported " + loaded
                    + "; expected " + model.rows() + " successful");
        }
        Sample sample = new Sample(FigureTable.JSFORCE, model.rows(), usage.wallSeconds(), usage.cpuSeconds(), usage.peakRssBytes(), orgCalls,
                -1, MinimumCalls.of(SyncApi.BULK2, model.rows(), 0, model.csvBytes()), "");
        print(sample);
        printPhases(usage, emulatorCpu);
        table.add(sample);
    }

    /** The harness heap after a GC with the org holding the run's records: the emulator's bytes per stored record. */
    private void printOrgHeap(long records) {
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        log.printf("  emulated org: %,d records, harness heap after GC %,d MB (%,d bytes per record, everything else in the harness included)%n",
                records, used >> 20, used / Math.max(1, records));
        if (Boolean.getBoolean("sfsync.bench.histogram")) {
            log.println(HeapHistogram.top(15));
        }
    }

    static String label(SyncApi api) {
        return switch (api) {
            case REST -> "REST sObject Collections";
            case BULK1 -> "Bulk API 1.0 (batches of " + String.format("%,d", api.batchSize()) + ")";
            case BULK2 -> "Bulk API 2.0";
        };
    }

    private static int accounts(OrgHost org) {
        return org.org().store("Account").orElseThrow().liveCount();
    }

    /**
     * Where the run's time went, phase by phase (sfsync's own timings line; none for jsforce), and the CPU this JVM spent
     * meanwhile: the emulator serving the run (parsing uploads, processing jobs, writing results), which is idle otherwise.
     */
    private void printPhases(MeteredProcess.Usage usage, long emulatorCpuNanos) {
        String phases = SfsyncCli.timings(usage);
        log.printf("    emulator CPU %.1f s%s%n", emulatorCpuNanos / 1e9, phases.isEmpty() ? "" : "; phases (wall/CPU s): " + phases);
        log.flush();
    }

    private static long harnessCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private void print(Sample s) {
        log.printf("  %-55s %,10d rows %8.2f s  CPU %6.1f s  peak RSS %,6d MB  API calls %,d (org) / %,d (own)  %s%n", s.figure(), s.rows(),
                s.wallSeconds(), s.cpuSeconds(), s.peakRssBytes() >> 20, s.orgCalls(), s.ownCalls(), s.callsByKind());
        log.flush();
    }
}
