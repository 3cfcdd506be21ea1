package dev.sfsync.core.outcome;

/** The kinds of {@link RowOutcome}, as stored and counted. */
public enum OutcomeStatus {
    CREATED, UPDATED, DELETED, UNCHANGED, REJECTED, FAILED;

    /** Whether Salesforce now holds what the row says (or nothing had to be done). */
    public boolean succeeded() {
        return this != REJECTED && this != FAILED;
    }
}
