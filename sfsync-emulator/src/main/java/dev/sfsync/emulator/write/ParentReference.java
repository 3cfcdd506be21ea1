package dev.sfsync.emulator.write;

import java.util.Objects;

/**
 * A lookup set through the parent's external ID instead of its Id, as in {@code "Account": {"External_Key__c": "A-1"}}
 * (REST) or a {@code Account.External_Key__c} column (Bulk).
 */
public record ParentReference(String relationshipName, String externalIdField, Object value) {
    public ParentReference {
        Objects.requireNonNull(relationshipName, "relationshipName is null");
        Objects.requireNonNull(externalIdField, "externalIdField is null");
    }
}
