package dev.sfsync.engine.inbound;

/** How an inbound sync reads records: chosen by their count, or always one way. */
public enum InboundApi {
    /** REST query paging below {@link #BULK_THRESHOLD} records, a Bulk API 2.0 query job from there. */
    AUTO,
    /** REST query and queryAll, 2,000 records a page. */
    REST,
    /** Bulk API 2.0 query jobs, their CSV results streamed page by page. */
    BULK2;

    /**
     * Records from which a Bulk query costs fewer calls than REST pages: 2,000 records per REST page against a job's
     * create, polls and result pages of 50,000.
     */
    public static final long BULK_THRESHOLD = 20_000;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
