package dev.sfsync.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.faults.FaultRules;
import dev.sfsync.emulator.org.ConnectedApp;
import dev.sfsync.emulator.org.FaultsSection;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.UserAccount;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exactly-once soak: an insert sync of N accounts (idempotency key External_Key__c) through Bulk 2.0 into an org
 * that fails 5 % of records with UNABLE_TO_LOCK_ROW, answers 1 % of calls 503, drops 1 % of connections after
 * processing the call, and expires the session after 2,000 calls; the `sfsync run` process is killed (SIGKILL) at
 * random points K times, then run until it exits 0. Prints rows lost, duplicated and reconciled: all but reconciled
 * must be 0 (the harness exits 1 otherwise). {@code ./bench soak [rows, default 1000000] [kills, default 3] [seed]}.
 */
final class SoakBenchmark {
    private static final String FAULTS = """
            seed: %d
            errors: [{rate: 0.01, status: 503}]
            dropConnections: [{rate: 0.01, when: after}]
            tokenExpiry: [{afterCalls: 2000}]
            recordErrors: [{object: Account, rate: 0.05, errorCode: UNABLE_TO_LOCK_ROW}]
            """;
    private static final Pattern RECONCILED = Pattern.compile("([\\d,]+) rows reconciled[^:]*: ([\\d,]+) created");
    private static final int MAX_FINISHING_RUNS = 10;

    private SoakBenchmark() {
    }

    static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0].replace("_", "").replace(",", "")) : 1_000_000L;
        int kills = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
        Path root = Path.of(System.getProperty("sfsync.root", "."));
        Path work = Files.createDirectories(root.resolve("benchmarks/target/soak-" + System.currentTimeMillis()));
        System.out.printf("soak: %,d accounts inserted through Bulk 2.0, %d kills, seed %d; work directory %s%n", rows, kills, seed, work);
        AccountModel model = AccountModel.create(work.resolve("models"), rows);
        SfsyncCli sfsync = SfsyncCli.jar(root);
        long started = System.nanoTime();
        try (Emulator emulator = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).build().start()) {
            OrgHost org = emulator.host();
            sfsync.warmUp(org, work);
            ConnectedApp app = org.org().definition().connectedApps().getFirst();
            UserAccount user = org.org().defaultUser();
            SfsyncCli.Project project = sfsync.newProject(work.resolve("project"), model, SyncApi.BULK2, org.baseUrl(), app.clientId(), app.clientSecret());
            Path yaml = project.directory().resolve("sfsync.yaml");
            Files.writeString(yaml, Files.readString(yaml).replace("mode: upsert", "mode: insert"));
            sfsync.connect(project, user.username(), user.password());
            org.faults().set(faults(org, seed));

            Path log = project.directory().resolve("runs.log");
            Random random = new Random(seed);
            for (int kill = 1; kill <= kills; kill++) {
                // Each kill lands at a random point of what is left: anywhere from the first upload to the last job.
                long target = accounts(org) + (long) ((rows - accounts(org)) * (0.1 + 0.5 * random.nextDouble()));
                Process run = sfsync.start(project, log, "run", "accounts");
                while (run.isAlive() && accounts(org) < target) {
                    Thread.sleep(50);
                }
                boolean killed = run.isAlive();
                run.destroyForcibly().waitFor();
                System.out.printf("  kill %d: %s at %,d accounts in the org (%.0f s)%n", kill, killed ? "SIGKILL" : "the run had ended (exit "
                        + run.exitValue() + ")", accounts(org), (System.nanoTime() - started) / 1e9);
            }
            int exit = -1;
            for (int attempt = 1; attempt <= MAX_FINISHING_RUNS && exit != 0; attempt++) {
                Process run = sfsync.start(project, log, "run", "accounts");
                exit = run.waitFor();
                System.out.printf("  finishing run %d: exit %d, %,d accounts in the org (%.0f s)%n", attempt, exit, accounts(org),
                        (System.nanoTime() - started) / 1e9);
            }
            report(org, rows, Files.readString(log), exit, (System.nanoTime() - started) / 1e9);
        }
    }

    private static long accounts(OrgHost org) {
        return org.org().store("Account").orElseThrow().liveCount();
    }

    private static FaultRules faults(OrgHost org, long seed) throws Exception {
        JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(FAULTS.formatted(seed));
        List<String> problems = new ArrayList<>();
        FaultRules rules = FaultsSection.read(node, "faults", org.org().schemas().stream().map(s -> s.name()).toList(), problems);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("soak fault rules: " + problems);
        }
        return rules;
    }

    private static void report(OrgHost org, long rows, String log, int exit, double seconds) {
        Map<Object, Integer> perKey = new HashMap<>();
        org.org().store("Account").orElseThrow().all().forEach(r -> {
            Object key = r.get("External_Key__c");
            if (key != null) {
                perKey.merge(key, 1, Integer::sum);
            }
        });
        long duplicated = perKey.values().stream().mapToLong(n -> n - 1L).sum();
        long lost = rows - perKey.size();
        long reconciled = 0;
        long reconciledCreated = 0;
        Matcher m = RECONCILED.matcher(log);
        while (m.find()) {
            reconciled += Long.parseLong(m.group(1).replace(",", ""));
            reconciledCreated += Long.parseLong(m.group(2).replace(",", ""));
        }
        System.out.printf("soak result: %,d rows, last run exit %d, %.0f s wall%n  rows lost %,d%n  rows duplicated %,d%n"
                + "  rows reconciled %,d (of them found created %,d)%n", rows, exit, seconds, lost, duplicated, reconciled, reconciledCreated);
        if (lost != 0 || duplicated != 0 || exit != 0) {
            System.out.println("FAILED: every row must be in the org exactly once");
            System.exit(1);
        }
    }
}
