package dev.sfsync.source.snapshot;

import dev.sfsync.source.Source;
import dev.sfsync.source.SourceConfig;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The change detection contract with {@code change_detection: warehouse} on a DuckDB file: the MERGE path of the
 * commit (Snowflake's, BigQuery's, Databricks' and Trino's) run for real.
 */
class WarehouseDuckDbChangeDetectionTest extends ChangeDetectionContract {
    @TempDir
    static Path warehouse;

    @Override
    Source source() {
        return Source.open(new SourceConfig("warehouse", url(), null, null).inWarehouse("sfsync_state"));
    }

    @Override
    void sql(String statement) {
        try (Connection connection = DriverManager.getConnection(url()); Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    private String url() {
        return "jdbc:duckdb:" + warehouse.resolve("warehouse_" + System.identityHashCode(this) + ".duckdb");
    }
}
