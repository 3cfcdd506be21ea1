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
