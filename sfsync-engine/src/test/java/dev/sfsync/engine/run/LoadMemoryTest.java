package dev.sfsync.engine.run;

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

    @Test
    void memory_sizes_read_in_duckdbs_units() {
        assertThat(LoadMemory.bytes("256MB")).isEqualTo(256_000_000L);
        assertThat(LoadMemory.bytes("953.6 MiB")).isEqualTo((long) (953.6 * 1024 * 1024));
        assertThat(LoadMemory.bytes("1GB")).isEqualTo(1_000_000_000L);
        assertThat(LoadMemory.bytes("1.8 GiB")).isGreaterThan(LoadMemory.bytes("256MB"));
        assertThat(LoadMemory.bytes("512 bytes")).isEqualTo(512L);
        assertThat(LoadMemory.bytes("unlimited")).isEqualTo(Long.MAX_VALUE);
    }

    private static String limit(Statement statement) throws Exception {
        try (ResultSet rs = statement.executeQuery("SELECT current_setting('memory_limit')")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
