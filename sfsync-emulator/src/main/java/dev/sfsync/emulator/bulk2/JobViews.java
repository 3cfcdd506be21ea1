package dev.sfsync.emulator.bulk2;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Job info as the Bulk API 2.0 resources return it, field for field in Salesforce's order: the short form after create
 * and state changes, the full form of GET, and the form of each entry in a job list.
 */
final class JobViews {
    private JobViews() {
    }

    /**
     * What a state change may carry besides {@code state}: the job's read-only properties, which Salesforce ignores
     * there. Clients that keep a job object send it back whole ({@code {"id":…,"state":"UploadComplete",…}} is what
     * Camel's salesforce component sends); the docs only show {@code {"state":…}}.
     */
    static final Set<String> ECHOED_PROPERTIES = Set.of("state", "id", "operation", "object", "createdById", "createdDate",
            "systemModstamp", "concurrencyMode", "contentType", "apiVersion", "jobType", "contentUrl", "lineEnding",
            "columnDelimiter", "externalIdFieldName", "assignmentRuleId", "query", "numberRecordsProcessed", "numberRecordsFailed",
            "retries", "totalProcessingTime", "apiActiveProcessingTime", "apexProcessingTime", "errorMessage", "isPkChunkingSupported");

    static Map<String, Object> ingestCreated(IngestJob job) {
        Map<String, Object> view = ingestHead(job, job.status());
        view.put("contentUrl", contentUrl(job));
        ingestFormat(job, view);
        return view;
    }

    /** After a multipart create, which uploads the data and closes the job at once: no contentUrl. */
    static Map<String, Object> ingestCreatedWithData(IngestJob job) {
        Map<String, Object> view = ingestHead(job, job.status());
        ingestFormat(job, view);
        return view;
    }

    static Map<String, Object> ingestChanged(IngestJob job) {
        return ingestHead(job, job.status());
    }

    static Map<String, Object> ingestListed(IngestJob job) {
        return ingestListed(job, job.status());
    }

    private static Map<String, Object> ingestListed(IngestJob job, IngestJob.Status status) {
        Map<String, Object> view = ingestHead(job, status);
        view.put("jobType", "V2Ingest");
        if (status.state() == JobState.Open) {
            view.put("contentUrl", contentUrl(job));
        }
        ingestFormat(job, view);
        return view;
    }

    static Map<String, Object> ingestInfo(IngestJob job) {
        IngestJob.Status status = job.status();
        Map<String, Object> view = ingestListed(job, status);
        view.put("numberRecordsProcessed", status.processed());
        view.put("numberRecordsFailed", status.failed());
        view.put("retries", 0);
        view.put("totalProcessingTime", status.totalProcessingMillis());
        view.put("apiActiveProcessingTime", status.activeProcessingMillis());
        view.put("apexProcessingTime", 0);
        if (status.errorMessage() != null) {
            view.put("errorMessage", status.errorMessage());
        }
        return view;
    }

    static Map<String, Object> queryChanged(QueryJob job) {
        return queryHead(job, job.status());
    }

    static Map<String, Object> queryCreated(QueryJob job) {
        Map<String, Object> view = queryHead(job, job.status());
        queryFormat(job, view);
        return view;
    }

    static Map<String, Object> queryListed(QueryJob job) {
        return queryListed(job, job.status());
    }

    private static Map<String, Object> queryListed(QueryJob job, QueryJob.Status status) {
        Map<String, Object> view = queryHead(job, status);
        view.put("jobType", "V2Query");
        queryFormat(job, view);
        return view;
    }

    static Map<String, Object> queryInfo(QueryJob job) {
        QueryJob.Status status = job.status();
        Map<String, Object> view = queryListed(job, status);
        view.put("numberRecordsProcessed", status.processed());
        view.put("retries", 0);
        view.put("totalProcessingTime", status.totalProcessingMillis());
        view.put("isPkChunkingSupported", true);
        if (status.errorMessage() != null) {
            view.put("errorMessage", status.errorMessage());
        }
        return view;
    }

    private static Map<String, Object> ingestHead(IngestJob job, IngestJob.Status status) {
        IngestJob.Spec spec = job.spec();
        Map<String, Object> view = head(job.id(), spec.operation().name(), spec.object(), spec.createdBy().id(), spec.createdDate(),
                status.systemModstamp(), status.state());
        if (spec.externalIdFieldName() != null) {
            view.put("externalIdFieldName", spec.externalIdFieldName());
        }
        tail(view, spec.apiVersion());
        return view;
    }

    private static Map<String, Object> queryHead(QueryJob job, QueryJob.Status status) {
        QueryJob.Spec spec = job.spec();
        Map<String, Object> view = head(job.id(), spec.operation(), spec.object(), spec.createdBy().id(), spec.createdDate(),
                status.systemModstamp(), status.state());
        tail(view, spec.apiVersion());
        return view;
    }

    private static Map<String, Object> head(String id, String operation, String object, String createdById, Instant createdDate,
                                            Instant systemModstamp, JobState state) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", id);
        view.put("operation", operation);
        view.put("object", object);
        view.put("createdById", createdById);
        view.put("createdDate", createdDate);
        view.put("systemModstamp", systemModstamp);
        view.put("state", state.name());
        return view;
    }

    private static void tail(Map<String, Object> view, String apiVersion) {
        view.put("concurrencyMode", "Parallel");
        view.put("contentType", "CSV");
        view.put("apiVersion", Double.parseDouble(apiVersion));
    }

    private static void ingestFormat(IngestJob job, Map<String, Object> view) {
        format(view, job.spec().lineEnding(), job.spec().delimiter());
    }

    private static void queryFormat(QueryJob job, Map<String, Object> view) {
        format(view, job.spec().lineEnding(), job.spec().delimiter());
    }

    private static void format(Map<String, Object> view, LineEnding lineEnding, ColumnDelimiter delimiter) {
        view.put("lineEnding", lineEnding.name());
        view.put("columnDelimiter", delimiter.name());
    }

    /** As Salesforce gives it: relative to the instance, without a leading slash. */
    private static String contentUrl(IngestJob job) {
        return "services/data/v" + job.spec().apiVersion() + "/jobs/ingest/" + job.id() + "/batches";
    }
}
