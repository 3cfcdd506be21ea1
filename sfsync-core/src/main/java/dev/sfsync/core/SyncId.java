package dev.sfsync.core;

/** The name of a sync as written in the project's config, e.g. {@code accounts_to_salesforce}. */
public record SyncId(String value) {
    public SyncId {
        Ids.check("Sync id", value);
    }

    public static SyncId of(String value) {
        return new SyncId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
