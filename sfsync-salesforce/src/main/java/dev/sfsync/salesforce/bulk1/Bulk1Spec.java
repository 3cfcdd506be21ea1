package dev.sfsync.salesforce.bulk1;

import dev.sfsync.salesforce.bulk.Operation;

import java.util.List;
import java.util.Objects;

/**
 * What to load with Bulk API 1.0: object, operation, CSV columns, how batches run, and how many rows go into one
 * batch (at most 10,000, and a batch's CSV stays under 10 MB whatever the count).
 *
 * @param batchesInFlight at most this many of the job's batches are queued or in progress at Salesforce at once: the
 *                        client waits for one to end before adding another (0: no limit)
 */
public record Bulk1Spec(String object, Operation operation, String externalIdField, List<String> columns, ConcurrencyMode concurrencyMode,
                        int batchSize, int batchesInFlight) {
    public static final int MAX_BATCH_SIZE = 10_000;
    public static final long MAX_BATCH_BYTES = 10L * 1000 * 1000;

    public Bulk1Spec {
        Objects.requireNonNull(object, "object is null");
        Objects.requireNonNull(operation, "operation is null");
        Objects.requireNonNull(concurrencyMode, "concurrencyMode is null");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a load needs at least one column (field API names, e.g. [Name, External_Key__c])");
        }
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("a Bulk API 1.0 batch holds 1 to " + MAX_BATCH_SIZE + " records, not " + batchSize);
        }
        if (batchesInFlight < 0) {
            throw new IllegalArgumentException("batches in flight must be 0 (no limit) or more, not " + batchesInFlight);
        }
        if (operation == Operation.UPSERT && (externalIdField == null || !columns.contains(externalIdField))) {
            throw new IllegalArgumentException("an upsert matches on its external ID field, which must be one of the columns "
                    + columns + " (got " + externalIdField + ")");
        }
        if ((operation == Operation.UPDATE || operation == Operation.DELETE || operation == Operation.HARD_DELETE) && !columns.contains("Id")) {
            throw new IllegalArgumentException(operation.wireName() + " finds records by Id, so Id must be one of the columns " + columns);
        }
    }

    public static Bulk1Spec of(String object, Operation operation, String externalIdField, List<String> columns) {
        return new Bulk1Spec(object, operation, externalIdField, columns, ConcurrencyMode.PARALLEL, MAX_BATCH_SIZE, 0);
    }

    public Bulk1Spec withBatchSize(int size) {
        return new Bulk1Spec(object, operation, externalIdField, columns, concurrencyMode, size, batchesInFlight);
    }

    public Bulk1Spec withConcurrencyMode(ConcurrencyMode mode) {
        return new Bulk1Spec(object, operation, externalIdField, columns, mode, batchSize, batchesInFlight);
    }

    public Bulk1Spec withBatchesInFlight(int batches) {
        return new Bulk1Spec(object, operation, externalIdField, columns, concurrencyMode, batchSize, batches);
    }
}
