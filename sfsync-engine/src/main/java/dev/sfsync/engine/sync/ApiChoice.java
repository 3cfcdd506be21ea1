package dev.sfsync.engine.sync;

/** Which Salesforce API a sync writes through, with its batch size rules. */
public enum ApiChoice {
    /** sObject Collections: up to 200 records per call, answered at once. */
    REST(200, 1, 200),
    /** Bulk API 1.0: CSV batches of up to 10,000 records, processed asynchronously. */
    BULK1(1_000, 1, 10_000),
    /** Bulk API 2.0: CSV jobs split by upload size, not by a record count. */
    BULK2(0, 0, 0);

    /**
     * Rows per Bulk load (one Bulk 2.0 ingest, one Bulk 1.0 job) of a write kind: about what one Bulk 2.0 job of ten
     * short columns carries within its upload limit, and 8 MB for the load to find each row again.
     */
    public static final int BULK_ROWS_PER_LOAD = 1_000_000;

    private final int defaultBatchSize;
    private final int minBatchSize;
    private final int maxBatchSize;

    ApiChoice(int defaultBatchSize, int minBatchSize, int maxBatchSize) {
        this.defaultBatchSize = defaultBatchSize;
        this.minBatchSize = minBatchSize;
        this.maxBatchSize = maxBatchSize;
    }

    public int defaultBatchSize() { return defaultBatchSize; }
    public int minBatchSize() { return minBatchSize; }
    public int maxBatchSize() { return maxBatchSize; }

    public boolean hasBatchSize() {
        return maxBatchSize > 0;
    }

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
