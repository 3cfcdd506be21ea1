package dev.sfsync.salesforce.bulk1;

import dev.sfsync.salesforce.error.ServerError;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.ApiRequest;
import dev.sfsync.salesforce.internal.ApiRequest.Idempotency;
import dev.sfsync.salesforce.internal.RawResponse;
import dev.sfsync.salesforce.internal.RequestBody;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The HTTP calls of Bulk API 1.0 under /services/async/{version}: the session travels in X-SFDC-Session, job and
 * batch documents are XML, batches are CSV.
 */
final class Bulk1Jobs {
    private static final String XML = "application/xml; charset=UTF-8";

    private final ApiCaller caller;
    private final String base;

    Bulk1Jobs(ApiCaller caller, String apiVersion) {
        this.caller = caller;
        this.base = "/services/async/" + apiVersion + "/job";
    }

    /** Opens a job. Repeatable: a repeat after a lost answer leaves at most an empty open job, which writes nothing. */
    String create(Bulk1Spec spec) {
        Map<String, String> job = new LinkedHashMap<>();
        job.put("operation", spec.operation().wireName());
        job.put("object", spec.object());
        job.put("externalIdFieldName", spec.operation() == dev.sfsync.salesforce.bulk.Operation.UPSERT ? spec.externalIdField() : null);
        job.put("concurrencyMode", spec.concurrencyMode().wireName());
        job.put("contentType", "CSV");
        return xml(ApiRequest.send("POST", base, RequestBody.bytes(AsyncXml.jobInfo(job), XML), Idempotency.REPEATABLE)).get("id");
    }

    /**
     * Adds a batch. A batch sent twice would load its rows twice, so a lost answer is settled by asking for the job's
     * batches: one the client does not know yet is the lost one; if there is none, the batch never arrived and goes again.
     */
    BatchInfo addBatch(String jobId, Path csv, Set<String> knownBatchIds) {
        return add(jobId, RequestBody.file(csv, "text/csv; charset=UTF-8"), knownBatchIds);
    }

    private BatchInfo add(String jobId, RequestBody body, Set<String> knownBatchIds) {
        ApiRequest request = session(ApiRequest.send("POST", base + "/" + jobId + "/batch", body, Idempotency.ONCE_ONLY));
        try {
            try (RawResponse response = caller.call(request)) {
                return BatchInfo.of(AsyncXml.record(response.readAll()));
            }
        } catch (ServerError e) {
            if (!e.outcomeUnknown()) {
                throw e;
            }
            List<BatchInfo> now = batches(jobId);
            for (BatchInfo batch : now) {
                if (!knownBatchIds.contains(batch.id())) {
                    return batch;
                }
            }
            try (RawResponse response = caller.call(request)) {
                return BatchInfo.of(AsyncXml.record(response.readAll()));
            }
        }
    }

    /**
     * Opens a query job (queryAll when deleted records are wanted); with a chunk size, Salesforce splits the job's
     * query into batches of that many Ids ({@code Sforce-Enable-PKChunking: chunkSize=N}). Reads only, so repeatable.
     */
    String createQuery(String object, boolean includeDeleted, int chunkSize) {
        Map<String, String> job = new LinkedHashMap<>();
        job.put("operation", includeDeleted ? "queryAll" : "query");
        job.put("object", object);
        job.put("concurrencyMode", "Parallel");
        job.put("contentType", "CSV");
        ApiRequest request = ApiRequest.send("POST", base, RequestBody.bytes(AsyncXml.jobInfo(job), XML), Idempotency.REPEATABLE);
        if (chunkSize > 0) {
            request = request.withHeader(PK_CHUNKING, "chunkSize=" + chunkSize);
        }
        return xml(request).get("id");
    }

    static final String PK_CHUNKING = "Sforce-Enable-PKChunking";

    /**
     * Adds the query batch. A second one would read every record twice, so a lost answer is settled as for a data
     * batch: the job's batches tell whether it arrived.
     */
    BatchInfo addQuery(String jobId, String soql) {
        return add(jobId, RequestBody.bytes(soql.getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv; charset=UTF-8"), Set.of());
    }

    /** The SOQL a batch ran: for a PK chunk, the job's query with the chunk's Id range added. */
    String queryOf(String jobId, String batchId) {
        try (RawResponse response = caller.call(session(ApiRequest.get(base + "/" + jobId + "/batch/" + batchId + "/request")))) {
            return new String(response.readAll(), java.nio.charset.StandardCharsets.UTF_8).strip();
        }
    }

    /** The ids of a finished query batch's result files, in order (Salesforce splits a batch's results above 1 GB). */
    List<String> resultIds(String jobId, String batchId) {
        try (RawResponse response = caller.call(session(ApiRequest.get(base + "/" + jobId + "/batch/" + batchId + "/result")))) {
            return AsyncXml.texts(response.readAll(), "result");
        }
    }

    /** One result file of a query batch, as CSV with a header row; close it. */
    InputStream queryResult(String jobId, String batchId, String resultId) {
        return caller.call(session(ApiRequest.get(base + "/" + jobId + "/batch/" + batchId + "/result/" + resultId))).body();
    }

    void close(String jobId) {
        setState(jobId, "Closed");
    }

    void abort(String jobId) {
        setState(jobId, "Aborted");
    }

    List<BatchInfo> batches(String jobId) {
        try (RawResponse response = caller.call(session(ApiRequest.get(base + "/" + jobId + "/batch")))) {
            return AsyncXml.records(response.readAll(), "batchInfo").stream().map(BatchInfo::of).toList();
        }
    }

    /** The batch's results CSV ("Id","Success","Created","Error"), one row per batch row in batch order; close it. */
    InputStream results(String jobId, String batchId) {
        return caller.call(session(ApiRequest.get(base + "/" + jobId + "/batch/" + batchId + "/result"))).body();
    }

    /** The CSV the batch was sent as (Salesforce keeps it with the job), rows in the order its results come in; close it. */
    InputStream request(String jobId, String batchId) {
        return caller.call(session(ApiRequest.get(base + "/" + jobId + "/batch/" + batchId + "/request"))).body();
    }

    private void setState(String jobId, String state) {
        xml(ApiRequest.send("POST", base + "/" + jobId, RequestBody.bytes(AsyncXml.jobInfo(Map.of("state", state)), XML), Idempotency.REPEATABLE));
    }

    private Map<String, String> xml(ApiRequest request) {
        try (RawResponse response = caller.call(session(request))) {
            return AsyncXml.record(response.readAll());
        }
    }

    private static ApiRequest session(ApiRequest request) {
        return request.withAuth(ApiRequest.Auth.SFDC_SESSION_HEADER);
    }
}
