package dev.sfsync.source.snapshot;

import dev.sfsync.core.PhaseTimings;
import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.source.Source;

import org.duckdb.DuckDBConnection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One change detection, in DuckDB SQL: stage the model's keys and row hashes, check the keys, reconcile changed
 * mappings with the snapshot, join staged rows and snapshot on the key, and keep the differing rows (with their
 * current values, read in a second pass over the model) as the run's changes table.
 */
final class ChangeDetection extends Detection {
    private static final String STAGE = "sfsync_stage";
    private static final String DIFF = "sfsync_diff";

    private final DuckDBConnection connection;
    private final Registry registry;
    private final String catalog;
    private final String hashProbe;

    ChangeDetection(DuckDBConnection connection, Registry registry, String catalog, String hashProbe, SyncId sync, Model model,
                    DetectOptions options) {
        super(sync, model, options);
        this.connection = connection;
        this.registry = registry;
        this.catalog = catalog;
        this.hashProbe = hashProbe;
    }

    /** The result of a detection: where its changes are and what they count. */
    record Detected(SyncTables tables, long runNo, ModelSchema schema, ChangeCounts counts, List<String> notices, List<String> uniqueColumns) {
    }

    /**
     * The model staged (keys and hashes), its keys checked, and the sync's tables ready and reconciled to the mappings.
     *
     * @param first the sync's snapshot is empty (a first run): every row is ADDED, so nothing was hashed to compare
     */
    private record Staged(ModelSchema schema, int keyCount, Fingerprint fingerprint, SharedValues shared, long modelRows, SyncTables tables,
                          boolean first) {
    }

