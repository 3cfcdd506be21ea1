package dev.sfsync.salesforce.bulk2;

import dev.sfsync.salesforce.bulk.Operation;

import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.error.ServerError;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.ApiRequest;
import dev.sfsync.salesforce.internal.ApiRequest.Idempotency;
import dev.sfsync.salesforce.internal.Json;
import dev.sfsync.salesforce.internal.RawResponse;
import dev.sfsync.salesforce.internal.RequestBody;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The HTTP calls of Bulk API 2.0 ingest jobs under /jobs/ingest, each with the retry rule that keeps it safe. */
final class IngestJobs {
    private final ApiCaller caller;
    private final String base;

    IngestJobs(ApiCaller caller, String dataPath) {
        this.caller = caller;
        this.base = dataPath + "/jobs/ingest";
    }

    /**
     * Opens a job. Marked repeatable although it creates something: a repeat after a lost answer leaves at most an
     * empty Open job behind, which holds no data and writes nothing.
     */
    JobInfo create(IngestSpec spec) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("object", spec.object());
        if (spec.operation() == Operation.UPSERT) {
            body.put("externalIdFieldName", spec.externalIdField());
        }
        body.put("contentType", "CSV");
        body.put("operation", spec.operation().wireName());
        body.put("lineEnding", "LF");
        body.put("columnDelimiter", "COMMA");
        return send(ApiRequest.send("POST", base, RequestBody.json(Json.write(body)), Idempotency.REPEATABLE));
    }

    /**
     * Uploads the job's CSV. Nothing of it is processed until the job is marked UploadComplete, so an upload whose
     * outcome is unknown is handled by abandoning the job (see {@link Bulk2Client}), never by uploading again into it.
     */
    void upload(String jobId, Path csv) {
        ApiRequest request = ApiRequest.send("PUT", base + "/" + jobId + "/batches", RequestBody.file(csv, "text/csv"), Idempotency.ONCE_ONLY);
        try (RawResponse response = caller.call(request)) {
            response.readAll();
        }
    }

    /** Marks the upload complete; a repeat after a lost answer is recognised by the job having left Open. */
    JobInfo uploadComplete(String jobId) {
        try {
            return setState(jobId, JobInfo.UPLOAD_COMPLETE);
        } catch (ServerError | dev.sfsync.salesforce.error.MalformedRequest e) {
            JobInfo now = info(jobId);
            if (!JobInfo.OPEN.equals(now.state())) {
                return now;
            }
            throw e;
        }
    }

    JobInfo abort(String jobId) {
        return setState(jobId, JobInfo.ABORTED);
    }

    /** Aborts without letting a failure hide the error that made the caller give up on the job. */
    void abortQuietly(String jobId) {
        try {
            abort(jobId);
        } catch (SalesforceException ignored) {
            // An Open job that is never completed writes nothing and Salesforce removes it after a week.
        }
    }

    JobInfo info(String jobId) {
        return send(ApiRequest.get(base + "/" + jobId));
    }

    void delete(String jobId) {
        try (RawResponse response = caller.call(ApiRequest.delete(base + "/" + jobId))) {
            response.readAll();
        }
    }

    /** successfulResults, failedResults or unprocessedrecords, as a CSV stream; close it. */
    InputStream results(String jobId, String resultSet) {
        return caller.call(ApiRequest.get(base + "/" + jobId + "/" + resultSet + "/").withHeader("Accept", "text/csv")).body();
    }

    private JobInfo setState(String jobId, String state) {
        byte[] body = Json.write(Map.of("state", state));
        return send(ApiRequest.send("PATCH", base + "/" + jobId, RequestBody.json(body), Idempotency.REPEATABLE));
    }

    private JobInfo send(ApiRequest request) {
        try (RawResponse response = caller.call(request)) {
            return JobInfo.parse(Json.read(response.readAll()));
        }
    }
}
