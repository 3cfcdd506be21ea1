package dev.sfsync.engine.twoway;

/** What settles a field changed on both sides since the last run; every conflict is recorded with both values. */
public enum ConflictRule {
    SALESFORCE_WINS,
    DATABASE_WINS,
    /** The side modified last: the record's LastModifiedDate against the row's updated_at column. */
    LATEST_WINS
}
