package dev.sfsync.salesforce.bulk2;

import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.ApiRequest;
import dev.sfsync.salesforce.internal.ApiRequest.Idempotency;
import dev.sfsync.salesforce.internal.Json;
import dev.sfsync.salesforce.internal.RawResponse;
import dev.sfsync.salesforce.internal.RequestBody;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The HTTP calls of Bulk API 2.0 query jobs under /jobs/query. */
final class QueryJobs {
    private final ApiCaller caller;
    private final String base;

    QueryJobs(ApiCaller caller, String dataPath) {
        this.caller = caller;
        this.base = dataPath + "/jobs/query";
    }

    /** Reads only; a repeat after a lost answer at worst runs the query twice, so it may be retried. */
    JobInfo create(String soql, boolean includeDeleted) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("operation", includeDeleted ? "queryAll" : "query");
        body.put("query", soql);
        body.put("contentType", "CSV");
        body.put("columnDelimiter", "COMMA");
        body.put("lineEnding", "LF");
        try (RawResponse response = caller.call(ApiRequest.send("POST", base, RequestBody.json(Json.write(body)), Idempotency.REPEATABLE))) {
            return JobInfo.parse(Json.read(response.readAll()));
        }
    }

    JobInfo info(String jobId) {
        try (RawResponse response = caller.call(ApiRequest.get(base + "/" + jobId))) {
            return JobInfo.parse(Json.read(response.readAll()));
        }
    }

    /** One page of results; the caller reads Sforce-Locator from it and closes it. */
    RawResponse results(String jobId, String locator, int maxRecords) {
        String target = base + "/" + jobId + "/results?maxRecords=" + maxRecords + (locator == null ? "" : "&locator=" + locator);
        return caller.call(ApiRequest.get(target).withHeader("Accept", "text/csv"));
    }

    SalesforceException failed(JobInfo job) {
        String message = "query job " + job.id() + " ended " + job.state() + (job.errorMessage() == null ? "" : ": " + job.errorMessage());
        return SalesforceException.of(new SalesforceException.Failure("Bulk API 2.0 query " + job.id(), 0, ErrorKind.MALFORMED,
                List.of(new SalesforceError("BULK_QUERY_FAILED", message))), null);
    }
}
