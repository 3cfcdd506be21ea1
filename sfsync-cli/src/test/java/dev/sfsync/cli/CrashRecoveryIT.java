package dev.sfsync.cli;

import dev.sfsync.core.SyncId;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.source.snapshot.SnapshotStore;
import dev.sfsync.testing.EmulatedOrg;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * (Six cases of about 20 s each: a JVM start, 20,000 rows sent, reconciled and checked.)
 * Kills a real `sfsync run` (a child JVM, kill -9) at points of its work, reruns the sync, and checks that the org
 * holds every model row exactly once and the snapshot as many rows as the org: for REST, Bulk 1.0 and Bulk 2.0, insert
 * (with an idempotency key) and upsert, including with Bulk jobs still open or processing at the org.
 */
class CrashRecoveryIT {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");
    static final int ROWS = 20_000;

    @TempDir
    Path project;

    @BeforeEach
    void project() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("warehouse.duckdb")); var s = c.createStatement()) {
            s.execute("create table accounts as select 'K' || i as id, 'Account ' || i as name from range(" + ROWS + ") t(i)");
        }
    }

    private void config(String api, String mode) throws Exception {
        AccountsProject.write(project, org, org.loginUrl(), """
                model: accounts
                object: Account
                mode: %s
                api: %s
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}]
                """.formatted(mode, api) + (api.equals("bulk1") ? "batch_size: 2000\n" : ""));
        ProjectCommandsTest.Result connect = sfsync("connect", "local", "--username", org.username(), "--password", org.password(),
                "--project", project.toString());
        assertThat(connect.exitCode()).as(connect.err()).isZero();
    }

    @ParameterizedTest(name = "{0} {1}, killed when {2}")
    @CsvSource({
            "rest,  insert, a third of the rows are created",
            "bulk1, insert, the first rows are created (batches queued)",
            "bulk2, insert, a job is opened (before its upload completes)",
            "bulk2, insert, the first rows are created (the job is processing)",
            "rest,  upsert, half of the rows are created",
            "bulk2, upsert, the first rows are created (the job is processing)"})
    void a_killed_run_is_reconciled_by_the_next_one_and_every_row_is_in_the_org_exactly_once(String api, String mode, String when) throws Exception {
        config(api, mode);
        BooleanSupplier killPoint = when.startsWith("a job is opened") ? this::aBulkJobIsRecorded
                : when.startsWith("a third") ? () -> accounts() >= ROWS / 3
                : when.startsWith("half") ? () -> accounts() >= ROWS / 2
                : () -> accounts() > 0;

        Process child = startRun();
        boolean killed = awaitThenKill(child, killPoint);
        assertThat(killed).as("the run was killed before it finished (" + Files.readString(project.resolve("child.log")) + ")").isTrue();

        ProjectCommandsTest.Result rerun = sfsync("run", "accounts", "--project", project.toString());
        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isZero();
        assertThat(rerun.err()).contains("was interrupted at");

        Map<Object, Long> perKey = org.records("Account").stream()
                .collect(Collectors.groupingBy(r -> String.valueOf(r.get("External_Key__c")), Collectors.counting()));
        assertThat(perKey).hasSize(ROWS);
        assertThat(perKey.values()).as("no row created twice").allMatch(count -> count == 1);
        assertThat(sfsync("run", "accounts", "--project", project.toString()).out()).contains("accounts: 0 changed rows of " + String.format("%,d", ROWS));
        String orgId;
        try (dev.sfsync.store.StateStore store = dev.sfsync.store.StateStore.embedded(project.resolve(SyncProject.STATE_DIRECTORY)).open()) {
            orgId = store.connections().find("local").orElseThrow().orgId();
        }
        try (SnapshotStore snapshots = SnapshotStore.open(project.resolve(SyncProject.STATE_DIRECTORY))) {
            // Snapshots are kept per org: the sync's is named after the org its connection reached.
            assertThat(snapshots.size(SyncId.of("accounts.org-" + orgId.substring(0, 15)))).as("the snapshot matches the org").isEqualTo(ROWS);
        }
    }

    @org.junit.jupiter.api.Test
    void a_state_file_truncated_mid_run_stops_the_run_and_is_refused_with_a_fix_never_recreated() throws Exception {
        config("rest", "insert");
        Process child = startRun();
        long deadline = System.currentTimeMillis() + 120_000;
        while (accounts() < ROWS / 4 && child.isAlive() && System.currentTimeMillis() < deadline) {
            Thread.sleep(40);
        }
        Path state = project.resolve(".sfsync/state.db");
        // What a bad backup restore or a disk tool does under a running process: the file is cut to nothing.
        try (var channel = java.nio.channels.FileChannel.open(state, java.nio.file.StandardOpenOption.WRITE)) {
            channel.truncate(0);
        }
        Files.deleteIfExists(project.resolve(".sfsync/state.db-wal"));
        Files.deleteIfExists(project.resolve(".sfsync/state.db-shm"));
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("the run stopped").isTrue();
        String childLog = Files.readString(project.resolve("child.log"));
        assertThat(child.exitValue()).as(childLog).isIn(ExitCodes.STATE_UNUSABLE, 0);
        assertThat(childLog).as("no stack trace").doesNotContain("\tat dev.sfsync", "Exception in thread");
        int inOrg = org.records("Account").size();
        // The dying run's SQLite may have written pages back into the cut file: what it holds now must be left as it is.
        byte[] damaged = Files.readAllBytes(state);

        ProjectCommandsTest.Result rerun = sfsync("run", "accounts", "--project", project.toString());

        assertThat(rerun.exitCode()).as(rerun.out() + rerun.err()).isEqualTo(ExitCodes.STATE_UNUSABLE);
        assertThat(rerun.err()).contains("state file", "fix:", "restore state.db from a backup", "sfsync repair");
        assertThat(Files.readAllBytes(state)).as("never silently recreated").isEqualTo(damaged);
        assertThat(org.records("Account")).as("nothing more was sent").hasSize(inOrg);
    }

    private long accounts() {
        return org.records("Account").size();
    }

    private boolean aBulkJobIsRecorded() {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + project.resolve(".sfsync/state.db")); var s = c.createStatement();
             var rs = s.executeQuery("select count(*) from bulk_jobs")) {
            return rs.next() && rs.getLong(1) > 0;
        } catch (java.sql.SQLException notYet) {
            return false;
        }
    }

    private Process startRun() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                SfsyncCommand.class.getName(), "run", "accounts", "--project", project.toString());
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(project.resolve("child.log").toFile()).start();
    }

    /** Waits for the kill point, then kills the child as the OOM killer or a power cut would: no shutdown hook runs. */
    private static boolean awaitThenKill(Process child, BooleanSupplier killPoint) throws Exception {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline && child.isAlive()) {
            if (killPoint.getAsBoolean()) {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
                return true;
            }
            Thread.sleep(40);
        }
        child.destroyForcibly();
        return false;
    }
}
