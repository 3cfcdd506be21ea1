package dev.sfsync.engine.inbound;

/** How an inbound sync reads records: chosen by their count, or always one way. */
public enum InboundApi {
    /** REST query paging below {@link #BULK_THRESHOLD} records, a Bulk API 2.0 query job from there. */
    AUTO,
    /** REST query and queryAll, 2,000 records a page. */
    REST,
    /** Bulk API 2.0 query jobs, their CSV results streamed page by page. */
    BULK2,
    /**
     * A Bulk API 1.0 query job with PK chunking: Salesforce splits the query into batches of {@code pk_chunk_size}
     * Ids and runs them in parallel; each is streamed as it finishes, a failed one run again. For the initial sync of
     * the biggest objects, where one query would time out; deltas read as {@link #AUTO} does. Chosen in the file,
     * never by {@link #AUTO} (which splits big objects into Id ranges of Bulk API 2.0 jobs, see {@code id_range_size}).
     */
    BULK1;

    /**
     * Records from which a Bulk query costs fewer calls than REST pages: 2,000 records per REST page against a job's
     * create, polls and result pages of 50,000.
     */
    public static final long BULK_THRESHOLD = 20_000;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
