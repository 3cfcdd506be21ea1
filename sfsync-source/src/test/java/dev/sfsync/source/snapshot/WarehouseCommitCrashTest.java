package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeKind;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.source.Source;
import dev.sfsync.source.SourceConfig;
import dev.sfsync.testing.PostgresServer;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A process killed (SIGKILL) in the middle of a warehouse commit leaves the warehouse's snapshot as it was (Postgres
 * rolls the transaction back) or repairable (a MERGE commit is redone), and the next detection commits the recorded
 * outcomes, so the next run redoes exactly the unfinished rows.
 */
@Tag("postgres")
class WarehouseCommitCrashTest {
    static final SyncId SYNC = SyncId.of("crash");
    static final Model MODEL = Model.of("accounts", "SELECT id, name FROM accounts", "id");

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
            try (ChangeSet first = snapshots.detect(SYNC, source(url), MODEL, DetectOptions.allColumns())) {
                first.record(ChangeDetectionContract.succeedAll(first));
                first.commit();
            }
            before = snapshot(url);
        }
        sql(url, "UPDATE accounts SET name = name || ' v2' WHERE id <= 10");
        sql(url, "DELETE FROM accounts WHERE id > 90");

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Crasher.class.getName(),
                state.toString(), url, step).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line = lines.readLine(); line != null && !line.equals("REACHED " + step); line = lines.readLine()) {
                output.add(line);
            }
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed, not finished: %s", output).isEqualTo(137);

        if (snapshotUntouched) {
            assertThat(snapshot(url)).as("the snapshot as it was before the commit").isEqualTo(before);
        }
        try (SnapshotStore snapshots = SnapshotStore.open(state)) {
            try (ChangeSet next = snapshots.detect(SYNC, source(url), MODEL, DetectOptions.allColumns());
                 Stream<Change> changes = next.changes()) {
                assertThat(changes.map(c -> tuple(c.kind(), c.key().toString(), c.priorFailures())))
                        .containsExactlyInAnyOrder(tuple(ChangeKind.CHANGED, "7", 1), tuple(ChangeKind.CHANGED, "8", 0),
                                tuple(ChangeKind.CHANGED, "9", 0), tuple(ChangeKind.CHANGED, "10", 0),
                                tuple(ChangeKind.REMOVED, "96", 0), tuple(ChangeKind.REMOVED, "97", 0), tuple(ChangeKind.REMOVED, "98", 0),
                                tuple(ChangeKind.REMOVED, "99", 0), tuple(ChangeKind.REMOVED, "100", 0));
            }
            assertThat(snapshots.size(SYNC)).isEqualTo(95);
        }
    }

    static Source source(String url) {
        return Source.open(new SourceConfig("warehouse", url, url.contains("postgresql") ? "postgres" : null,
                url.contains("postgresql") ? "" : null).inWarehouse("sfsync_state"));
    }

    static void sql(String url, String statement) throws Exception {
        try (Connection connection = connect(url); Statement s = connection.createStatement()) {
            s.execute(statement);
        }
    }

    static List<String> snapshot(String url) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(url); Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT _sfsync_k0, _sfsync_h, _sfsync_record_id FROM sfsync_state.snapshot_" + WarehouseTables.tag(SYNC) + " ORDER BY 1")) {
            while (rs.next()) {
                rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
            }
        }
        return rows;
    }

    private static Connection connect(String url) throws Exception {
        return url.contains("postgresql") ? DriverManager.getConnection(url, "postgres", "") : DriverManager.getConnection(url);
    }

    /** The child process: records outcomes for some changes, then commits and stops dead at the given step. */
    public static final class Crasher {
        public static void main(String[] args) throws Exception {
            String step = args[2];
            SnapshotStore snapshots = SnapshotStore.open(Path.of(args[0]));
            snapshots.commitHook(reached -> {
                if (reached.equals(step)) {
                    System.out.println("REACHED " + step);
                    System.out.flush();
                    try {
                        Thread.sleep(Long.MAX_VALUE);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            });
            ChangeSet changes = snapshots.detect(SYNC, source(args[1]), MODEL, DetectOptions.allColumns());
            List<RowOutcome> outcomes = new ArrayList<>();
            LongStream.rangeClosed(1, 6).forEach(id -> outcomes.add(new RowOutcome.Updated(RowKey.of(String.valueOf(id)), "001" + id)));
            outcomes.add(new RowOutcome.Failed(RowKey.of("7"), RowError.of("UNABLE_TO_LOCK_ROW", "locked"), 1));
            LongStream.rangeClosed(91, 95).forEach(id -> outcomes.add(new RowOutcome.Deleted(RowKey.of(String.valueOf(id)), "001" + id)));
            changes.record(outcomes);
            changes.commit();
            System.out.println("COMMITTED");
        }
    }
}