    Detected run(Source source) throws SQLException {
        long runNo = registry.nextNumber(connection);
        try (StagedModel staged = StagedModel.of(connection, catalog, runNo, source, model)) {
            Staged ready = stage(staged, true);
            if (ready.first()) {
                return firstRun(staged, ready, runNo);
            }
            ModelSchema schema = ready.schema();
            int keyCount = ready.keyCount();
            Fingerprint fingerprint = ready.fingerprint();
            SharedValues shared = ready.shared();
            long modelRows = ready.modelRows();
            SyncTables tables = ready.tables();

            Sql.execute(connection, "CREATE OR REPLACE TEMP TABLE " + DIFF + " AS SELECT CASE WHEN s._sfsync_k0 IS NULL THEN 'ADDED'"
                    + " WHEN c._sfsync_k0 IS NULL THEN 'REMOVED' ELSE 'CHANGED' END AS _sfsync_kind, "
                    + Sql.each(keyCount, ", ", k -> "coalesce(c._sfsync_k" + k + ", s._sfsync_k" + k + ") AS _sfsync_k" + k)
                    + ", s._sfsync_record_id FROM " + STAGE + " c FULL OUTER JOIN " + tables.snapshot() + " s ON " + tables.keysMatch("c", "s")
                    + " WHERE c._sfsync_k0 IS NULL OR s._sfsync_k0 IS NULL OR "
                    + (options.fullResync() ? "TRUE" : "c._sfsync_h IS DISTINCT FROM s._sfsync_h"));
            Sql.execute(connection, "DROP TABLE " + STAGE);
            PhaseTimings.mark("detect diff");
            long snapshotRows = Sql.queryLong(connection, "SELECT count(*) FROM " + tables.snapshot());
            boolean everyRowChanges = options.fullResync() || snapshotRows == 0;
            boolean needsRows = everyRowChanges || Sql.queryLong(connection, "SELECT count(*) FROM " + DIFF + " WHERE _sfsync_kind <> 'REMOVED'") > 0;
            String rows = "(SELECT " + Sql.each(keyCount, ", ", k -> "m." + Sql.ident(schema.keyColumns().get(k).name()) + " AS _sfsync_mk" + k)
                    + ", " + fingerprint.hashSql("m") + " AS _sfsync_h, m.* FROM " + (needsRows ? staged.relation() : "(SELECT * FROM " + staged.relation() + " LIMIT 0)")
                    + " AS m) m";
            String modelColumns = "m._sfsync_h, m.* EXCLUDE (" + Sql.each(keyCount, ", ", k -> "_sfsync_mk" + k) + ", _sfsync_h)";
            // Values are read in a second pass and hashed again: the hash the snapshot takes is always that of the values sent.
            String changedRows = everyRowChanges
                    // A first run or a full resync: one pass over the model, joined only to the narrow snapshot.
                    ? "SELECT CASE WHEN s._sfsync_k0 IS NULL THEN 'ADDED' ELSE 'CHANGED' END AS _sfsync_kind, "
                            + Sql.each(keyCount, ", ", k -> "m._sfsync_mk" + k + " AS _sfsync_k" + k) + ", "
                            + Sql.each(keyCount, ", ", k -> "CAST(m._sfsync_mk" + k + " AS VARCHAR) AS _sfsync_t" + k)
                            + ", s._sfsync_record_id, coalesce(f._sfsync_attempts, 0) AS _sfsync_prior, " + modelColumns + shared.counts() + " FROM " + rows
                            + " LEFT JOIN " + tables.snapshot() + " s ON " + Sql.each(keyCount, " AND ", k -> "m._sfsync_mk" + k + " = s._sfsync_k" + k)
                            + " LEFT JOIN " + tables.failures() + " f ON " + Sql.each(keyCount, " AND ", k -> "m._sfsync_mk" + k + " = f._sfsync_k" + k)
                            + shared.joins("m")
                    // Otherwise the changed keys are the join's small side, and the model streams past them.
                    : "SELECT d._sfsync_kind, " + tables.keys("d") + ", " + Sql.each(keyCount, ", ", k -> "CAST(d._sfsync_k" + k + " AS VARCHAR) AS _sfsync_t" + k)
                            + ", d._sfsync_record_id, coalesce(f._sfsync_attempts, 0) AS _sfsync_prior, " + modelColumns + shared.counts() + " FROM " + rows
                            + " JOIN " + DIFF + " d ON " + Sql.each(keyCount, " AND ", k -> "d._sfsync_k" + k + " = m._sfsync_mk" + k)
                            + " LEFT JOIN " + tables.failures() + " f ON " + tables.keysMatch("d", "f") + shared.joins("m")
                            + " WHERE d._sfsync_kind <> 'REMOVED'";
            String changes = changedRows + " UNION ALL BY NAME SELECT d._sfsync_kind, " + tables.keys("d") + ", "
                    + Sql.each(keyCount, ", ", k -> "CAST(d._sfsync_k" + k + " AS VARCHAR) AS _sfsync_t" + k)
                    + ", d._sfsync_record_id, coalesce(f._sfsync_attempts, 0) AS _sfsync_prior FROM " + DIFF + " d LEFT JOIN "
                    + tables.failures() + " f ON " + tables.keysMatch("d", "f") + " WHERE d._sfsync_kind = 'REMOVED'";
            createChangeSet(staged, tables, runNo, keyCount, changes);
            PhaseTimings.mark("detect changes table");
            Sql.execute(connection, "DROP TABLE " + DIFF);
            shared.drop(connection);
            Detected detected = new Detected(tables, runNo, schema, counts(connection, tables.changes(runNo), modelRows), notices, shared.columns());
            PhaseTimings.mark("detect counts");
            return detected;
        }
    }

    /**
     * A first run (the snapshot is empty): every row of the model is ADDED, so there is nothing to diff. The stage held
     * only the keys (and values that must be unique) for their checks; the changes table is the model itself, read and
     * hashed once, with the attempts an earlier failed run left. No snapshot row is involved, so none is REMOVED.
     */
    private Detected firstRun(StagedModel staged, Staged ready, long runNo) throws SQLException {
        ModelSchema schema = ready.schema();
        int keyCount = ready.keyCount();
        SyncTables tables = ready.tables();
        SharedValues shared = ready.shared();
        Sql.execute(connection, "DROP TABLE " + STAGE);
        String changes = "SELECT 'ADDED' AS _sfsync_kind, " + Sql.each(keyCount, ", ", k -> "m." + Sql.ident(schema.keyColumns().get(k).name()) + " AS _sfsync_k" + k)
                + ", " + Sql.each(keyCount, ", ", k -> "CAST(m." + Sql.ident(schema.keyColumns().get(k).name()) + " AS VARCHAR) AS _sfsync_t" + k)
                + ", NULL::VARCHAR AS _sfsync_record_id, coalesce(f._sfsync_attempts, 0) AS _sfsync_prior, " + ready.fingerprint().hashSql("m")
                + " AS _sfsync_h, m.*" + shared.counts() + " FROM " + staged.relation() + " AS m LEFT JOIN " + tables.failures() + " f ON "
                + Sql.each(keyCount, " AND ", k -> "m." + Sql.ident(schema.keyColumns().get(k).name()) + " = f._sfsync_k" + k) + shared.joins("m");
        createChangeSet(staged, tables, runNo, keyCount, changes);
        PhaseTimings.mark("detect changes table");
        shared.drop(connection);
        ChangeCounts counts = new ChangeCounts(ready.modelRows(), ready.modelRows(), 0, 0,
                Sql.queryLong(connection, "SELECT count(*) FROM " + tables.changes(runNo) + " WHERE _sfsync_prior > 0"));
        return new Detected(tables, runNo, schema, counts, notices, shared.columns());
    }

