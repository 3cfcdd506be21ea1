package dev.sfsync.engine.run;

import dev.sfsync.salesforce.bulk.BulkRowResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A batch's records as Bulk CSV rows: one column per field any record sets. */
final class BulkRows {
    private BulkRows() {
    }

    static List<String> columns(WriteBatch batch) {
        Set<String> columns = new LinkedHashSet<>();
        batch.records().forEach(r -> columns.addAll(r.keySet()));
        return List.copyOf(columns);
    }

    /** Null clears a field (the writer sends #N/A); a field the record leaves out is an empty cell, which Bulk leaves as it is. */
    static List<List<?>> rows(WriteBatch batch, List<String> columns) {
        List<List<?>> rows = new ArrayList<>(batch.records().size());
        for (Map<String, Object> record : batch.records()) {
            List<Object> row = new ArrayList<>(columns.size());
            for (String column : columns) {
                row.add(record.containsKey(column) ? record.get(column) : "");
            }
            rows.add(row);
        }
        return rows;
    }

    static WriteResult result(BulkRowResult result) {
        return result.succeeded() ? WriteResult.succeeded(result.id(), result.created()) : WriteResult.failed(Errors.row(result.error()));
    }
}
