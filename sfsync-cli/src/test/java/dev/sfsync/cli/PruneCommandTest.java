package dev.sfsync.cli;

import dev.sfsync.core.SyncId;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;

import static dev.sfsync.cli.ConnectedProject.args;
import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

class PruneCommandTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");

    @TempDir
    Path project;

    @Test
    void prune_dry_run_says_what_would_go_and_removes_nothing_then_prune_removes_it_keeping_the_newest_runs() throws Exception {
        ConnectedProject.write(org, project, """
                sources:
                  warehouse: {url: "jdbc:duckdb:warehouse.duckdb"}
                models:
                  accounts: {sql: select * from accounts, primary_key: id}
                syncs:
                  accounts: {model: accounts, object: Account, mode: upsert, match: {column: id, field: External_Key__c}, mappings: [{from: name, to: Name}]}
                retention: {details: 10d, bodies: 5d, runs: 20d, keep_last: 1}
                """);
        ConnectedProject.connect(org, project);
        sql("jdbc:duckdb:" + project.resolve("warehouse.duckdb"), "create table accounts (id varchar, name varchar)");
        for (int i = 0; i < 3; i++) {
            sql("jdbc:duckdb:" + project.resolve("warehouse.duckdb"), "insert into accounts values ('A" + i + "', 'Account " + i + "')");
            ProjectCommandsTest.Result run = sfsync(args(project, "run", "accounts"));
            assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        }
        List<Run> runs;
        try (StateStore store = StateStore.embedded(project.resolve(".sfsync")).open()) {
            runs = store.runs().recent(SyncId.of("accounts"), 10).reversed();
        }
        assertThat(runs).hasSize(3);
        // the first run 30 days ago, the second 12 days ago
        String state = "jdbc:sqlite:" + project.resolve(".sfsync/state.db");
        sql(state, "UPDATE runs SET started_at = started_at - " + Duration.ofDays(30).toMillis() + " WHERE run_id = '" + runs.get(0).id() + "'",
                "UPDATE runs SET started_at = started_at - " + Duration.ofDays(12).toMillis() + " WHERE run_id = '" + runs.get(1).id() + "'");

        ProjectCommandsTest.Result dryRun = sfsync(args(project, "prune", "--dry-run"));
        assertThat(dryRun.exitCode()).as(dryRun.err()).isZero();
        assertThat(dryRun.out()).contains("Retention: details 10d, bodies 5d, runs 20d; the 1 newest runs of each sync always kept.",
                "Would remove details of 1 run, 1 whole run: 2 row outcomes, ", "Run 'sfsync prune' to remove it.");
        try (StateStore store = StateStore.embedded(project.resolve(".sfsync")).open()) {
            assertThat(store.runs().recent(SyncId.of("accounts"), 10)).hasSize(3);
            assertThat(store.outcomes().summarize(runs.get(1).id()).rows()).isEqualTo(1);
        }

        ProjectCommandsTest.Result prune = sfsync(args(project, "prune"));
        assertThat(prune.exitCode()).as(prune.err()).isZero();
        assertThat(prune.out()).contains("Removed details of 1 run, 1 whole run: 2 row outcomes, ");
        try (StateStore store = StateStore.embedded(project.resolve(".sfsync")).open()) {
            assertThat(store.runs().find(runs.get(0).id())).isEmpty();
            assertThat(store.runs().find(runs.get(1).id()).orElseThrow().detailsPrunedAt()).isNotNull();
            assertThat(store.outcomes().summarize(runs.get(2).id()).rows()).as("the newest keeps its outcomes").isEqualTo(1);
        }
        assertThat(sfsync(args(project, "prune")).out()).contains("Removed nothing: everything is within retention.");
    }

    private static void sql(String url, String... statements) throws Exception {
        try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }
}
