package dev.sfsync.salesforce.bulk;

/** What a Bulk job does with its rows; {@link #wireName()} is the value both Bulk APIs take. */
public enum Operation {
    INSERT("insert"), UPDATE("update"), UPSERT("upsert"), DELETE("delete"),
    /** Deletes without the recycle bin; the user needs "Bulk API Hard Delete". */
    HARD_DELETE("hardDelete");

    private final String wireName;

    Operation(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
