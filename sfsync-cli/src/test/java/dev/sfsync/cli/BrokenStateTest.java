package dev.sfsync.cli;

import dev.sfsync.testing.EmulatedOrg;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/** Every command against a state directory that cannot be used says what happened and how to recover: no stack trace, no fresh store. */
class BrokenStateTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");

    @TempDir
    Path project;

    static final List<List<String>> COMMANDS = List.of(List.of("plan", "accounts"), List.of("run", "accounts"), List.of("runs"),
            List.of("runs", "show", "20260101-000000-000-abcd"), List.of("connections"), List.of("validate"));

    @BeforeEach
    void project() throws Exception {
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("warehouse.duckdb")); var s = c.createStatement()) {
            s.execute("create table accounts as select 'A' || i as id, 'Account ' || i as name from range(5) t(i)");
        }
        AccountsProject.write(project, org, org.loginUrl(),
                "{model: accounts, object: Account, mode: upsert, match: {column: id, field: External_Key__c}, mappings: [{from: name, to: Name}]}");
        assertThat(sfsync("connect", "local", "--username", org.username(), "--password", org.password(), "--project", project.toString())
                .exitCode()).isZero();
        assertThat(sfsync("run", "accounts", "--project", project.toString()).exitCode()).isZero();
    }

    private Path state(String file) {
        return project.resolve(".sfsync").resolve(file);
    }

    @ParameterizedTest(name = "state.db {0}")
    @ValueSource(strings = {"truncated to 0 bytes", "overwritten with garbage", "deleted (snapshots left)"})
    void every_command_refuses_a_damaged_state_file_with_how_to_recover(String damage) throws Exception {
        Files.deleteIfExists(state("state.db-wal"));
        Files.deleteIfExists(state("state.db-shm"));
        switch (damage) {
            case "truncated to 0 bytes" -> Files.write(state("state.db"), new byte[0]);
            case "overwritten with garbage" -> Files.writeString(state("state.db"), "this is not a database file at all, ".repeat(200));
            default -> Files.delete(state("state.db"));
        }
        long size = Files.exists(state("state.db")) ? Files.size(state("state.db")) : -1;
        for (List<String> command : COMMANDS) {
            ProjectCommandsTest.Result result = sfsync(args(command));
            if (command.getFirst().equals("validate")) {
                continue; // validate reads the project file only
            }
            assertThat(result.exitCode()).as(command + ": " + result.err()).isEqualTo(ExitCodes.STATE_UNUSABLE);
            assertThat(result.err()).as(command.toString()).contains("state file", "fix:", "restore state.db from a backup")
                    .doesNotContain("Exception", "\tat ");
        }
        assertThat(Files.exists(state("state.db")) ? Files.size(state("state.db")) : -1).as("never silently recreated").isEqualTo(size);
        assertThat(org.records("Account")).hasSize(5);
    }

    @Test
    void reads_work_and_a_second_run_is_refused_while_a_run_holds_the_sync() throws Exception {
        try (var store = dev.sfsync.store.StateStore.embedded(project.resolve(".sfsync")).open()) {
            var accounts = dev.sfsync.core.SyncId.of("accounts");
            var lease = store.runLeases().tryAcquire(accounts, "pid 4711 on other-host, started 2026-01-01T00:00:00Z",
                    java.time.Duration.ofMinutes(5)).orElseThrow();
            store.runLeases().attach(lease, store.runs().start(accounts, dev.sfsync.store.Run.Kind.OUTBOUND).id());
        }
        for (List<String> command : COMMANDS) {
            ProjectCommandsTest.Result result = sfsync(args(command));
            assertThat(result.err() + result.out()).as(command.toString()).doesNotContain("Exception", "\tat ");
            int expected = switch (command.getFirst()) {
                case "run" -> ExitCodes.SYNC_BUSY;
                case "runs" -> command.size() > 1 ? ExitCodes.USAGE : ExitCodes.OK;
                default -> ExitCodes.OK;
            };
            assertThat(result.exitCode()).as(command + ": " + result.err()).isEqualTo(expected);
        }
    }

    private String[] args(List<String> command) {
        List<String> all = new java.util.ArrayList<>(command);
        all.add("--project");
        all.add(project.toString());
        return all.toArray(String[]::new);
    }
    @Test
    void an_insert_sync_whose_snapshot_was_deleted_is_refused_until_repair_finds_its_records_in_salesforce() throws Exception {
        AccountsProject.write(project, org, org.loginUrl(), "{model: accounts, object: Account, mode: insert,"
                + " match: {column: id, field: External_Key__c}, mappings: [{from: name, to: Name}]}");
        assertThat(sfsync(args(List.of("run", "accounts"))).out()).contains("accounts: 0 changed rows of 5");
        int before = org.records("Account").size();
        Files.delete(state("snapshots.duckdb"));

        ProjectCommandsTest.Result refused = sfsync(args(List.of("run", "accounts")));
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.STATE_UNUSABLE);
        assertThat(refused.err()).contains("snapshot is missing or empty", "sfsync repair accounts").doesNotContain("Exception");
        assertThat(org.records("Account")).hasSize(before);

        ProjectCommandsTest.Result repaired = sfsync(args(List.of("repair", "accounts")));
        assertThat(repaired.exitCode()).as(repaired.err()).isZero();
        assertThat(repaired.out()).contains("5 of 5 model rows are in Salesforce already");
        ProjectCommandsTest.Result rerun = sfsync(args(List.of("run", "accounts")));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("accounts: 0 changed rows of 5");
        assertThat(org.records("Account")).hasSize(before);

        Files.delete(state("snapshots.duckdb"));
        ProjectCommandsTest.Result full = sfsync(args(List.of("run", "accounts", "--full")));
        assertThat(full.err()).as("run --full resends every row on purpose: a lost snapshot does not stop it").doesNotContain("snapshot is missing");
        assertThat(full.exitCode()).as(full.err()).isNotEqualTo(ExitCodes.STATE_UNUSABLE);
        assertThat(full.out()).contains("full resync");
    }

    @Test
    void an_insert_sync_whose_snapshot_was_restored_from_an_older_backup_is_refused_until_repair() throws Exception {
        AccountsProject.write(project, org, org.loginUrl(), "{model: accounts, object: Account, mode: insert,"
                + " match: {column: id, field: External_Key__c}, mappings: [{from: name, to: Name}]}");
        assertThat(sfsync(args(List.of("run", "accounts"))).exitCode()).isZero();
        Path backup = project.resolve("snapshots-backup.duckdb");
        Files.copy(state("snapshots.duckdb"), backup);
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("warehouse.duckdb")); var s = c.createStatement()) {
            s.execute("insert into accounts select 'A' || i, 'Account ' || i from range(5, 8) t(i)");
        }
        assertThat(sfsync(args(List.of("run", "accounts"))).exitCode()).isZero();
        int before = org.records("Account").size();
        Files.copy(backup, state("snapshots.duckdb"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        ProjectCommandsTest.Result refused = sfsync(args(List.of("run", "accounts")));

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.STATE_UNUSABLE);
        assertThat(refused.err()).contains("older than the state store remembers", "restored from an older backup", "sfsync repair accounts")
                .doesNotContain("Exception");
        assertThat(org.records("Account")).as("nothing sent again").hasSize(before);
        ProjectCommandsTest.Result repaired = sfsync(args(List.of("repair", "accounts")));
        assertThat(repaired.exitCode()).as(repaired.err()).isZero();
        assertThat(repaired.out()).contains("3 of 3 model rows are in Salesforce already");
        ProjectCommandsTest.Result rerun = sfsync(args(List.of("run", "accounts")));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("accounts: 0 changed rows of 8");
        assertThat(org.records("Account")).hasSize(before);
    }

    @Test
    void an_insert_sync_whose_state_file_was_restored_from_an_older_backup_is_refused_until_repair() throws Exception {
        AccountsProject.write(project, org, org.loginUrl(), "{model: accounts, object: Account, mode: insert,"
                + " match: {column: id, field: External_Key__c}, mappings: [{from: name, to: Name}]}");
        assertThat(sfsync(args(List.of("run", "accounts"))).exitCode()).isZero();
        Path backup = Files.createDirectories(project.resolve("state-backup"));
        try (var files = Files.list(project.resolve(".sfsync"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith("state.db")).toList()) {
                Files.copy(file, backup.resolve(file.getFileName()));
            }
        }
        try (var c = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("warehouse.duckdb")); var s = c.createStatement()) {
            s.execute("insert into accounts select 'A' || i, 'Account ' || i from range(5, 8) t(i)");
        }
        assertThat(sfsync(args(List.of("run", "accounts"))).exitCode()).isZero();
        int before = org.records("Account").size();
        Files.deleteIfExists(state("state.db-wal"));
        Files.deleteIfExists(state("state.db-shm"));
        try (var files = Files.list(backup)) {
            for (Path file : files.toList()) {
                Files.copy(file, state(file.getFileName().toString()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }

        ProjectCommandsTest.Result refused = sfsync(args(List.of("run", "accounts")));

        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(ExitCodes.STATE_UNUSABLE);
        assertThat(refused.err()).contains("the state store .sfsync/state.db is older than its snapshot", "restored from an older backup",
                "sfsync repair accounts").doesNotContain("Exception");
        assertThat(org.records("Account")).as("nothing sent again").hasSize(before);
        ProjectCommandsTest.Result repaired = sfsync(args(List.of("repair", "accounts")));
        assertThat(repaired.exitCode()).as(repaired.err()).isZero();
        ProjectCommandsTest.Result rerun = sfsync(args(List.of("run", "accounts")));
        assertThat(rerun.exitCode()).as(rerun.err()).isZero();
        assertThat(rerun.out()).contains("accounts: 0 changed rows of 8");
        assertThat(org.records("Account")).hasSize(before);
    }
}
