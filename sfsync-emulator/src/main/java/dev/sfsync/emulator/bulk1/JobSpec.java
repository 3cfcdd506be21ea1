package dev.sfsync.emulator.bulk1;

import java.util.Objects;

/**
 * What a create-job request asks for, checked against the org before the job exists.
 *
 * @param pkChunking a query job's PK chunking, or null
 */
record JobSpec(Operation operation, String object, String externalIdFieldName, JobContentType contentType,
               ConcurrencyMode concurrencyMode, String assignmentRuleId, PkChunking pkChunking) {
    JobSpec {
        Objects.requireNonNull(operation, "operation is null");
        Objects.requireNonNull(object, "object is null");
        Objects.requireNonNull(contentType, "contentType is null");
        Objects.requireNonNull(concurrencyMode, "concurrencyMode is null");
    }
}
