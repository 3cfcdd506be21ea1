package dev.sfsync.source.snapshot;

import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.source.Source;
import dev.sfsync.source.duckdb.DuckDbSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** The change detection contract over a DuckDB file source (attached to the snapshot store's DuckDB). */
class DuckDbChangeDetectionTest extends ChangeDetectionContract {
    @TempDir
    Path warehouse;
    Path file;

    @BeforeEach
    void warehouseFile() {
        file = warehouse.resolve("warehouse.duckdb");
    }

    @Override
    Source source() {
        return DuckDbSource.file("warehouse", file);
    }

    @Test
    void a_snapshot_hashed_by_another_duckdb_version_resends_every_row_once_and_says_why() throws Exception {
        syncAll();
        snapshots.close();
        // As if the snapshot had been built by a DuckDB whose hash() gives other values.
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + state.resolve(SnapshotStore.FILE_NAME));
             Statement s = connection.createStatement()) {
            s.execute("UPDATE sync_snapshots SET hash_probe = '1'");
        }
        snapshots = SnapshotStore.open(state, new SnapshotSettings("256MB", 1));
        try (ChangeSet changes = detect()) {
            assertThat(changes.counts().changed()).isEqualTo(100);
            assertThat(changes.notices()).singleElement().asString().contains("hashes rows differently");
            changes.record(succeedAll(changes));
            changes.commit();
        }
        try (ChangeSet settled = detect()) {
            assertThat(settled.counts().total()).isZero();
        }
    }

    /** A long-running server: lookup tables a dead run left go at the next run, not only when the state directory is opened. */
    @Test
    void lookup_tables_a_dead_run_left_are_dropped_at_the_next_run_and_those_of_a_change_set_still_open_are_kept() throws Exception {
        try (ChangeSet other = snapshots.detect(dev.sfsync.core.SyncId.of("contacts_to_salesforce"), source(), ACCOUNTS, DetectOptions.allColumns())) {
            String changes = other.table().orElseThrow().name();
            // Named as set-based runs name them: after their change set's table.
            String inUse = changes.substring(0, changes.length() - 1) + "_lookup0\"";
            String abandoned = changes.replaceAll("changes_\\d+", "changes_999999").replaceAll("\"$", "_lookup0\"");
            try (Connection c = other.table().orElseThrow().connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + inUse + " (v VARCHAR, id VARCHAR)");
                s.execute("CREATE TABLE " + abandoned + " (v VARCHAR, id VARCHAR)");
                s.execute("CREATE TABLE " + abandoned.replace("_lookup0\"", "_match\"") + " (v VARCHAR, id VARCHAR)");
            }

            try (ChangeSet next = detect()) {
                assertThat(next.counts().total()).isEqualTo(100);
            }

            try (Connection c = other.table().orElseThrow().connect(); Statement s = c.createStatement();
                 java.sql.ResultSet rs = s.executeQuery("SELECT string_agg(table_name, ',' ORDER BY table_name) FROM duckdb_tables() WHERE table_name LIKE '%lookup%' OR table_name LIKE '%match'")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(inUse.substring(inUse.lastIndexOf('"', inUse.length() - 2) + 1, inUse.length() - 1));
            }
        }
    }

    @Override
    void sql(String statement) {
        if (file == null) {
            warehouseFile();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + file); Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }
}
