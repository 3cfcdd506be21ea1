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
import dev.sfsync.source.duckdb.DuckDbSource;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The kill-mid-commit harness of the commit crash tests: a model of 100 accounts synced once, then 10 changed and 10
 * removed; a child JVM records outcomes for some of those changes (6 updated, 1 failed, 5 deleted) and is killed
 * (SIGKILL) at a step of its commit. The next detection must offer exactly the rows not finished.
 */
final class CommitCrash {
    static final SyncId SYNC = SyncId.of("crash");
    static final Model MODEL = Model.of("accounts", "SELECT id, name FROM accounts", "id");

    private CommitCrash() {
    }

    /** A DuckDB file's path (local snapshots) or a JDBC URL (snapshots kept in that warehouse). */
    static Source source(String location) {
        if (!location.startsWith("jdbc:")) {
            return DuckDbSource.file("warehouse", Path.of(location));
        }
        return Source.open(new SourceConfig("warehouse", location, location.contains("postgresql") ? "postgres" : null,
                location.contains("postgresql") ? "" : null).inWarehouse("sfsync_state"));
    }

    /** The first run: every row of the model synced. */
    static void syncEveryRow(SnapshotStore snapshots, String location) {
        try (ChangeSet first = snapshots.detect(SYNC, source(location), MODEL, DetectOptions.allColumns())) {
            first.record(ChangeDetectionContract.succeedAll(first));
            first.commit();
        }
    }

    /** Runs {@link Crasher} in a child JVM and kills it once its commit reached {@code step}. */
    static void killMidCommit(Path state, String location, String step) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Crasher.class.getName(),
                state.toString(), location, step).redirectErrorStream(true).start();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream()))) {
            for (String line = lines.readLine(); line != null && !line.equals("REACHED " + step); line = lines.readLine()) {
                output.add(line);
            }
        }
        child.destroyForcibly();
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as("killed, not finished: %s", output).isEqualTo(137);
    }

    /** The next detection offers the rows the killed run did not finish, and the snapshot counts the 95 it did. */
    static void assertNextDetectionRedoesExactlyTheUnfinishedRows(Path state, String location) {
        try (SnapshotStore snapshots = SnapshotStore.open(state)) {
            try (ChangeSet next = snapshots.detect(SYNC, source(location), MODEL, DetectOptions.allColumns());
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
