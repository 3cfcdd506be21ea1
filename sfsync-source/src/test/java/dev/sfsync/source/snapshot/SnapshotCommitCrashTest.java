package dev.sfsync.source.snapshot;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static dev.sfsync.source.snapshot.CommitCrash.SYNC;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed (SIGKILL) in the middle of a snapshot commit leaves the previous snapshot intact, and the next
 * detection commits the recorded outcomes, so the next run redoes exactly the unfinished rows.
 */
class SnapshotCommitCrashTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"snapshot rows deleted", "snapshot rows inserted", "before commit"})
    void a_crash_during_the_commit_leaves_the_previous_snapshot_and_loses_no_outcome(String step) throws Exception {
        Path warehouse = dir.resolve("warehouse.duckdb");
        sql(warehouse, "CREATE TABLE accounts AS SELECT i AS id, 'Account ' || i AS name FROM range(1, 101) t(i)");
        Path state = dir.resolve("state");
        String before;
        try (SnapshotStore snapshots = SnapshotStore.open(state)) {
            CommitCrash.syncEveryRow(snapshots, warehouse.toString());
            before = snapshots.digest(SYNC);
        }
        sql(warehouse, "UPDATE accounts SET name = name || ' v2' WHERE id <= 10");
        sql(warehouse, "DELETE FROM accounts WHERE id > 90");

        CommitCrash.killMidCommit(state, warehouse.toString(), step);

        try (SnapshotStore snapshots = SnapshotStore.open(state)) {
            assertThat(snapshots.digest(SYNC)).as("the snapshot as it was before the commit").isEqualTo(before);
        }
        CommitCrash.assertNextDetectionRedoesExactlyTheUnfinishedRows(state, warehouse.toString());
    }

    static void sql(Path file, String statement) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }
}
