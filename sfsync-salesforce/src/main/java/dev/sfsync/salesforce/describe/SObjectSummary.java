package dev.sfsync.salesforce.describe;

/** One object in describeGlobal. */
public record SObjectSummary(String name, String label, String keyPrefix, boolean custom, boolean createable, boolean updateable,
                             boolean deletable, boolean queryable) {
}
