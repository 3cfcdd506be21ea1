package dev.sfsync.source;

/** Where a source's models are diffed against their syncs' snapshots. */
public enum ChangeDetectionMode {
    /** Rows stream into sfsync's own DuckDB, which holds the snapshots: the default, and right up to millions of rows. */
    LOCAL,
    /**
     * The warehouse hashes and diffs the rows itself, against snapshots kept in a schema of its own ({@code state_schema}):
     * only changed rows leave it, and sfsync's memory does not grow with the model.
     */
    WAREHOUSE
}
