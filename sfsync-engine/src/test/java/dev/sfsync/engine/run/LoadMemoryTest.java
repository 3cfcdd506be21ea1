package dev.sfsync.engine.run;

import dev.sfsync.source.snapshot.DatabaseMemory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

class LoadMemoryTest {
    @TempDir
    Path dir;

    @Test
    void loads_overlapping_in_one_database_share_the_lowered_limit_and_the_last_one_restores_the_first_ones_saved_limit() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("snapshots.duckdb")); Statement statement = db.createStatement()) {
            statement.execute("SET GLOBAL memory_limit = '1GB'");
            String before = limit(statement);

            LoadMemory first = LoadMemory.lower(statement, "256MB");
            LoadMemory second = LoadMemory.lower(statement, "256MB");
            String lowered = limit(statement);
            first.close();
            String whileSecondRuns = limit(statement);
            second.close();

            assertThat(lowered).isNotEqualTo(before).isEqualTo(whileSecondRuns);
            assertThat(limit(statement)).isEqualTo(before);
            for (int load = 0; load < 5; load++) {
                LoadMemory.lower(statement, "256MB").close();
            }
            assertThat(limit(statement)).as("no load shaves a little off").isEqualTo(before);
        }
    }

    @Test
    void a_limit_set_lower_than_the_loads_is_kept() throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("snapshots.duckdb")); Statement statement = db.createStatement()) {
            statement.execute("SET GLOBAL memory_limit = '128MB'");
            String before = limit(statement);

            try (LoadMemory load = LoadMemory.lower(statement, "256MB")) {
                assertThat(limit(statement)).isEqualTo(before);
            }
            assertThat(limit(statement)).isEqualTo(before);
        }
    }

    /** Another sync's change detection (or snapshot commit) in the same database while a load runs: it gets the full limit. */
    @Test
    void work_needing_the_full_limit_raises_it_while_it_runs_and_a_load_starting_during_it_does_not_lower_it() throws Exception {
        inOneDatabase((load, detection) -> {
            String full = limit(load);

            LoadMemory loading = LoadMemory.lower(load, "256MB");
            String lowered = limit(detection);
            DatabaseMemory.Use detecting = DatabaseMemory.full(detection);
            String duringDetection = limit(detection);
            // A second load starting while the detection runs leaves the limit alone.
            LoadMemory second = LoadMemory.lower(load, "256MB");
            String secondLoadDuringDetection = limit(load);
            detecting.close();
            String afterDetection = limit(load);
            second.close();
            loading.close();

            assertThat(lowered).isNotEqualTo(full);
            assertThat(duringDetection).isEqualTo(full);
            assertThat(secondLoadDuringDetection).isEqualTo(full);
            assertThat(afterDetection).as("the loads alone again: lowered").isEqualTo(lowered);
            assertThat(limit(load)).isEqualTo(full);

            DatabaseMemory.Use first = DatabaseMemory.full(detection);
            try (LoadMemory during = LoadMemory.lower(load, "256MB")) {
                assertThat(limit(load)).as("a load starting during a detection").isEqualTo(full);
                first.close();
                assertThat(limit(load)).isEqualTo(lowered);
            }
            assertThat(limit(load)).isEqualTo(full);
        });
    }

    /** Two threads, each a sync of a server: one loading, one detecting, at once; the detection's queries see the full limit. */
    @Test
    void a_detection_running_beside_a_load_on_another_thread_runs_at_the_full_limit() throws Exception {
        inOneDatabase((load, detection) -> {
            String full = limit(load);
            java.util.concurrent.CountDownLatch loadStarted = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CountDownLatch detected = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CompletableFuture<String> loadSaw = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try (LoadMemory loading = LoadMemory.lower(load, "256MB")) {
                    loadStarted.countDown();
                    detected.await();
                    return limit(load);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            loadStarted.await();
            String seenByDetection;
            try (DatabaseMemory.Use detecting = DatabaseMemory.full(detection)) {
                detection.execute("CREATE TABLE t AS SELECT range AS i, md5(range::VARCHAR) AS h FROM range(100000)");
                seenByDetection = limit(detection);
            }
            detected.countDown();

            assertThat(seenByDetection).isEqualTo(full);
            assertThat(loadSaw.get()).as("the load alone again").isNotEqualTo(full);
            assertThat(limit(load)).isEqualTo(full);
        });
    }

    @Test
    void memory_sizes_read_in_duckdbs_units() {
        assertThat(DatabaseMemory.bytes("256MB")).isEqualTo(256_000_000L);
        assertThat(DatabaseMemory.bytes("953.6 MiB")).isEqualTo((long) (953.6 * 1024 * 1024));
        assertThat(DatabaseMemory.bytes("1GB")).isEqualTo(1_000_000_000L);
        assertThat(DatabaseMemory.bytes("1.8 GiB")).isGreaterThan(DatabaseMemory.bytes("256MB"));
        assertThat(DatabaseMemory.bytes("512 bytes")).isEqualTo(512L);
        assertThat(DatabaseMemory.bytes("unlimited")).isEqualTo(Long.MAX_VALUE);
    }

    private interface TwoUses {
        void run(Statement load, Statement detection) throws Exception;
    }

    /** Two connections to one database at a 1GB limit: a load's and another sync's detection's. */
    private void inOneDatabase(TwoUses uses) throws Exception {
        try (Connection db = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("snapshots.duckdb")); Statement load = db.createStatement();
             Connection other = ((org.duckdb.DuckDBConnection) db).duplicate(); Statement detection = other.createStatement()) {
            load.execute("SET GLOBAL memory_limit = '1GB'");
            uses.run(load, detection);
        }
    }

    private static String limit(Statement statement) throws java.sql.SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT current_setting('memory_limit')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
