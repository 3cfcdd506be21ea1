package dev.sfsync.cli;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The whole product in one command: a local org, a sample warehouse with some wrong rows, a project file, a login,
 * and three runs through the same code as 'sfsync run' (first sync, after fixing the data, with nothing changed).
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Sync a sample DuckDB warehouse (3,000 accounts, 6,000 contacts, a few rows wrong on purpose) into a local "
                + "emulated Salesforce org, and explain what happened to every kind of row. Runs three times: the first sync, a "
                + "run after fixing the wrong rows (only they are sent), and a run with nothing changed (no API call at all).",
                "The project it writes stays in --dir, so 'sfsync runs' can look at the runs afterwards. Running the demo again "
                        + "starts over, in a new org. Exits 0: the failed rows are part of the demo."},
        footer = {"", "Examples:", "  sfsync demo", "  sfsync demo --dir /tmp/demo", "  sfsync demo --serve        then open http://127.0.0.1:8650/ui/runs"})
final class DemoCommand implements Callable<Integer> {
    static final int DEFAULT_SERVE_PORT = 8650;
    private static final String[] SYNCS = {"accounts", "contacts"};

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "sfsync-demo",
            description = "Directory for the demo project (default: ./sfsync-demo). Cleared first if an earlier demo made it.")
    Path directory;

    @Option(names = "--port", defaultValue = "0", description = "Port for the emulated org (default: a free port).")
    int port;

    @Option(names = "--serve", description = "Afterwards, serve the demo project ('sfsync serve', with its web UI) until Ctrl-C, the emulated org"
            + " staying up; prints the URL and a login made for the demo.")
    boolean serve;

    @Option(names = "--serve-port", defaultValue = "" + DEFAULT_SERVE_PORT, description = "Port of the web UI with --serve (default: ${DEFAULT-VALUE}).")
    int servePort;

    @Spec
    CommandSpec spec;

    private PrintWriter out;
    private PrintWriter err;
    private Path project;

    @Override
    public Integer call() throws Exception {
        out = spec.commandLine().getOut();
        err = spec.commandLine().getErr();
        project = directory.toAbsolutePath().normalize();
        String unusable = DemoDirectory.prepare(project);
        if (unusable != null) {
            err.println("sfsync demo: " + unusable);
            err.flush();
            return ExitCodes.USAGE;
        }
        long started = System.nanoTime();
        try (Emulator emulator = Emulator.builder().port(port).bindAddress("127.0.0.1").org(OrgDefinitionLoader.defaultOrg()).build().start()) {
            OrgHost org = emulator.host();
            var app = org.org().definition().connectedApps().getFirst();
            var user = org.org().defaultUser();
            out.printf("sfsync demo%n%n  A local Salesforce org (the emulator, in memory) is up at %s.%n", org.baseUrl());
            DemoWarehouse.create(project);
            DemoDirectory.writeProject(project, org.baseUrl(), app.clientSecret());
            out.printf("  The demo project is in %s:%n", project);
            out.printf("    %s  %,d accounts and %,d contacts, some wrong on purpose:%n", DemoWarehouse.FILE_NAME, DemoWarehouse.ACCOUNTS,
                    DemoWarehouse.CONTACTS);
            out.printf("      %d account names too long, %d accounts with a tier the picklist does not allow,%n", DemoWarehouse.TOO_LONG_NAMES,
                    DemoWarehouse.BAD_TIERS);
            out.printf("      %d accounts sharing one account key (the match value), %d contacts of accounts that do not exist%n",
                    DemoWarehouse.DUPLICATED_MATCH_ROWS, DemoWarehouse.UNKNOWN_ACCOUNT_KEYS);
            out.println("    sfsync.yaml       two upsert syncs: accounts on External_Key__c, then contacts on External_Id__c");
            out.println("                      with AccountId looked up by the account key,");
            out.println("                      and one inbound sync: Salesforce's Contacts back into the table salesforce_contacts");
            out.println();

            step("Log in (the password grant; a real org would use 'sfsync connect demo' in a browser)");
            if (sfsync("connect", "demo", "--username", user.username(), "--password", user.password()) != ExitCodes.OK) {
                return ExitCodes.SALESFORCE_UNAVAILABLE;
            }
            step("Run 1: sfsync run accounts contacts");
            report(runSyncs());

            step("Fix the wrong rows in the warehouse, as you would after reading run 1");
            DemoWarehouse.fixes().forEach(sql -> out.println("  " + sql));
            DemoWarehouse.fix(project);
            step("Run 2: the same command; only the rows that failed or changed are sent");
            report(runSyncs());

            step("Run 3: the same command again, with nothing changed");
            long calls = report(runSyncs());
            out.println(calls == 0 ? "  Nothing changed, so nothing was sent: 0 API calls, not even a login."
                    : "  Unexpected: " + calls + " API calls although nothing changed.");
            boolean inbound = DemoInbound.show(project, org, app.clientSecret(), out, this::sfsync);
            whereToLook((System.nanoTime() - started) / 1_000_000_000.0);
            out.flush();
            if (serve) {
                return DemoServe.serve(project, servePort, out, this::sfsync);
            }
            return calls == 0 && inbound ? ExitCodes.OK : ExitCodes.ROWS_FAILED;
        }
    }

    /** Runs the syncs through the 'sfsync run' command itself; its exit code 1 (some rows failed) is expected here. */
    private List<Run> runSyncs() {
        List<String> args = new ArrayList<>(List.of("run"));
        args.addAll(List.of(SYNCS));
        sfsync(args.toArray(String[]::new));
        try (StateStore store = openStore()) {
            return store.runs().recent(SYNCS.length).reversed();
        }
    }

    /** @return the API calls the runs made */
    private long report(List<Run> runs) {
        out.println();
        out.println("  What happened:");
        long calls = 0;
        try (StateStore store = openStore()) {
            for (Run run : runs) {
                calls += DemoReport.print(store, run, out);
            }
        }
        return calls;
    }

    private void whereToLook(double seconds) {
        String p = " --project " + shellWord(project.toString());
        out.printf("%nDone in %.1f s. The failed rows above were wrong on purpose, so the demo exits 0 (a real 'sfsync run' with%n", seconds);
        out.println("failed rows exits 1). " + (serve ? "The emulated org stays up while the web UI below serves; the project and its run history"
                + " stay after. Look at them with:" : "The emulated org stopped with the demo; the project and its run history stay. Look at them with:"));
        out.println("  ./sfsync runs" + p + "                  every run, newest first");
        out.println("  ./sfsync runs show RUN" + p + "         one run: outcomes by error code with fixes, failed rows, API log");
        out.println("  e.g. ./sfsync runs show " + firstRunId() + p);
        out.println("Run './sfsync demo' again to start over in a new org; for your own project: ./sfsync init my-project");
        if (!serve) {
            out.println(DemoServe.hint());
        }
    }

    private String firstRunId() {
        try (StateStore store = openStore()) {
            List<Run> runs = store.runs().recent(100);
            return runs.getLast().id().value();
        }
    }

    private StateStore openStore() {
        return StateStore.embedded(project.resolve(SyncProject.STATE_DIRECTORY)).open();
    }

    private int sfsync(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--project", project.toString()));
        out.println("  $ sfsync " + String.join(" ", args));
        out.flush();
        CommandLine command = SfsyncCommand.commandLine();
        command.setOut(out);
        command.setErr(err);
        return command.execute(all.toArray(String[]::new));
    }

    private void step(String title) {
        out.println();
        out.println(title);
        out.flush();
    }

    private static String shellWord(String text) {
        return text.matches("[A-Za-z0-9_./:@-]+") ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
