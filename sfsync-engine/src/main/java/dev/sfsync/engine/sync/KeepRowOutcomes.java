package dev.sfsync.engine.sync;

/**
 * Which rows a run keeps one by one in the state store ({@code keep_row_outcomes}). Failed and rejected rows always
 * keep their own outcome, error and call; rows that succeeded are counted, unless the sync asks for all of them (a
 * million-row run would otherwise store a million rows nobody reads: the snapshot already says what was written).
 */
public enum KeepRowOutcomes {
    /** Failed and rejected rows one by one, counts for the rest (the default). */
    FAILED,
    /** Every row's outcome one by one, successes included. */
    ALL;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
