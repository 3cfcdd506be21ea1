package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.source.ModelQueryFailed;
import dev.sfsync.source.jdbc.ModelQueries;
import dev.sfsync.source.warehouse.WarehouseDialect;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One change detection inside the warehouse: the warehouse checks the keys, hashes every row over the mapped
 * columns, and in one statement joins the rows to the sync's snapshot and failures, keeping the added, changed,
 * removed and previously failed rows (with their values, hashes and shared-value counts) as the run's changes
 * table. Only those rows ever leave the warehouse.
 */
final class WarehouseDetection extends Detection {
    private final Connection connection;
    private final WarehouseDialect dialect;
    private final String sourceName;

    WarehouseDetection(Connection connection, WarehouseDialect dialect, String sourceName, SyncId sync, Model model, DetectOptions options) {
        super(sync, model, options);
        this.connection = connection;
        this.dialect = dialect;
        this.sourceName = sourceName;
    }

    /** What a detection left in the warehouse: the run's changes table and what it counts. */
    record Detected(WarehouseTables tables, String run, ModelSchema schema, ChangeCounts counts, List<String> notices, List<String> uniqueColumns) {
    }

    /** The sync's tables ready in the warehouse, the model's keys checked, and the snapshot reconciled to the mappings. */
    private record Prepared(WarehouseTables tables, ModelSchema schema, Fingerprint fingerprint, List<String> unique, String relation, long modelRows) {
    }

    Detected run(String stateSchema) throws SQLException {
        Prepared ready = prepare(stateSchema);
        WarehouseTables tables = ready.tables();
        ModelSchema schema = ready.schema();
        String run = tables.tag() + "_" + Long.toString(System.currentTimeMillis(), 36);
        readingModel(() -> {
            Sql.execute(connection, dialect.createTableAs(tables.changes(run), diff(tables, schema, ready.fingerprint(), ready.unique(), ready.relation(),
                    options.fullResync())));
            return null;
        });
        Sql.execute(connection, dialect.createTable(tables.outcomes(run), outcomeColumns(tables.keyCount(), dialect.textType(), dialect.integerType())));
        new WarehouseRegistry(tables).addRun(connection, sync, run, tables.keyCount());
        return new Detected(tables, run, schema, counts(connection, tables.changes(run), ready.modelRows()), notices, ready.unique());
    }

    /**
     * Records every row of the model as synced as it is now, without a run: the warehouse inserts each row's key and
     * hash into the snapshot (no Salesforce record Id is known) in one INSERT ... SELECT, so nothing leaves it and only
     * later changes are sent. Only for a sync whose snapshot is empty; one transaction where the dialect's DDL is
     * transactional (elsewhere a crash after the insert leaves only the generation behind, which the next baseline
     * refuses to cover: the snapshot is no longer empty).
     *
     * @return the rows recorded
     * @throws SnapshotNotEmpty the sync has synced rows already
     */
    long baseline(String stateSchema) throws SQLException {
        Prepared ready = prepare(stateSchema);
        WarehouseTables tables = ready.tables();
        long synced = Sql.queryLong(connection, "SELECT count(*) FROM " + tables.snapshot());
        if (synced > 0) {
            throw new SnapshotNotEmpty(sync, synced);
        }
        String insert = "INSERT INTO " + tables.snapshot() + " (" + tables.keyNames() + ", _sfsync_h, _sfsync_record_id) SELECT "
                + Sql.each(tables.keyCount(), ", ", k -> "m." + quotedKey(ready.schema(), k)) + ", " + hash(ready.fingerprint(), "m") + ", "
                + dialect.nullText() + " FROM " + ready.relation() + " m";
        Sql.SqlWork<Void> record = () -> {
            readingModel(() -> {
                Sql.execute(connection, insert);
                return null;
            });
            new WarehouseRegistry(tables).advanceGeneration(connection, sync);
            return null;
        };
        if (dialect.advance() == WarehouseDialect.Advance.TRANSACTION) {
            Sql.inTransaction(connection, record);
        } else {
            record.run();
        }
        return ready.modelRows();
    }

