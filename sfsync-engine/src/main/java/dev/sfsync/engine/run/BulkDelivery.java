package dev.sfsync.engine.run;

import dev.sfsync.core.model.RowKey;
import dev.sfsync.engine.plan.PreparedSync;
import dev.sfsync.engine.plan.WriteKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A run's rows on their way into Bulk loads: one load per write kind at a time, a new one once a load holds
 * {@code rowsPerLoad} rows (so what a load keeps, 8 bytes a row, stays bounded whatever the model's size).
 */
final class BulkDelivery {
    private final PreparedSync sync;
    private final BulkLoad.Context context;
    private final int rowsPerLoad;
    private final Map<WriteKind, BulkLoad> current = new EnumMap<>(WriteKind.class);
    private final List<BulkLoad> all = new ArrayList<>();

    BulkDelivery(PreparedSync sync, BulkLoad.Context context, int rowsPerLoad) {
        this.sync = sync;
        this.context = context;
        this.rowsPerLoad = rowsPerLoad;
    }

    /**
     * Adds a prepared record (field to wire value) to its kind's load; thread-safe. Adds are serial (a load takes rows
     * one at a time anyway), which also keeps a row from reaching a load that was just finished for having enough.
     */
    synchronized void add(WriteKind kind, RowKey key, String recordId, Map<String, Object> record) {
        BulkLoad load = load(kind);
        load.add(key, recordId, BulkRows.cells(load.columns(), record));
    }

    private BulkLoad load(WriteKind kind) {
        BulkLoad load = current.get(kind);
        if (load != null && load.size() >= rowsPerLoad) {
            load.finish();
            load = null;
        }
        if (load == null) {
            load = new BulkLoad(context, kind, columns(kind));
            current.put(kind, load);
            all.add(load);
        }
        return load;
    }

    /** Every field a record of this kind may set, so one header fits all of a load's rows. */
    private List<String> columns(WriteKind kind) {
        Set<String> columns = new LinkedHashSet<>();
        if (kind.needsRecordId()) {
            columns.add("Id");
        }
        if (kind == WriteKind.UPSERT || (kind == WriteKind.CREATE && sync.definition().hasIdempotencyKey())) {
            columns.add(context.externalIdField());
        }
        if (kind != WriteKind.DELETE) {
            columns.addAll(sync.mappedFields());
        }
        return List.copyOf(columns);
    }

    /** No more rows: every load closes its last job. */
    synchronized void finish() {
        all.forEach(BulkLoad::finish);
        current.clear();
    }

    /** Whether every load has handed over all its outcomes (waiting up to {@code millis} for the first unfinished one). */
    boolean awaitOutcomes(long millis) throws InterruptedException {
        for (BulkLoad load : loads()) {
            if (!load.awaitOutcomes(millis)) {
                return false;
            }
        }
        return true;
    }

    synchronized void abandon() {
        all.forEach(BulkLoad::abandon);
    }

    private synchronized List<BulkLoad> loads() {
        return List.copyOf(all);
    }
}
