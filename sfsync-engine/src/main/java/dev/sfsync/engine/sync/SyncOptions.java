package dev.sfsync.engine.sync;

import java.util.Objects;
import java.util.Optional;

/**
 * A sync's less common settings, each with a default that changes nothing.
 *
 * @param recordType  the record type records get, by developer name (constant or per row); empty: the user's default
 * @param concurrency how Salesforce processes a Bulk API 1.0 job's batches
 */
public record SyncOptions(Optional<RecordTypeChoice> recordType, BulkConcurrency concurrency) {
    public static final SyncOptions DEFAULTS = new SyncOptions(Optional.empty(), BulkConcurrency.PARALLEL);

    public SyncOptions {
        Objects.requireNonNull(recordType, "recordType is null");
        Objects.requireNonNull(concurrency, "concurrency is null");
    }

    public SyncOptions withRecordType(RecordTypeChoice choice) {
        return new SyncOptions(Optional.of(choice), concurrency);
    }

    public SyncOptions withConcurrency(BulkConcurrency mode) {
        return new SyncOptions(recordType, mode);
    }
}
