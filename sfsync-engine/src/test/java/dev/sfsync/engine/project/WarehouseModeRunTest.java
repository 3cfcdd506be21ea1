package dev.sfsync.engine.project;

import dev.sfsync.engine.run.RunResult;
import dev.sfsync.testing.EmulatedOrg;
import dev.sfsync.testing.PostgresServer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A sync whose Postgres source diffs in the warehouse: the engine runs it as any other, and the snapshot lives in Postgres. */
@Tag("postgres")
class WarehouseModeRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    @TempDir
    Path dir;

    @Test
    void a_postgres_model_diffed_in_the_warehouse_is_synced_and_a_rerun_sends_only_the_changed_row() throws Exception {
        String url = accountsDiffedInPostgres("engine_warehouse_mode", "upsert");
        try (EngineHarness harness = new EngineHarness(dir, org)) {
            RunResult first = harness.run("accounts");
            assertThat(first.summary().created()).isEqualTo(3);
            assertThat(snapshotRows(url)).isEqualTo(3);

            PostgresServer.execute(url, "UPDATE accounts SET name = 'Globex Corp' WHERE id = 'A2'");
            RunResult second = harness.run("accounts");
            assertThat(second.changes().changed()).isEqualTo(1);
            assertThat(second.summary().updated()).isEqualTo(1);
            assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactlyInAnyOrder("Acme", "Globex Corp", "Initech");

            assertThat(harness.run("accounts").summary().rows()).isZero();
        }
    }

    @Test
    void an_insert_sync_whose_warehouse_snapshot_was_restored_from_an_older_backup_is_refused_until_repair() throws Exception {
        String url = accountsDiffedInPostgres("engine_warehouse_restored_insert", "insert");
        try (EngineHarness harness = new EngineHarness(dir, org)) {
            harness.run("accounts");
            backUpStateSchema(url);
            PostgresServer.execute(url, "INSERT INTO accounts VALUES ('A4', 'Umbrella'), ('A5', 'Hooli')");
            assertThat(harness.run("accounts").summary().created()).isEqualTo(2);
            restoreStateSchema(url);

            assertThatThrownBy(() -> harness.run("accounts")).isInstanceOf(SyncProject.SnapshotOutdated.class)
                    .hasMessageContaining("its snapshot in the state schema sync_state of source 'crm' is older than the state store remembers")
                    .satisfies(e -> assertThat(((SyncProject.SnapshotOutdated) e).fix()).contains("sfsync repair accounts"));
            assertThat(org.records("Account")).as("nothing sent again").hasSize(5);

            assertThat(harness.project().repair("accounts", false).found()).isEqualTo(2);
            RunResult rerun = harness.run("accounts");
            assertThat(rerun.summary().rows()).isZero();
            assertThat(harness.accountsPerKey()).hasSize(5).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
        }
    }

    @Test
    void an_upsert_sync_whose_warehouse_snapshot_is_older_runs_with_a_notice_and_duplicates_nothing() throws Exception {
        String url = accountsDiffedInPostgres("engine_warehouse_restored_upsert", "upsert");
        try (EngineHarness harness = new EngineHarness(dir, org)) {
            harness.run("accounts");
            backUpStateSchema(url);
            PostgresServer.execute(url, "INSERT INTO accounts VALUES ('A4', 'Umbrella')");
            harness.run("accounts");
            restoreStateSchema(url);

            RunResult rerun = harness.run("accounts");

            assertThat(rerun.notices()).anySatisfy(n -> assertThat(n).contains("the snapshot of sync 'accounts' is older than the state store remembers"));
            assertThat(harness.accountsPerKey()).hasSize(4).allSatisfy((key, count) -> assertThat(count).isEqualTo(1));
        }
    }

    /** A Postgres model of three accounts diffed in the warehouse (state schema sync_state), synced with the mode given. */
    private String accountsDiffedInPostgres(String database, String mode) throws Exception {
        String url = PostgresServer.shared().createDatabase(database);
        PostgresServer.execute(url, "CREATE TABLE accounts (id VARCHAR(10), name VARCHAR(50))");
        PostgresServer.execute(url, "INSERT INTO accounts VALUES ('A1', 'Acme'), ('A2', 'Globex'), ('A3', 'Initech')");
        Files.writeString(dir.resolve("sfsync.yaml"), """
                connections:
                  org: {environment: custom, login_url: %s, client_id: %s}
                sources:
                  crm: {url: '%s', user: postgres, change_detection: warehouse, state_schema: sync_state}
                models:
                  accounts: {sql: 'select id, name from accounts', primary_key: id}
                syncs:
                  accounts: {model: accounts, object: Account, mode: %s, match: {column: id, field: External_Key__c}, mappings: [{from: name, to: Name}]}
                """.formatted(org.loginUrl(), org.clientId(), url, mode));
        return url;
    }

    /** Copies every table of the state schema into a backup schema, as a dump of the schema would keep it. */
    private static void backUpStateSchema(String url) throws Exception {
        PostgresServer.execute(url, "CREATE SCHEMA state_backup");
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'sync_state'")) {
            java.util.List<String> tables = new java.util.ArrayList<>();
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
            for (String table : tables) {
                PostgresServer.execute(url, "CREATE TABLE state_backup.\"" + table + "\" AS TABLE sync_state.\"" + table + "\"");
            }
        }
    }

    private static void restoreStateSchema(String url) {
        PostgresServer.execute(url, "DROP SCHEMA sync_state CASCADE");
        PostgresServer.execute(url, "ALTER SCHEMA state_backup RENAME TO sync_state");
    }

    private static long snapshotRows(String url) throws Exception {
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = 'sync_state'"
                     + " AND table_name LIKE 'snapshot%'")) {
            assertThat(rs.next()).as("a snapshot table in the state schema").isTrue();
            try (Statement count = connection.createStatement(); ResultSet rows = count.executeQuery("SELECT count(*) FROM sync_state." + rs.getString(1))) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
