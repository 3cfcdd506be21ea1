package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.source.jdbc.JdbcSource;
import dev.sfsync.source.warehouse.WarehouseDialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/** Questions about a sync's snapshot in a warehouse that need no change set: its size, and forgetting it. */
final class WarehouseSnapshots {
    private WarehouseSnapshots() {
    }

    static long size(JdbcSource source, SyncId sync) {
        WarehouseTables tables = tables(source, sync);
        try (Connection connection = source.connect()) {
            new WarehouseRegistry(tables).create(connection);
            Optional<WarehouseRegistry.Entry> entry = new WarehouseRegistry(tables).find(connection, sync);
            return entry.isEmpty() ? 0 : Sql.queryLong(connection, "SELECT count(*) FROM " + tables.snapshot());
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("count the snapshot of sync '" + sync + "' in the warehouse", e);
        }
    }

    static java.util.OptionalLong generation(JdbcSource source, SyncId sync) {
        WarehouseRegistry registry = new WarehouseRegistry(tables(source, sync));
        try (Connection connection = source.connect()) {
            registry.create(connection);
            return registry.generation(connection, sync);
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("read the generation of the snapshot of sync '" + sync + "' in the warehouse", e);
        }
    }

    static void forget(JdbcSource source, SyncId sync) {
        WarehouseTables tables = tables(source, sync);
        WarehouseRegistry registry = new WarehouseRegistry(tables);
        try (Connection connection = source.connect()) {
            registry.create(connection);
            for (WarehouseRegistry.PendingRun run : registry.pending(connection, sync)) {
                for (String table : new String[] {tables.changes(run.run()), tables.outcomes(run.run()), tables.settled(run.run())}) {
                    Sql.execute(connection, tables.dialect().dropTable(table));
                }
            }
            Sql.execute(connection, tables.dialect().dropTable(tables.snapshot()));
            Sql.execute(connection, tables.dialect().dropTable(tables.failures()));
            registry.delete(connection, sync);
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("forget the snapshot of sync '" + sync + "' in the warehouse", e);
        }
    }

    private static WarehouseTables tables(JdbcSource source, SyncId sync) {
        WarehouseDialect dialect = SnapshotStore.dialectOf(source);
        return WarehouseTables.of(dialect, source.config().stateSchema(), sync, 1);
    }
}
