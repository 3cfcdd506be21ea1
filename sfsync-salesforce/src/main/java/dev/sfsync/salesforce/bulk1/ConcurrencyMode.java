package dev.sfsync.salesforce.bulk1;

/** How a Bulk API 1.0 job runs its batches. */
public enum ConcurrencyMode {
    /** Batches run at the same time: fastest, but batches touching the same parent records can fail on locks. */
    PARALLEL("Parallel"),
    /** One batch at a time: slower, and free of lock contention between batches. */
    SERIAL("Serial");

    private final String wireName;

    ConcurrencyMode(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
