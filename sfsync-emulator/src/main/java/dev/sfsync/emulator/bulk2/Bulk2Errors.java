package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.http.ApiException;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The call-level errors of Bulk API 2.0, with Salesforce's error codes and message shapes (the Bulk family prefixes
 * its messages with the code's name, as in {@code InvalidJob : Unable to find object: Foo}).
 */
final class Bulk2Errors {
    private Bulk2Errors() {
    }

    static ApiException unknownObject(String object) {
        return new ApiException(400, "INVALIDJOB", "InvalidJob : Unable to find object: " + (object == null ? "" : object));
    }

    /** An enum-valued property with a value Salesforce does not know. */
    static ApiException invalidValue(String property, String value, Class<? extends Enum<?>> allowed) {
        String values = Arrays.stream(allowed.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
        return new ApiException(400, "API_ERROR", "Invalid value: '" + (value == null ? "" : value) + "' supplied for property: '"
                + property + "' (one of " + values + ")");
    }

    static ApiException missingExternalId(String object) {
        return new ApiException(400, "INVALIDJOB", "InvalidJob : External ID was blank for " + object
                + ". An External ID must be specified for upsert.");
    }

    static ApiException notAnExternalId(String field, String object) {
        return new ApiException(400, "INVALIDJOB", "InvalidJob : Field name provided, " + field + " does not match an External ID for " + object);
    }

    static ApiException externalIdWithoutUpsert(String operation) {
        return new ApiException(400, "INVALIDJOB", "InvalidJob : externalIdFieldName is only valid for upsert, not " + operation
                + "; leave it out or use the upsert operation");
    }

    static ApiException hardDeleteNotPermitted() {
        return new ApiException(400, "INVALIDUSER", "InvalidUser : The hardDelete operation needs the \"Bulk API Hard Delete\" permission; "
                + "grant BulkApiHardDelete to the user's profile, or use the delete operation (records go to the Recycle Bin)");
    }

    static ApiException invalidState(String message) {
        return new ApiException(400, "INVALIDJOBSTATE", message);
    }

    static ApiException notTerminated() {
        return new ApiException(400, "API_ERROR", "Error encountered when deleting the job because the job is not terminated");
    }

    /** Salesforce takes one upload per job and refuses to close a job that got several (its message, typo included). */
    static ApiException multipleUploads(String jobId15) {
        return new ApiException(400, "INVALIDJOB", "Found multipe contents for job: <" + jobId15 + ">, please 'Close' / 'Abort' / 'Delete' "
                + "the current Job then create a new Job and make sure you only do 'PUT' once on a given Job.");
    }

    static ApiException uploadTooLarge(long limitBytes) {
        return new ApiException(400, "EXCEEDED_MAX_SIZE_REQUEST", "The job data exceeds " + limitBytes + " bytes after base64 encoding "
                + "(about " + (limitBytes / 4 * 3) + " bytes of CSV); split the data into several jobs");
    }

    /** Salesforce documents the allowance (DailyBulkV2QueryJobs in /limits) but not its error; this is REST's limit error. */
    static ApiException queryJobsSpent(long max) {
        return new ApiException(403, "REQUEST_LIMIT_EXCEEDED", "ExceededQuota : The org has created its allowance of " + max
                + " Bulk API 2.0 query jobs in 24 hours (DailyBulkV2QueryJobs in /limits); run the query through the REST query "
                + "resource, or create the job once the 24-hour window has moved on");
    }

    static ApiException notCsv(String contentType) {
        return new ApiException(415, "UNSUPPORTED_MEDIA_TYPE", "Content-Type header specified in HTTP request is not supported: "
                + contentType + "; upload job data as text/csv");
    }

    static ApiException invalidLocator(String locator) {
        return new ApiException(400, "INVALID_QUERY_LOCATOR", "invalid query locator: " + locator
                + "; use the value of the Sforce-Locator header (or nextRecordsUrl) exactly as returned");
    }
}
