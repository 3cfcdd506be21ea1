package dev.sfsync.engine.sync;

/** What happens to a record when its row leaves the model. */
public enum DeleteBehaviour {
    /** Leave the record as it is. */
    NOTHING,
    /** Empty every mapped field of the record (the match field stays). */
    CLEAR_FIELDS,
    /** Delete the record. */
    DELETE;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
