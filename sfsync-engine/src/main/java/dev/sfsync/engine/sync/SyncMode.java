package dev.sfsync.engine.sync;

/** How a sync writes a model's rows into its object. */
public enum SyncMode {
    /** Create a record for each new row; changed rows are not sent again. */
    INSERT,
    /** Change existing records found by the match; rows without a record fail. */
    UPDATE,
    /** Change the record the match finds, or create one when none matches. */
    UPSERT,
    /** Delete the records the model's rows match. */
    ARCHIVE,
    /** Picklist value syncs: the model's rows become all of a picklist's active values (the others are deactivated). */
    ALL;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
