package dev.sfsync.source.snapshot;

import dev.sfsync.source.Source;
import dev.sfsync.source.SourceConfig;
import dev.sfsync.testing.PostgresServer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;

/**
 * The change detection contract with {@code change_detection: warehouse} on a real Postgres: snapshots in its
 * {@code sfsync_state} schema, the diff computed by Postgres, the commit one Postgres transaction.
 */
@Tag("postgres")
class WarehousePostgresChangeDetectionTest extends ChangeDetectionContract {
    static String url;

    @BeforeAll
    static void database() {
        url = PostgresServer.shared().createDatabase("warehouse_detection");
    }

    @BeforeEach
    void freshStateSchema() {
        sql("DROP SCHEMA IF EXISTS sfsync_state CASCADE");
    }

    @Override
    Source source() {
        return Source.open(new SourceConfig("crm", url, "postgres", "").inWarehouse("sfsync_state"));
    }

    @Override
    void sql(String statement) {
        PostgresServer.execute(url, statement);
    }
}
