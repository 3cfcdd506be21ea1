package dev.sfsync.source.snapshot;

import dev.sfsync.source.Source;
import dev.sfsync.source.duckdb.DuckDbSource;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

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
