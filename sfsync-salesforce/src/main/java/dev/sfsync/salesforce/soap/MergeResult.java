package dev.sfsync.salesforce.soap;

import dev.sfsync.salesforce.error.SalesforceError;

import java.util.List;

/**
 * The partner API's MergeResult: the surviving record, the records merged into it (now deleted, with MasterRecordId
 * set), and the child records re-parented to it.
 */
public record MergeResult(String id, boolean success, List<String> mergedRecordIds, List<String> updatedRelatedIds, List<SalesforceError> errors) {
    public MergeResult {
        mergedRecordIds = List.copyOf(mergedRecordIds);
        updatedRelatedIds = List.copyOf(updatedRelatedIds);
        errors = List.copyOf(errors);
    }

    public SalesforceError firstError() {
        return errors.isEmpty() ? null : errors.getFirst();
    }
}
