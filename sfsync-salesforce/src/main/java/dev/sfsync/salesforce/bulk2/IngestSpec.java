package dev.sfsync.salesforce.bulk2;

import dev.sfsync.salesforce.bulk.Operation;

import java.util.List;
import java.util.Objects;

/**
 * What to load with Bulk API 2.0: the object, the operation, the CSV columns (field API names, or relationship
 * columns such as {@code Account.External_Key__c}), and how large one job's upload may grow before the rows go on
 * into another job.
 *
 * @param externalIdField required for upsert, ignored otherwise
 * @param maxBytesPerJob  Salesforce takes up to 150 MB per job after base64; 100 MB of raw CSV is the documented safe size
 */
public record IngestSpec(String object, Operation operation, String externalIdField, List<String> columns, long maxBytesPerJob) {
    public static final long DEFAULT_MAX_BYTES_PER_JOB = 100L * 1000 * 1000;

    public IngestSpec {
        Objects.requireNonNull(object, "object is null");
        Objects.requireNonNull(operation, "operation is null");
        columns = List.copyOf(columns);
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("an ingest needs at least one column (field API names, e.g. [Name, External_Key__c])");
        }
        if (operation == Operation.UPSERT && (externalIdField == null || !columns.contains(externalIdField))) {
            throw new IllegalArgumentException("an upsert matches on its external ID field, which must be one of the columns "
                    + columns + " (got " + externalIdField + ")");
        }
        if ((operation == Operation.UPDATE || operation == Operation.DELETE || operation == Operation.HARD_DELETE) && !columns.contains("Id")) {
            throw new IllegalArgumentException(operation.wireName() + " finds records by Id, so Id must be one of the columns " + columns);
        }
        if (maxBytesPerJob < 1024) {
            throw new IllegalArgumentException("maxBytesPerJob must leave room for rows: at least 1024 bytes, not " + maxBytesPerJob);
        }
    }

    public static IngestSpec of(String object, Operation operation, String externalIdField, List<String> columns) {
        return new IngestSpec(object, operation, externalIdField, columns, DEFAULT_MAX_BYTES_PER_JOB);
    }

    public IngestSpec withMaxBytesPerJob(long bytes) {
        return new IngestSpec(object, operation, externalIdField, columns, bytes);
    }
}