    /** The run's changes table (from {@code changes}, reading the model) and its outcomes table, registered as pending: all or none. */
    private void createChangeSet(StagedModel staged, SyncTables tables, long runNo, int keyCount, String changes) throws SQLException {
        Sql.inTransaction(connection, () -> {
            staged.executeReadingModel("CREATE TABLE " + tables.changes(runNo) + " AS " + changes);
            Sql.execute(connection, "CREATE TABLE " + tables.outcomes(runNo) + " (" + Sql.list(outcomeColumns(keyCount, "VARCHAR", "BIGINT")) + ")");
            registry.addPending(connection, sync, runNo, tables);
            return null;
        });
    }

    /**
     * Records every row of the model as synced as it is now, without a run: the snapshot takes each row's key and hash
     * (no Salesforce record Id is known) in one statement, so only later changes are sent. Only for a sync whose
     * snapshot is empty.
     *
     * @return the rows recorded
     * @throws SnapshotNotEmpty the sync has synced rows already
     */
    long baseline(Source source) throws SQLException {
        long runNo = registry.nextNumber(connection);
        try (StagedModel staged = StagedModel.of(connection, catalog, runNo, source, model)) {
            Staged ready = stage(staged, false);
            SyncTables tables = ready.tables();
            try {
                long synced = Sql.queryLong(connection, "SELECT count(*) FROM " + tables.snapshot());
                if (synced > 0) {
                    throw new SnapshotNotEmpty(sync, synced);
                }
                Sql.inTransaction(connection, () -> {
                    Sql.execute(connection, "INSERT INTO " + tables.snapshot() + " SELECT " + tables.keys("c") + ", c._sfsync_h, NULL FROM " + STAGE + " c");
                    registry.setGeneration(connection, sync, runNo);
                    return null;
                });
            } finally {
                Sql.execute(connection, "DROP TABLE IF EXISTS " + STAGE);
                ready.shared().drop(connection);
            }
            return ready.modelRows();
        }
    }

    /** @param firstRunAllowed whether an empty snapshot may be staged for {@link #firstRun} (keys only, no hashes) */
    private Staged stage(StagedModel staged, boolean firstRunAllowed) throws SQLException {
        ModelSchema schema = staged.schema();
        int keyCount = model.keyColumns().size();
        Fingerprint fingerprint = Fingerprint.resolve(options, schema, model);
        SharedValues shared = SharedValues.resolve(options.uniqueColumns(), schema, model);
        Optional<Registry.Entry> entry = registry.find(connection, sync);
        Reconciliation reconciliation = entry.map(e -> Reconciliation.of(e.fingerprint(), e.hashProbe(), fingerprint, hashProbe, schema,
                "This DuckDB version")).orElse(Reconciliation.NONE);
        Optional<Fingerprint> compareWith = reconciliation.compareWith();
        boolean first = firstRunAllowed && !options.fullResync() && !reconciliation.needed()
                && (entry.isEmpty() || Sql.queryLong(connection, "SELECT count(*) FROM " + new SyncTables(catalog, entry.get().tableNo(), keyCount).snapshot()) == 0);

        // A first run's stage needs no hash (nothing to compare with): the column keeps its type for the sync's tables.
        staged.executeReadingModel("CREATE OR REPLACE TEMP TABLE " + STAGE + " AS SELECT "
                + Sql.each(keyCount, ", ", k -> "m." + Sql.ident(schema.keyColumns().get(k).name()) + " AS _sfsync_k" + k)
                + ", " + (first ? "CASE WHEN FALSE THEN " + fingerprint.hashSql("m") + " END" : fingerprint.hashSql("m")) + " AS _sfsync_h"
                + compareWith.map(old -> ", " + old.hashSql("m") + " AS _sfsync_hc").orElse("")
                + shared.stageColumns("m") + " FROM " + staged.relation() + " AS m");
        PhaseTimings.mark("detect stage");
        long modelRows = KeyCheck.verify(connection, STAGE, staged, model, keyCount);
        shared.find(connection, STAGE);
        PhaseTimings.mark("detect key check");

        String keySignature = keySignature(schema);
        SyncTables tables = entry.isPresent()
                ? checkedTables(entry.get(), keySignature, keyCount)
                : createTables(fingerprint, keySignature, keyCount);
        if (reconciliation.needed()) {
            reconcile(reconciliation, fingerprint, tables);
        }
        return new Staged(schema, keyCount, fingerprint, shared, modelRows, tables, first);
    }