    private Prepared prepare(String stateSchema) throws SQLException {
        WarehouseTables names = WarehouseTables.of(dialect, stateSchema, sync, 1);
        WarehouseRegistry bookkeeping = new WarehouseRegistry(names);
        bookkeeping.create(connection);
        // Outcomes an earlier change set recorded and never committed (its process died) are committed first.
        for (WarehouseRegistry.PendingRun pending : bookkeeping.pending(connection, sync)) {
            WarehouseCommit.apply(connection, names.withKeyCount(pending.keyCount()), pending.run(), CommitHook.NONE);
        }
        ModelSchema schema = ModelQueries.describe(connection, sourceName, model);
        int keyCount = model.keyColumns().size();
        WarehouseTables tables = WarehouseTables.of(dialect, stateSchema, sync, keyCount);
        WarehouseRegistry registry = new WarehouseRegistry(tables);
        Fingerprint fingerprint = Fingerprint.resolve(options, schema, model);
        List<String> unique = SharedValues.resolve(options.uniqueColumns(), schema, model).columns();
        String relation = "(" + ModelQueries.sql(model) + ")";
        long modelRows = readingModel(() -> WarehouseKeyCheck.verify(connection, dialect, relation, schema, model));
        String probe = Sql.queryString(connection, dialect.hashProbe());

        Optional<WarehouseRegistry.Entry> entry = registry.find(connection, sync);
        String keySignature = schema.keyColumns().stream()
                .map(c -> c.name().toLowerCase(Locale.ROOT) + " " + c.sqlType().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "));
        if (entry.isPresent()) {
            Reconciliation.checkKey(sync, entry.get().keySignature(), keySignature);
            Reconciliation reconciliation = Reconciliation.of(entry.get().fingerprint(), entry.get().hashProbe(), fingerprint, probe, schema,
                    "The warehouse");
            if (reconciliation.needed()) {
                reconcile(registry, tables, reconciliation, fingerprint, probe, schema, relation);
            }
        } else {
            createTables(registry, tables, fingerprint, probe, keySignature, schema, relation);
        }

        return new Prepared(tables, schema, fingerprint, unique, relation, modelRows);
    }

    /** The diff, one query: the model hashed, full-joined to the snapshot, with prior failures and shared values. */
    static String diff(WarehouseTables tables, ModelSchema schema, Fingerprint fingerprint, List<String> unique, String relation, boolean fullResync) {
        WarehouseDialect dialect = tables.dialect();
        int n = tables.keyCount();
        String hashed = "(" + dialect.fence("SELECT " + Sql.each(n, ", ", k -> "m." + quotedKey(dialect, schema, k) + " AS _sfsync_mk" + k) + ", "
                + hash(dialect, fingerprint, "m") + " AS _sfsync_h, m.* FROM " + relation + " m") + ") m";
        String key = "coalesce(m._sfsync_mk%1$d, s._sfsync_k%1$d)";
        StringBuilder sql = new StringBuilder("SELECT CASE WHEN s._sfsync_k0 IS NULL THEN 'ADDED' WHEN m._sfsync_mk0 IS NULL THEN 'REMOVED'"
                + " ELSE 'CHANGED' END AS _sfsync_kind, ");
        sql.append(Sql.each(n, ", ", k -> key.formatted(k) + " AS _sfsync_k" + k)).append(", ");
        sql.append(Sql.each(n, ", ", k -> dialect.text(key.formatted(k)) + " AS _sfsync_t" + k));
        sql.append(", s._sfsync_record_id AS _sfsync_record_id, coalesce(f._sfsync_attempts, 0) AS _sfsync_prior, m._sfsync_h AS _sfsync_h");
        for (ModelColumn column : schema.columns()) {
            sql.append(", m.").append(dialect.quote(column.name())).append(" AS ").append(dialect.quote(column.name()));
        }
        for (int i = 0; i < unique.size(); i++) {
            sql.append(", CASE WHEN ui").append(i).append(".n IS NOT NULL THEN ux").append(i).append(".n END AS _sfsync_ux").append(i)
                    .append(", ui").append(i).append(".n AS _sfsync_ui").append(i);
        }
        sql.append(" FROM ").append(hashed).append(" FULL OUTER JOIN ").append(tables.snapshot()).append(" s ON ")
                .append(Sql.each(n, " AND ", k -> "m._sfsync_mk" + k + " = s._sfsync_k" + k));
        sql.append(" LEFT JOIN ").append(tables.failures()).append(" f ON ").append(Sql.each(n, " AND ", k -> "f._sfsync_k" + k + " = " + key.formatted(k)));
        for (int i = 0; i < unique.size(); i++) {
            String value = dialect.text("u." + dialect.quote(unique.get(i)));
            String present = " FROM " + relation + " u WHERE trim(" + value + ") <> ''";
            // Exact counts of every value, and case-folded counts of the values more than one row holds; a row is marked
            // only when the case-folded count says its value repeats.
            sql.append(" LEFT JOIN (SELECT ").append(value).append(" AS v, count(*) AS n").append(present).append(" GROUP BY ").append(value)
                    .append(") ux").append(i).append(" ON ux").append(i).append(".v = ").append(dialect.text("m." + dialect.quote(unique.get(i))));
            sql.append(" LEFT JOIN (SELECT lower(").append(value).append(") AS v, count(*) AS n").append(present).append(" GROUP BY lower(")
                    .append(value).append(") HAVING count(*) > 1) ui").append(i).append(" ON ui").append(i).append(".v = lower(")
                    .append(dialect.text("m." + dialect.quote(unique.get(i)))).append(")");
        }
        sql.append(" WHERE ").append(fullResync ? "1 = 1"
                : "m._sfsync_mk0 IS NULL OR s._sfsync_k0 IS NULL OR s._sfsync_h IS NULL OR m._sfsync_h <> s._sfsync_h");
        return sql.toString();
    }

    private void createTables(WarehouseRegistry registry, WarehouseTables tables, Fingerprint fingerprint, String probe, String keySignature,
                              ModelSchema schema, String relation) throws SQLException {
        String keys = Sql.each(tables.keyCount(), ", ", k -> "m." + quotedKey(schema, k) + " AS _sfsync_k" + k);
        // A detection that died between these statements left tables no registry entry names: they are replaced.
        Sql.execute(connection, dialect.dropTable(tables.snapshot()));
        Sql.execute(connection, dialect.dropTable(tables.failures()));
        readingModel(() -> {
            Sql.execute(connection, dialect.createTableAs(tables.snapshot(), "SELECT " + keys + ", " + hash(fingerprint, "m") + " AS _sfsync_h, "
                    + dialect.nullText() + " AS _sfsync_record_id FROM " + relation + " m WHERE 1 = 0"));
            Sql.execute(connection, dialect.createTableAs(tables.failures(), "SELECT " + keys + ", CAST(0 AS " + dialect.integerType()
                    + ") AS _sfsync_attempts, " + dialect.nullText() + " AS _sfsync_code, " + dialect.nullText() + " AS _sfsync_message FROM "
                    + relation + " m WHERE 1 = 0"));
            return null;
        });
        registry.insert(connection, sync, new WarehouseRegistry.Entry(keySignature, fingerprint, probe));
    }

    /** Brings the snapshot's hashes to the current mappings, so the diff compares like with like. */
    private void reconcile(WarehouseRegistry registry, WarehouseTables tables, Reconciliation reconciliation, Fingerprint now, String probe,
                           ModelSchema schema, String relation) throws SQLException {
        Optional<Fingerprint> compareWith = reconciliation.compareWith();
        if (compareWith.isPresent()) {
            // Rows equal under the old mappings are equal under the new ones: give them the new hash, send nothing.
            String rehashed = "(SELECT " + Sql.each(tables.keyCount(), ", ", k -> "m." + quotedKey(schema, k) + " AS _sfsync_k" + k) + ", "
                    + hash(now, "m") + " AS _sfsync_hn, " + hash(compareWith.get(), "m") + " AS _sfsync_ho FROM " + relation + " m)";
            readingModel(() -> {
                Sql.execute(connection, dialect.updateFrom(tables.snapshot(), "_sfsync_h", rehashed, "_sfsync_hn",
                        tables.keysMatch("t", "c") + " AND t._sfsync_h = c._sfsync_ho"));
                return null;
            });
        } else {
            Sql.execute(connection, "UPDATE " + tables.snapshot() + " SET _sfsync_h = NULL WHERE 1 = 1");
        }
        notices.add(reconciliation.notice().orElseThrow());
        registry.updateFingerprint(connection, sync, now, probe);
    }

    private String hash(Fingerprint fingerprint, String alias) {
        return hash(dialect, fingerprint, alias);
    }

    private static String hash(WarehouseDialect dialect, Fingerprint fingerprint, String alias) {
        return dialect.rowHash(fingerprint.targetToColumn().values().stream().map(c -> alias + "." + dialect.quote(c)).toList());
    }

    private String quotedKey(ModelSchema schema, int k) {
        return quotedKey(dialect, schema, k);
    }

    private static String quotedKey(WarehouseDialect dialect, ModelSchema schema, int k) {
        return dialect.quote(schema.keyColumns().get(k).name());
    }

    /** A statement over the model's rows that fails is the model's failure, with the warehouse's message. */
    private <T> T readingModel(Sql.SqlWork<T> work) {
        try {
            return work.run();
        } catch (SQLException e) {
            throw new ModelQueryFailed(sourceName, model, e);
        }
    }
}
