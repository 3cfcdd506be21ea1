package dev.sfsync.engine.sync;

/**
 * How Salesforce processes the batches of a Bulk API 1.0 job. Serial avoids lock contention between batches
 * (UNABLE_TO_LOCK_ROW on records that share a parent), at the cost of speed.
 */
public enum BulkConcurrency {
    PARALLEL, SERIAL;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
