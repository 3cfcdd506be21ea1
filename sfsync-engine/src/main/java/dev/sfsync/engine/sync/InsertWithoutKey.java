package dev.sfsync.engine.sync;

/**
 * What an insert sync without an idempotency key promises when a create's answer is lost (a crash, a dropped
 * connection after Salesforce processed the call): nothing can tell afterwards whether the record was created.
 * With a key ({@code match} naming an external ID field) sfsync looks the rows up instead and creates each once.
 */
public enum InsertWithoutKey {
    /** Such a row is not sent again: it may be missing from Salesforce, never doubled. It is reported as OUTCOME_UNKNOWN. */
    AT_MOST_ONCE,
    /** Such a row is sent again: it may be created twice, never lost. */
    AT_LEAST_ONCE;

    public String configName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
