package dev.sfsync.benchmarks;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.SystemFields;
import dev.sfsync.store.ApiCall;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code ./bench inbound [records, default 1000000] [delta percent, default 1] [duckdb|postgres, default duckdb]}: an
 * inbound sync of that many Contacts from an in-process emulated org into a DuckDB file (or an embedded Postgres, as
 * the tests start it, in its own process so that the child's RSS is sfsync's alone), then a delta after changing a share of them, each run
 * by the sfsync jar as a child process (time, CPU, peak RSS) with its API calls counted by kind from sfsync's log.
 * The Contacts are put into the org directly (stamped over the last 25 days), so seeding costs no API call and no benchmark time.
 */
final class InboundBenchmark {
    private InboundBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 1_000_000;
        double deltaPercent = args.length > 1 ? Double.parseDouble(args[1]) : 1.0;
        boolean postgres = args.length > 2 && args[2].equalsIgnoreCase("postgres");
        String sourceUrl = postgres ? dev.sfsync.testing.PostgresServer.shared().createDatabase("inbound_benchmark") : "jdbc:duckdb:warehouse.duckdb";
        String sourceLogin = postgres ? "\n    user: postgres" : "";
        Path root = Path.of(System.getProperty("sfsync.root", "."));
        Path directory = Files.createTempDirectory("sfsync-inbound-bench");
        try (Emulator emulator = Emulator.builder().org(OrgDefinitionLoader.defaultOrg()).bindAddress("127.0.0.1").build().start()) {
            OrgHost host = emulator.host();
            SfsyncCli.jar(root).warmUp(host, directory);
            Org org = host.org();
            long seedStart = System.nanoTime();
            seed(org, records);
            System.out.printf("seeded %,d Contacts in %.1f s%n", records, (System.nanoTime() - seedStart) / 1e9);

            System.out.println("destination: " + (postgres ? "Postgres " + sourceUrl : "DuckDB file"));
            SfsyncCli cli = SfsyncCli.jar(root);
            SfsyncCli.Project project = connectedProject(cli, host, directory, sourceUrl + sourceLogin, """
                    inbound:
                      contacts_in:
                        object: Contact
                        table: salesforce_contacts
                        fields: [FirstName, LastName, Email, Phone, Title, LeadSource]
                    """);
            List<String> lines = new ArrayList<>();
            lines.add(figure("initial", records, cli.command(project, "run", "contacts_in"), directory));

            int changed = (int) Math.round(records * deltaPercent / 100.0);
            change(org, changed);
            lines.add(figure("delta " + deltaPercent + " %", changed, cli.command(project, "run", "contacts_in"), directory));
            printFigures(lines);
        }
    }

    /**
     * A project in {@code directory}: sfsync.yaml with the warehouse source at {@code sourceUrl} (and any lines that
     * follow its url), the org's connection and {@code syncs}, connected as the org's default user.
     */
    static SfsyncCli.Project connectedProject(SfsyncCli cli, OrgHost host, Path directory, String sourceUrl, String syncs) throws Exception {
        var app = host.org().definition().connectedApps().getFirst();
        var user = host.org().defaultUser();
        SfsyncCli.writeProject(directory, "", sourceUrl, host.baseUrl(), app.clientId(), app.clientSecret(), syncs);
        SfsyncCli.Project project = new SfsyncCli.Project(directory, SyncApi.BULK2);
        MeteredProcess.Usage connect = cli.command(project, "connect", "local", "--username", user.username(), "--password", user.password());
        if (connect.exitCode() != 0) {
            throw new IllegalStateException("sfsync connect failed:\n" + connect.output());
        }
        return project;
    }

    /** The lines {@link #figure} made, under their header. */
    static void printFigures(List<String> lines) {
        System.out.printf("%n%-12s %10s %9s %11s %9s %13s  %s%n", "RUN", "RECORDS", "WALL S", "RECORDS/S", "CPU S", "PEAK RSS MB", "API CALLS");
        lines.forEach(System.out::println);
    }

    static void seed(Org org, int records) {
        RecordStore store = org.store("Contact").orElseThrow();
        String owner = org.defaultUser().id();
        // Written over the last 25 days, as an org's records are: the first delta's look-back (5 minutes) reaches only the newest.
        Instant first = org.clock().instant().minus(java.time.Duration.ofDays(25));
        long spreadMillis = java.time.Duration.ofDays(25).minusHours(1).toMillis();
        synchronized (org.writeLock()) {
            for (int i = 0; i < records; i++) {
                String id = org.ids().next(store.schema().keyPrefix());
                Map<String, Object> values = new LinkedHashMap<>();
                values.put("FirstName", "First" + i);
                values.put("LastName", "Last" + i);
                values.put("Email", "person" + i + "@example.com");
                values.put("Phone", "555-" + (1000 + i % 9000));
                values.put("Title", i % 3 == 0 ? "Engineer" : "Manager");
                values.put("LeadSource", "Web");
                values.put("OwnerId", owner);
                Instant written = first.plusMillis(spreadMillis * i / records);
                store.put(new StoredRecord(id, store.schema(), SystemFields.stamp(values, id, owner, written, true)));
            }
        }
    }

    /** Changes every n-th Contact's Title, stamping it as a write would. */
    private static void change(Org org, int count) throws InterruptedException {
        Thread.sleep(1_100);   // a new second, after the initial sync's cursor
        RecordStore store = org.store("Contact").orElseThrow();
        List<StoredRecord> all = new ArrayList<>(store.all());
        int step = Math.max(1, all.size() / Math.max(1, count));
        Instant now = org.clock().instant();
        synchronized (org.writeLock()) {
            for (int i = 0, done = 0; i < all.size() && done < count; i += step, done++) {
                StoredRecord record = all.get(i);
                Map<String, Object> values = new LinkedHashMap<>(record.values());
                values.put("Title", "Changed");
                store.put(new StoredRecord(record.id(), record.schema(), SystemFields.stamp(values, record.id(), org.defaultUser().id(), now, false)));
            }
        }
    }

    static String figure(String name, long records, MeteredProcess.Usage usage, Path directory) {
        if (usage.exitCode() != 0) {
            throw new IllegalStateException("sfsync run contacts_in exited " + usage.exitCode() + ":\n" + usage.output());
        }
        Map<String, Long> calls = new TreeMap<>();
        String summary;
        try (StateStore store = StateStore.embedded(directory.resolve(".sfsync")).open()) {
            Run run = store.runs().recent(1).getFirst();
            for (ApiCall call : store.apiLog().list(run.id())) {
                calls.merge(kind(call), 1L, Long::sum);
            }
            summary = run.summary().created() + " created, " + run.summary().updated() + " updated";
        }
        return String.format("%-12s %,10d %9.1f %,11.0f %9.1f %,13.0f  %s (%s)", name, records, usage.wallSeconds(), records / usage.wallSeconds(),
                usage.cpuSeconds(), usage.peakRssBytes() / 1e6, calls, summary);
    }

    static String kind(ApiCall call) {
        String path = URI.create(call.url()).getPath();
        if (path.startsWith("/services/oauth2/")) {
            return "login";
        }
        if (path.contains("/jobs/query")) {
            return call.method().equals("POST") ? "query job create" : path.endsWith("/results") || path.endsWith("/results/") ? "result pages" : "polls";
        }
        if (path.contains("/describe")) {
            return "describe";
        }
        if (path.contains("/composite/sobjects")) {
            return "record writes";
        }
        return path.contains("/query") ? "REST query pages" : "other";
    }
}