    /** Brings the snapshot's hashes to the current mappings, in one transaction, so the diff compares like with like. */
    private void reconcile(Reconciliation reconciliation, Fingerprint now, SyncTables tables) {
        try {
            Sql.inTransaction(connection, () -> {
                if (reconciliation.compareWith().isPresent()) {
                    // Rows equal under the old mappings are equal under the new ones: give them the new hash, send nothing.
                    Sql.execute(connection, "UPDATE " + tables.snapshot() + " s SET _sfsync_h = c._sfsync_h FROM " + STAGE + " c WHERE "
                            + tables.keysMatch("s", "c") + " AND s._sfsync_h = c._sfsync_hc");
                } else {
                    Sql.execute(connection, "UPDATE " + tables.snapshot() + " SET _sfsync_h = NULL");
                }
                registry.updateFingerprint(connection, sync, now, hashProbe);
                return null;
            });
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("update the snapshot to the new mappings", e);
        }
        notices.add(reconciliation.notice().orElseThrow());
    }

    private SyncTables createTables(Fingerprint fingerprint, String keySignature, int keyCount) throws SQLException {
        long tableNo = registry.nextNumber(connection);
        SyncTables tables = new SyncTables(catalog, tableNo, keyCount);
        Sql.inTransaction(connection, () -> {
            Sql.execute(connection, "CREATE TABLE " + tables.snapshot() + " AS SELECT " + tables.keys("c")
                    + ", c._sfsync_h, NULL::VARCHAR AS _sfsync_record_id FROM " + STAGE + " c LIMIT 0");
            Sql.execute(connection, "CREATE TABLE " + tables.failures() + " AS SELECT " + tables.keys("c")
                    + ", 0::INTEGER AS _sfsync_attempts, NULL::VARCHAR AS _sfsync_code, NULL::VARCHAR AS _sfsync_message FROM " + STAGE + " c LIMIT 0");
            registry.insert(connection, new Registry.Entry(sync, tableNo, keySignature, fingerprint, hashProbe));
            return null;
        });
        return tables;
    }

    private SyncTables checkedTables(Registry.Entry entry, String keySignature, int keyCount) {
        Reconciliation.checkKey(sync, entry.keySignature(), keySignature);
        return new SyncTables(catalog, entry.tableNo(), keyCount);
    }

    /** The key's columns and staged types, e.g. {@code id BIGINT}: a snapshot only matches rows keyed the same way. */
    private String keySignature(ModelSchema schema) throws SQLException {
        List<String> parts = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT data_type FROM duckdb_columns() WHERE database_name = 'temp' AND table_name = '" + STAGE
                        + "' AND column_name LIKE '\\_sfsync\\_k%' ESCAPE '\\' ORDER BY column_index")) {
            for (int k = 0; rs.next(); k++) {
                parts.add(schema.keyColumns().get(k).name().toLowerCase(java.util.Locale.ROOT) + " " + rs.getString(1));
            }
        }
        return String.join(", ", parts);
    }
}
