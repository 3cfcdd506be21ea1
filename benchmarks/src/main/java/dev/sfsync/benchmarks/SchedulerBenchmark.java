package dev.sfsync.benchmarks;

import com.github.kagkarlsson.scheduler.CurrentlyExecuting;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.event.AbstractSchedulerListener;
import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.change.CommitResult;
import dev.sfsync.core.outcome.RunSummary;
import dev.sfsync.engine.config.ConfigResult;
import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.engine.lease.SyncLease;
import dev.sfsync.engine.run.RunProgress;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.server.SfsyncServer;
import dev.sfsync.server.db.ServerDatabase;
import dev.sfsync.server.run.SharedProject;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;
import dev.sfsync.store.secret.EncryptionKey;
import dev.sfsync.testing.PostgresServer;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * {@code ./bench scheduler [--syncs 500] [--minutes 3]}: what the server's scheduler costs with many syncs due every
 * minute, on one node and on three nodes (servers in this JVM) sharing one embedded Postgres state store. Each node is
 * a real {@link SfsyncServer} (API, db-scheduler with the server's settings, the run listeners: metrics, quota backoff,
 * alerts) over a project whose syncs are all {@code schedule: {every: 1m}}; only the run itself is replaced by one that
 * does nothing (the Builder's {@code runs} option), so the figures are the scheduler's and not the engine's or
 * Salesforce's. Figures: CPU seconds of each node's scheduler threads, how late each due run started against its slot
 * (p50/p95/max), and across nodes any slot started twice or never started.
 */
final class SchedulerBenchmark {
    private static final EncryptionKey KEY = EncryptionKey.of(new byte[32], "scheduler-benchmark");
    private static final AtomicInteger DATABASES = new AtomicInteger();
    /** As the server's default scheduler: sfsync serve polls every 5 s with 4 run threads and a 30 s heartbeat. */
    static final Duration POLLING = Duration.ofSeconds(5);
    static final Duration HEARTBEAT = Duration.ofSeconds(30);
    static final int THREADS = 4;
    static final Duration EVERY = Duration.ofMinutes(1);

    private SchedulerBenchmark() {
    }

    /**
     * How a measurement runs. {@code speed} makes the schedulers' clock run faster than the wall (1 in the benchmark;
     * the smoke test uses more so that minutes pass in seconds); lags are given in wall time.
     */
    record Options(int syncs, Duration duration, double speed, Duration polling, Duration heartbeat) {
    }

    /** One due run as a node's scheduler started it. */
    record Start(String node, String sync, Instant due, Instant started) {
        Duration lag() {
            Duration lag = Duration.between(due, started);
            return lag.isNegative() ? Duration.ZERO : lag;
        }
    }

    record NodeFigures(String node, int runs, double schedulerCpuSeconds, Duration p50, Duration p95, Duration max) {
    }

    /**
     * @param doubles slots (a sync's due time) started more than once, on any nodes
     * @param missed  slots never started: a sync whose next due time is overdue by more than two polls at the end, or
     *                whose runs are more than two intervals apart
     */
    record Result(String setup, Options options, List<NodeFigures> nodes, int runs, int expectedRuns, int doubles, int missed,
                  double jvmCpuSeconds, double postgresCpuSeconds) {
    }

    static void main(String[] args) throws Exception {
        int syncs = 500;
        double minutes = 3;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--syncs" -> syncs = Integer.parseInt(args[++i]);
                case "--minutes" -> minutes = Double.parseDouble(args[++i]);
                default -> {
                    System.err.println("unknown option '" + args[i] + "'; usage: ./bench scheduler [--syncs 500] [--minutes 3]");
                    System.exit(2);
                }
            }
        }
        Duration duration = Duration.ofMillis((long) (minutes * 60_000));
        Options options = new Options(syncs, duration, 1, POLLING, HEARTBEAT);
        System.out.printf("scheduler benchmark: %d syncs every minute, %.1f minutes per setup, %d cores, JDK %s%n", syncs, minutes,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        List<Result> results = new ArrayList<>();
        for (int nodes : new int[] {1, 3}) {
            Path dir = Files.createTempDirectory("sfsync-scheduler-benchmark");
            results.add(run(nodes, options, dir, System.out));
        }
        String table = render(results);
        System.out.println();
        System.out.println(table);
        Path out = Path.of(System.getProperty("sfsync.root", ".")).resolve("bench-results/scheduler-"
                + Instant.now().toString().replace(":", "").substring(0, 15) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println("written to " + out);
        System.exit(0);
    }

    static Result run(int nodeCount, Options options, Path dir, PrintStream log) throws Exception {
        String url = PostgresServer.shared().createDatabase("scheduler_benchmark_" + DATABASES.incrementAndGet());
        Path project = dir.resolve("project");
        Files.createDirectories(project);
        ProjectConfig config = writeProject(project, options.syncs());
        ScaledClock clock = new ScaledClock(options.speed());
        List<Start> starts = Collections.synchronizedList(new ArrayList<>());
        ThreadCpu cpu = new ThreadCpu();
        double postgresBefore = postgresCpuSeconds();
        double jvmBefore = jvmCpuSeconds();
        List<Node> nodes = new ArrayList<>();
        String setup = nodeCount == 1 ? "1 node" : nodeCount + " nodes, one Postgres";
        log.printf("%s: starting %d server(s) with %d syncs%n", setup, nodeCount, options.syncs());
        try {
            for (int i = 0; i < nodeCount; i++) {
                nodes.add(new Node("node-" + (char) ('a' + i), url, config, options, clock, starts));
            }
            Instant end = Instant.now().plus(options.duration());
            while (Instant.now().isBefore(end)) {
                cpu.sample();
                Thread.sleep(Math.min(1_000, Math.max(1, Duration.between(Instant.now(), end).toMillis())));
            }
            cpu.sample();
        } finally {
            nodes.forEach(Node::close);
        }
        double jvm = jvmCpuSeconds() - jvmBefore;
        double postgres = postgresCpuSeconds() - postgresBefore;
        List<Start> all;
        synchronized (starts) {
            all = List.copyOf(starts);
        }
        List<NodeFigures> figures = new ArrayList<>();
        for (int i = 0; i < nodeCount; i++) {
            String node = "node-" + (char) ('a' + i);
            List<Start> mine = all.stream().filter(s -> s.node().equals(node)).toList();
            figures.add(figures(node, mine, cpu.seconds(node + "-"), options.speed()));
        }
        int[] doublesAndMissed = doublesAndMissed(all, options, clock.now());
        // the first slot is a minute after the start: at a steady pace a sync has this many slots before the end
        long slots = (long) Math.ceil(options.duration().toMillis() * options.speed() / EVERY.toMillis()) - 1;
        Result result = new Result(setup, options, figures, all.size(), (int) (slots * options.syncs()), doublesAndMissed[0], doublesAndMissed[1],
                jvm, postgres);
        log.printf("%s: %d runs started (%d slots at a steady one-minute pace), %d double, %d missed%n", setup, result.runs(), result.expectedRuns(),
                result.doubles(), result.missed());
        return result;
    }

    private static ProjectConfig writeProject(Path project, int syncs) throws IOException {
        StringBuilder yaml = new StringBuilder("""
                connections:
                  org: {environment: custom, login_url: "http://127.0.0.1:9", client_id: scheduler-benchmark}
                sources:
                  warehouse: {url: "jdbc:duckdb:warehouse.duckdb"}
                models:
                  accounts: {sql: select * from accounts, primary_key: id}
                syncs:
                """);
        for (int i = 0; i < syncs; i++) {
            yaml.append(String.format(Locale.ROOT, """
                      sync_%03d:
                        model: accounts
                        object: Account
                        mode: insert
                        insert_without_key: at_least_once
                        mappings: [{from: name, to: Name}]
                        schedule: {every: 1m}
                    """, i));
        }
        Files.writeString(project.resolve(ProjectConfigReader.FILE_NAME), yaml);
        ConfigResult read = new ProjectConfigReader().read(project);
        if (!read.ok()) {
            throw new IllegalStateException("the benchmark's sfsync.yaml has problems: " + read.problems());
        }
        return read.config().orElseThrow();
    }

    private static NodeFigures figures(String node, List<Start> starts, double cpuSeconds, double speed) {
        long[] lags = starts.stream().mapToLong(s -> (long) (s.lag().toNanos() / speed)).sorted().toArray();
        return new NodeFigures(node, starts.size(), cpuSeconds, percentile(lags, 0.50), percentile(lags, 0.95), percentile(lags, 1.0));
    }

    private static Duration percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Duration.ZERO;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return Duration.ofNanos(sorted[Math.max(0, Math.min(sorted.length - 1, index))]);
    }

    /**
     * A slot is a sync's due time: started twice when two starts share it; missed when a sync's consecutive runs are
     * more than two intervals apart (a whole slot skipped) or its last run is more than two intervals before the end.
     */
    static int[] doublesAndMissed(List<Start> starts, Options options, Instant end) {
        Map<String, List<Start>> bySync = starts.stream().collect(Collectors.groupingBy(Start::sync));
        int doubles = 0;
        int missed = 0;
        Duration gap = EVERY.multipliedBy(2);
        for (int i = 0; i < options.syncs(); i++) {
            String sync = String.format(Locale.ROOT, "sync_%03d", i);
            List<Start> runs = new ArrayList<>(bySync.getOrDefault(sync, List.of()));
            runs.sort(java.util.Comparator.comparing(Start::due));
            Map<Instant, Long> perSlot = runs.stream().collect(Collectors.groupingBy(Start::due, Collectors.counting()));
            doubles += (int) perSlot.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
            Instant previous = null;
            for (Start run : runs) {
                if (previous != null && Duration.between(previous, run.started()).compareTo(gap) > 0) {
                    missed++;
                }
                previous = run.started();
            }
            boolean longEnough = options.duration().toMillis() * options.speed() > gap.toMillis();
            if (longEnough && (previous == null || Duration.between(previous, end).compareTo(gap) > 0)) {
                missed++;
            }
        }
        return new int[] {doubles, missed};
    }

    static String render(List<Result> results) {
        StringBuilder out = new StringBuilder();
        Result first = results.getFirst();
        out.append(String.format(Locale.ROOT, "%d syncs scheduled every minute, %.1f minutes per setup (scheduler polls every %d s, %d run threads per node):%n%n",
                first.options().syncs(), first.options().duration().toMillis() / 60_000.0, first.options().polling().toSeconds(), THREADS));
        out.append("| setup | node | runs started | scheduler CPU | CPU per minute | lag p50 | lag p95 | lag max | double slots | missed slots | whole JVM CPU | Postgres CPU |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Result result : results) {
            double minutes = result.options().duration().toMillis() / 60_000.0;
            for (NodeFigures node : result.nodes()) {
                boolean firstRow = node == result.nodes().getFirst();
                out.append(String.format(Locale.ROOT, "| %s | %s | %,d | %.2f s | %.2f s | %s | %s | %s | %s | %s | %s | %s |%n",
                        firstRow ? result.setup() : "", node.node(), node.runs(), node.schedulerCpuSeconds(), node.schedulerCpuSeconds() / minutes,
                        millis(node.p50()), millis(node.p95()), millis(node.max()),
                        firstRow ? String.valueOf(result.doubles()) : "", firstRow ? String.valueOf(result.missed()) : "",
                        firstRow ? String.format(Locale.ROOT, "%.1f s", result.jvmCpuSeconds()) : "",
                        firstRow ? (result.postgresCpuSeconds() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", result.postgresCpuSeconds())) : ""));
            }
        }
        out.append("\nscheduler CPU: the CPU time of the node's db-scheduler threads (polling, locking, the task code, the run listeners, "
                + "heartbeats, housekeeping) and the runs' state store work (lease, run record; no model query, no diff); lag: a due run's start against its slot; whole JVM and "
                + "Postgres CPU: all nodes together, idle HTTP API and JIT included.\n");
        return out.toString();
    }

    private static String millis(Duration duration) {
        return String.format(Locale.ROOT, "%,d ms", duration.toMillis());
    }

    private static double jvmCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** utime+stime (and the reaped backends' cutime+cstime) of the embedded Postgres, a child of this JVM; -1 off Linux. */
    private static double postgresCpuSeconds() {
        double ticks = 0;
        boolean found = false;
        for (ProcessHandle process : ProcessHandle.current().descendants().toList()) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
                if (!stat.contains("(postgres)")) {
                    continue;
                }
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // after the name: state is field 3, utime 14, stime 15, cutime 16, cstime 17 (1-based over the whole line)
                for (int field = 11; field <= 14; field++) {
                    ticks += Long.parseLong(fields[field]);
                }
                found = true;
            } catch (IOException | RuntimeException e) {
                // the process ended meanwhile
            }
        }
        return found ? ticks / 100.0 : -1;
    }

    /** A real server over the project, its db-scheduler built as sfsync serve builds it but with threads named after the node. */
    private static final class Node implements AutoCloseable {
        final StateStore store;
        final ServerDatabase db;
        final SfsyncServer server;
        final ExecutorService execute;
        final ExecutorService due;
        final ScheduledExecutorService housekeeping;

        Node(String name, String url, ProjectConfig config, Options options, ScaledClock clock, List<Start> starts) {
            store = StateStore.postgres(url, "postgres", "").encryptionKey(KEY).open();
            db = ServerDatabase.postgres(url, "postgres", "");
            execute = Executors.newFixedThreadPool(THREADS, Thread.ofPlatform().daemon().name(name + "-execute-", 1).factory());
            due = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name(name + "-due").factory());
            housekeeping = Executors.newScheduledThreadPool(3, Thread.ofPlatform().daemon().name(name + "-housekeeping-", 1).factory());
            SharedProject never = new SharedProject(() -> {
                throw new IllegalStateException("the scheduler benchmark's runs never open the project");
            });
            server = SfsyncServer.builder(config, store, db, never)
                    .runs(this::runWithNothingToSend)
                    .heartbeat(options.heartbeat())
                    .scheduler(tasks -> Scheduler.create(db.dataSource(), tasks).jdbcCustomization(db.schedulerSql()).threads(THREADS)
                            .pollingInterval(options.polling()).heartbeatInterval(options.heartbeat())
                            // the clock may run faster than the heartbeats (the smoke test): a node is dead after as much wall time
                            .missedHeartbeatsLimit((int) Math.ceil(SchedulerBuilder.DEFAULT_MISSED_HEARTBEATS_LIMIT * options.speed()))
                            .schedulerName(new SchedulerName.Fixed(name)).deleteUnresolvedAfter(Duration.ofDays(1))
                            .executorService(execute).dueExecutor(due).housekeeperExecutor(housekeeping).clock(clock)
                            .addSchedulerListener(new AbstractSchedulerListener() {
                                @Override
                                public void onExecutionStart(CurrentlyExecuting executing) {
                                    starts.add(new Start(name, executing.getTaskInstance().getId(), executing.getExecution().executionTime, clock.now()));
                                }
                            })
                            .build(), clock)
                    .build().start("127.0.0.1", 0);
        }

        /**
         * The state store's part of a run with nothing to send (the sync's lease, the run's record from start to end), as
         * the engine keeps it; the model's query and diff are left out: they are the engine's cost, not the scheduler's.
         */
        private RunResult runWithNothingToSend(String sync, RunProgress progress) {
            try (SyncLease lease = SyncLease.acquire(store.runLeases(), SyncId.of(sync), SyncLease.DEFAULT_TTL)) {
                Run run = store.runs().start(SyncId.of(sync), Run.Kind.OUTBOUND);
                lease.attach(run.id(), store.cancellations());
                progress.started(run.id());
                store.runs().finish(run.id(), Run.Status.SUCCEEDED, RunSummary.EMPTY, null);
                return new RunResult(sync, run.id(), new ChangeCounts(0, 0, 0, 0, 0), RunSummary.EMPTY, Map.of(), new CommitResult(0, 0, 0, 0, 0), 0,
                        null, List.of());
            }
        }

        @Override
        public void close() {
            server.close();
            execute.shutdownNow();
            due.shutdownNow();
            housekeeping.shutdownNow();
            store.close();
        }
    }

    /** The wall clock, running {@code speed} times faster from when it was made. */
    private static final class ScaledClock implements com.github.kagkarlsson.scheduler.Clock {
        private final Instant origin = Instant.now();
        private final long startNanos = System.nanoTime();
        private final double speed;

        ScaledClock(double speed) {
            this.speed = speed;
        }

        @Override
        public Instant now() {
            return origin.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
        }
    }

    /** CPU time per thread, sampled while threads live (a pool's thread that ended keeps its last sample). */
    private static final class ThreadCpu {
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private final Map<Long, String> names = new ConcurrentHashMap<>();
        private final Map<Long, Long> nanos = new HashMap<>();

        ThreadCpu() {
            threads.setThreadCpuTimeEnabled(true);
        }

        synchronized void sample() {
            for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info == null) {
                    continue;
                }
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    names.put(info.getThreadId(), info.getThreadName());
                    nanos.put(info.getThreadId(), cpu);
                }
            }
        }

        synchronized double seconds(String prefix) {
            return nanos.entrySet().stream().filter(e -> names.get(e.getKey()).startsWith(prefix)).mapToLong(Map.Entry::getValue).sum() / 1e9;
        }
    }
}
