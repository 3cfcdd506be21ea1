package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.model.Model;
import dev.sfsync.source.ChangeDetectionMode;
import dev.sfsync.source.Source;
import dev.sfsync.source.jdbc.JdbcSource;
import dev.sfsync.source.warehouse.WarehouseDialect;

import org.duckdb.DuckDBConnection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The project's snapshots: a DuckDB file ({@value #FILE_NAME}) in the state directory holding, per sync, the key,
 * row hash and Salesforce record Id of every row last synced successfully. {@link #detect} compares a model with
 * its sync's snapshot and returns the {@link ChangeSet} to send; the change set's commit moves the snapshot forward.
 * <p>
 * <pre>{@code
 * try (ChangeSet changes = snapshots.detect(sync, source, model, DetectOptions.mapped(targetToColumn))) {
 *     try (Stream<Change> stream = changes.changes()) {
 *         // send in batches; after each batch:
 *         changes.record(outcomesOfTheBatch);
 *     }
 *     changes.commit();
 * }
 * }</pre>
 * One process at a time opens a state directory (DuckDB locks the file). Within it, the store is thread-safe and
 * syncs detect changes concurrently, but each sync has at most one open change set.
 */
public final class SnapshotStore implements AutoCloseable {
    public static final String FILE_NAME = "snapshots.duckdb";

    private final DuckDBConnection db;
    private final String catalog;
    private final Registry registry;
    private final String hashProbe;
    private final Set<SyncId> busy = ConcurrentHashMap.newKeySet();
    /** The run numbers of the change sets open in this process, whose lookup tables are in use. */
    private final Set<Long> openRuns = ConcurrentHashMap.newKeySet();
    /** Syncs last detected in a warehouse (change_detection: warehouse), whose snapshots live there. */
    private final Map<SyncId, JdbcSource> inWarehouse = new ConcurrentHashMap<>();
    private volatile CommitHook commitHook = CommitHook.NONE;

    private SnapshotStore(DuckDBConnection db, String catalog, String hashProbe) {
        this.db = db;
        this.catalog = catalog;
        this.registry = new Registry(catalog);
        this.hashProbe = hashProbe;
    }

    public static SnapshotStore open(Path stateDirectory) {
        return open(stateDirectory, SnapshotSettings.defaults());
    }

    /** Opens (or creates) the snapshot store in {@code stateDirectory}, which is created if missing. */
    public static SnapshotStore open(Path stateDirectory, SnapshotSettings settings) {
        Path file = stateDirectory.resolve(FILE_NAME);
        try {
            Files.createDirectories(stateDirectory.resolve("tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("Can't create the state directory " + stateDirectory + ": " + e.getMessage(), e);
        }
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", "true");
        DuckDBConnection db = null;
        try {
            db = (DuckDBConnection) dev.sfsync.source.duckdb.DuckDbConnections.open("jdbc:duckdb:" + file.toAbsolutePath(), properties);
            Sql.execute(db, "SET GLOBAL memory_limit = " + Sql.literal(settings.memoryLimit()));
            Sql.execute(db, "SET GLOBAL threads = " + settings.threads());
            Sql.execute(db, "SET GLOBAL temp_directory = " + Sql.literal(stateDirectory.resolve("tmp").toAbsolutePath().toString()));
            // Order only matters where a query says so; not keeping it lets DuckDB stream big CREATE TABLE ... AS in less memory.
            Sql.execute(db, "SET GLOBAL preserve_insertion_order = false");
            // Return freed memory to the system between detections instead of keeping it for the next one.
            Sql.execute(db, "SET GLOBAL allocator_background_threads = true");
            Sql.execute(db, "SET GLOBAL allocator_flush_threshold = '64MB'");
            String catalog = Sql.queryString(db, "SELECT current_database()");
            String probe = Sql.queryString(db, "SELECT hash(42::BIGINT, 'sfsync', 1.5::DOUBLE, DATE '2024-02-29', TRUE, NULL::VARCHAR,"
                    + " 12.34::DECIMAL(10, 2), TIMESTAMP '2024-02-29 12:34:56', ['a', 'b'])::VARCHAR");
            SnapshotStore store = new SnapshotStore(db, catalog, probe);
            store.registry.create(db);
            for (String abandoned : store.registry.abandonedRunTables(db)) {
                Sql.execute(db, "DROP TABLE " + abandoned);
            }
            return store;
        } catch (SQLException e) {
            if (db != null) {
                try {
                    db.close();
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw SnapshotStoreFailed.of("open " + file, e);
        }
    }

    /**
     * Compares the model's current rows with the sync's snapshot. First commits the outcomes that an earlier change
     * set of this sync recorded but did not commit (its process died), so those rows are not sent again.
     *
     * @throws dev.sfsync.source.ModelQueryFailed      the source refused the model's SQL (its message included)
     * @throws dev.sfsync.source.ModelMissingKeyColumn the query does not return the key column(s)
     * @throws dev.sfsync.source.ModelHasNullKeys      with the count of such rows and samples
     * @throws dev.sfsync.source.ModelHasDuplicateKeys with the count of repeated keys and samples
     * @throws ModelKeyChanged                          the key differs from the one the snapshot was built with
     * @throws MappedColumnMissing                      a mapping names a column the model lacks
     * @throws IllegalStateException                    the sync already has an open change set in this process
     */
    public ChangeSet detect(SyncId sync, Source source, Model model, DetectOptions options) {
        claim(sync, source, model, options, "detecting again");
        if (source instanceof JdbcSource jdbc && jdbc.config().changeDetection() == ChangeDetectionMode.WAREHOUSE) {
            inWarehouse.put(sync, jdbc);
            return detectInWarehouse(sync, jdbc, model, options);
        }
        DuckDBConnection connection = null;
        try {
            connection = db.duplicate();
            ChangeDetection.Detected detected;
            // A pending commit's recovery is a snapshot commit too: it runs at the full limit, not at a load's.
            try (Statement statement = connection.createStatement(); DatabaseMemory.Use full = DatabaseMemory.full(statement)) {
                recover(connection, sync);
                dropAbandonedLookups(connection);
                detected = new ChangeDetection(connection, registry, catalog, hashProbe, sync, model, options).run(source);
            }
            long runNo = detected.runNo();
            openRuns.add(runNo);
            return new DuckDbChangeSet(connection, registry, detected, commitHook, () -> {
                openRuns.remove(runNo);
                busy.remove(sync);
            });
        } catch (SQLException | RuntimeException e) {
            busy.remove(sync);
            closeQuietly(connection, e);
            if (e instanceof SQLException sql) {
                throw SnapshotStoreFailed.of("detect changes of sync '" + sync + "'", sql);
            }
            throw (RuntimeException) e;
        }
    }

    /** Marks the sync as having an open change set (or baseline) in this process: one at a time per sync. */
    private void claim(SyncId sync, Source source, Model model, DetectOptions options, String before) {
        Objects.requireNonNull(sync, "sync is null");
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(options, "options is null");
        if (!busy.add(sync)) {
            throw new IllegalStateException("Sync '" + sync + "' already has an open change set; commit or close it before " + before);
        }
    }

    /** The SQL dialect of a source whose snapshots live in its warehouse. */
    static WarehouseDialect dialectOf(JdbcSource source) {
        return WarehouseDialect.forUrl(source.config().url()).orElseThrow(() -> new WarehouseNotSupported(source));
    }

    /**
     * The same change detection inside the warehouse: the warehouse hashes and diffs, and the change set streams
     * only the changes out of it. The engine can't tell the two apart.
     */
    private ChangeSet detectInWarehouse(SyncId sync, JdbcSource source, Model model, DetectOptions options) {
        WarehouseDialect dialect = dialectOf(source);
        try (Connection connection = source.connect()) {
            WarehouseDetection.Detected detected = new WarehouseDetection(connection, dialect, source.name(), sync, model, options)
                    .run(source.config().stateSchema());
            return new WarehouseChangeSet(source, detected, commitHook, () -> busy.remove(sync));
        } catch (SQLException | RuntimeException e) {
            busy.remove(sync);
            if (e instanceof SQLException sql) {
                throw SnapshotStoreFailed.of("detect changes of sync '" + sync + "' in the warehouse of source '" + source.name() + "'", sql);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * Records the model's current rows as already synced, sending nothing (a baseline, as Hightouch's "skip initial
     * sync"): the sync's snapshot takes every row's key and hash, so its next run sends only the rows added, changed or
     * removed since. For a model whose rows are already in Salesforce, loaded another way. Set-based in both modes: in
     * warehouse mode one INSERT ... SELECT inside the warehouse (no row leaves it), in local mode the model is staged
     * as for a detection and the snapshot filled from it. No record Id is known: later updates, upserts and deletes
     * find their records by the sync's match, and an insert sync does not create a baselined row again.
     *
     * @return the rows recorded
     * @throws SnapshotNotEmpty the sync's snapshot already holds rows (it has run)
     * @throws dev.sfsync.source.ModelHasDuplicateKeys and the other model problems {@link #detect} throws
     */
    public long baseline(SyncId sync, Source source, Model model, DetectOptions options) {
        claim(sync, source, model, options, "a baseline");
        try {
            if (source instanceof JdbcSource jdbc && jdbc.config().changeDetection() == ChangeDetectionMode.WAREHOUSE) {
                inWarehouse.put(sync, jdbc);
                WarehouseDialect dialect = dialectOf(jdbc);
                try (Connection connection = jdbc.connect()) {
                    return new WarehouseDetection(connection, dialect, jdbc.name(), sync, model, options).baseline(jdbc.config().stateSchema());
                } catch (SQLException e) {
                    throw SnapshotStoreFailed.of("record the baseline of sync '" + sync + "' in the warehouse of source '" + jdbc.name() + "'", e);
                }
            }
            try (DuckDBConnection connection = db.duplicate()) {
                try (Statement statement = connection.createStatement(); DatabaseMemory.Use full = DatabaseMemory.full(statement)) {
                    recover(connection, sync);
                    return new ChangeDetection(connection, registry, catalog, hashProbe, sync, model, options).baseline(source);
                }
            } catch (SQLException e) {
                throw SnapshotStoreFailed.of("record the baseline of sync '" + sync + "'", e);
            }
        } finally {
            busy.remove(sync);
        }
    }

    /** How many rows the sync's snapshot holds (0 for a sync never run). */
    public long size(SyncId sync) {
        JdbcSource warehouse = inWarehouse.get(sync);
        if (warehouse != null) {
            return WarehouseSnapshots.size(warehouse, sync);
        }
        try (DuckDBConnection connection = db.duplicate()) {
            var entry = registry.find(connection, sync);
            return entry.isEmpty() ? 0
                    : Sql.queryLong(connection, "SELECT count(*) FROM " + new SyncTables(catalog, entry.get().tableNo(), 1).snapshot());
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("count the snapshot of sync '" + sync + "'", e);
        }
    }

    /**
     * The number of the run that last committed the sync's snapshot (numbers only grow), for the state store to tell a
     * snapshot restored from an older backup; empty for a sync never committed here. A snapshot kept in its warehouse
     * counts its commits in the state schema instead (known once the sync's changes were detected in this process).
     */
    public java.util.OptionalLong generation(SyncId sync) {
        JdbcSource warehouse = inWarehouse.get(sync);
        if (warehouse != null) {
            return WarehouseSnapshots.generation(warehouse, sync);
        }
        try (DuckDBConnection connection = db.duplicate()) {
            return registry.generation(connection, sync);
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("read the generation of the snapshot of sync '" + sync + "'", e);
        }
    }

    /**
     * Hands the snapshot kept under {@code from} to {@code to}, when {@code to} has none yet: for a snapshot that
     * was kept under an older name of the same sync (e.g. before snapshots were kept per org).
     *
     * @return whether a snapshot moved
     */
    public boolean adopt(SyncId from, SyncId to) {
        Objects.requireNonNull(from, "from is null");
        Objects.requireNonNull(to, "to is null");
        if (from.equals(to) || !busy.add(from)) {
            return false;
        }
        try (DuckDBConnection connection = db.duplicate()) {
            if (!busy.add(to)) {
                return false;
            }
            try {
                return Sql.inTransaction(connection, () -> {
                    if (registry.find(connection, to).isPresent() || registry.find(connection, from).isEmpty()) {
                        return false;
                    }
                    registry.rename(connection, from, to);
                    return true;
                });
            } finally {
                busy.remove(to);
            }
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("hand the snapshot of '" + from + "' to '" + to + "'", e);
        } finally {
            busy.remove(from);
        }
    }

    /** Drops the sync's snapshot: its next run sends every row as added. */
    public void forget(SyncId sync) {
        if (!busy.add(sync)) {
            throw new IllegalStateException("Sync '" + sync + "' has an open change set; close it before forgetting the snapshot");
        }
        JdbcSource warehouse = inWarehouse.remove(sync);
        if (warehouse != null) {
            try {
                WarehouseSnapshots.forget(warehouse, sync);
            } finally {
                busy.remove(sync);
            }
            return;
        }
        try (DuckDBConnection connection = db.duplicate()) {
            var entry = registry.find(connection, sync);
            Sql.inTransaction(connection, () -> {
                for (Registry.PendingRun run : registry.pending(connection, sync)) {
                    Sql.execute(connection, "DROP TABLE IF EXISTS " + run.tables().changes(run.runNo()));
                    Sql.execute(connection, "DROP TABLE IF EXISTS " + run.tables().outcomes(run.runNo()));
                }
                if (entry.isPresent()) {
                    SyncTables tables = new SyncTables(catalog, entry.get().tableNo(), 1);
                    Sql.execute(connection, "DROP TABLE IF EXISTS " + tables.snapshot());
                    Sql.execute(connection, "DROP TABLE IF EXISTS " + tables.failures());
                }
                registry.delete(connection, sync);
                return null;
            });
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("forget the snapshot of sync '" + sync + "'", e);
        } finally {
            busy.remove(sync);
        }
    }

    /** DuckDB's memory limit, the memory it holds now, and what it has spilled to disk, for benchmarks and diagnostics. */
    public String memoryReport() {
        try (DuckDBConnection connection = db.duplicate()) {
            return Sql.queryString(connection, "SELECT 'memory limit ' || current_setting('memory_limit') || ', in use '"
                    + " || (sum(memory_usage_bytes) // 1048576) || ' MB, spilled ' || (sum(temporary_storage_bytes) // 1048576) || ' MB'"
                    + " FROM duckdb_memory()");
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("report memory", e);
        }
    }

    @Override
    public void close() {
        try {
            db.close();
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("close", e);
        }
    }

    /** For crash tests: the snapshot's row count and an order-independent digest of its keys, hashes and record ids. */
    String digest(SyncId sync) {
        try (DuckDBConnection connection = db.duplicate()) {
            var entry = registry.find(connection, sync).orElseThrow();
            SyncTables tables = new SyncTables(catalog, entry.tableNo(), entry.keySignature().split(", ").length);
            return Sql.queryString(connection, "SELECT count(*) || ':' || coalesce(bit_xor(hash(" + tables.keys("s")
                    + ", s._sfsync_h, s._sfsync_record_id)), 0) FROM " + tables.snapshot() + " s");
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("digest", e);
        }
    }

    /** For crash tests: run {@code hook} between the statements of every commit. */
    void commitHook(CommitHook hook) {
        this.commitHook = hook;
    }

    /**
     * Drops the lookup tables a set-based run left when it died without ending its change set (a crash, a kill):
     * at each run, not only when the state directory is opened, so that a long-running server does not keep them.
     * Tables of change sets open now (another sync's run in this process) are kept; another process cannot have one
     * open, as DuckDB lets one process at a time write the file.
     */
    private void dropAbandonedLookups(DuckDBConnection connection) throws SQLException {
        Map<String, Long> lookups = registry.lookupTables(connection);
        // Read after the tables: a run whose lookup table was listed had registered its change set before it made it.
        Set<Long> open = Set.copyOf(openRuns);
        for (Map.Entry<String, Long> lookup : lookups.entrySet()) {
            if (!open.contains(lookup.getValue())) {
                Sql.execute(connection, "DROP TABLE IF EXISTS " + lookup.getKey());
            }
        }
    }

    private void recover(DuckDBConnection connection, SyncId sync) throws SQLException {
        for (Registry.PendingRun run : registry.pending(connection, sync)) {
            SnapshotCommit.apply(connection, registry, run.tables(), run.runNo(), CommitHook.NONE);
        }
    }

    private static void closeQuietly(DuckDBConnection connection, Exception cause) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                cause.addSuppressed(e);
            }
        }
    }
}
