package dev.sfsync.salesforce.metadata;

import dev.sfsync.salesforce.error.SalesforceError;

import java.util.List;

/** The Metadata API's SaveResult / UpsertResult for one component: a failure is data, as with records. */
public record MetadataResult(String fullName, boolean success, boolean created, List<SalesforceError> errors) {
    public MetadataResult {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public SalesforceError firstError() {
        return errors.isEmpty() ? null : errors.getFirst();
    }
}
