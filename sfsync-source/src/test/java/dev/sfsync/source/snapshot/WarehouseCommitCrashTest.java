package dev.sfsync.source.snapshot;

import dev.sfsync.testing.PostgresServer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed (SIGKILL) in the middle of a warehouse commit leaves the warehouse's snapshot as it was (Postgres
 * rolls the transaction back) or repairable (a MERGE commit is redone), and the next detection commits the recorded
 * outcomes, so the next run redoes exactly the unfinished rows.
 */
@Tag("postgres")
class WarehouseCommitCrashTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"postgres, snapshot rows inserted, true", "duckdb, snapshot merged, false"})
    void a_crash_during_the_commit_loses_no_outcome_and_advances_nothing_salesforce_refused(String warehouse, String step,
                                                                                             boolean snapshotUntouched) throws Exception {
        String url = warehouse.equals("postgres") ? PostgresServer.shared().createDatabase("warehouse_crash")
                : "jdbc:duckdb:" + dir.resolve("warehouse.duckdb");
        sql(url, "CREATE TABLE accounts AS SELECT g AS id, 'Account ' || g AS name FROM generate_series(1, 100) AS t(g)");
        Path state = dir.resolve("state");
        List<String> before;
        try (SnapshotStore snapshots = SnapshotStore.open(state)) {
            CommitCrash.syncEveryRow(snapshots, url);
            before = snapshot(url);
        }
        sql(url, "UPDATE accounts SET name = name || ' v2' WHERE id <= 10");
        sql(url, "DELETE FROM accounts WHERE id > 90");

        CommitCrash.killMidCommit(state, url, step);

        if (snapshotUntouched) {
            assertThat(snapshot(url)).as("the snapshot as it was before the commit").isEqualTo(before);
        }
        CommitCrash.assertNextDetectionRedoesExactlyTheUnfinishedRows(state, url);
    }

    static void sql(String url, String statement) throws Exception {
        try (Connection connection = connect(url); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    static List<String> snapshot(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(url); Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT _sfsync_k0, _sfsync_h, _sfsync_record_id FROM sfsync_state.snapshot_" + WarehouseTables.tag(CommitCrash.SYNC) + " ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    private static Connection connect(String url) throws Exception {
        return url.contains("postgresql") ? DriverManager.getConnection(url, "postgres", "") : DriverManager.getConnection(url);
    }
}
