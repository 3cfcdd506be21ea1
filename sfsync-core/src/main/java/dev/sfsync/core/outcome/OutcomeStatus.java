package dev.sfsync.core.outcome;

/** The kinds of {@link RowOutcome}, as stored and counted. */
public enum OutcomeStatus {
    CREATED, UPDATED, DELETED, UNCHANGED, REJECTED, FAILED,
    /** Merged into its group's parent record (merge syncs): the row's record is gone, its related records moved. */
    MERGED;

    /** Whether Salesforce now holds what the row says (or nothing had to be done). */
    public boolean succeeded() {
        return this != REJECTED && this != FAILED;
    }
}
