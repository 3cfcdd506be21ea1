package dev.sfsync.engine.sync;

import java.util.Objects;

/**
 * Fills a reference field from another record: "set {@code field} to the Id of the {@code object} whose
 * {@code matchField} equals {@code column}", e.g. Contact.AccountId from Account.External_Key__c.
 */
public record Lookup(String field, String object, String matchField, String column) {
    public Lookup {
        Objects.requireNonNull(field, "field is null");
        Objects.requireNonNull(object, "object is null");
        Objects.requireNonNull(matchField, "matchField is null");
        Objects.requireNonNull(column, "column is null");
    }
}
