package dev.sfsync.salesforce.bulk2;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A Bulk API 2.0 job as Salesforce reports it (ingest or query).
 *
 * @param state        Open, UploadComplete, InProgress, JobComplete, Failed or Aborted
 * @param errorMessage why a Failed job failed; null otherwise
 */
public record JobInfo(String id, String object, String operation, String state, long numberRecordsProcessed, long numberRecordsFailed,
                      String errorMessage) {
    public static final String OPEN = "Open";
    public static final String UPLOAD_COMPLETE = "UploadComplete";
    public static final String IN_PROGRESS = "InProgress";
    public static final String JOB_COMPLETE = "JobComplete";
    public static final String FAILED = "Failed";
    public static final String ABORTED = "Aborted";

    /** JobComplete, Failed or Aborted: nothing more will happen to the job. */
    public boolean finished() {
        return JOB_COMPLETE.equals(state) || FAILED.equals(state) || ABORTED.equals(state);
    }

    static JobInfo parse(JsonNode body) {
        return new JobInfo(body.path("id").asText(), text(body, "object"), text(body, "operation"), body.path("state").asText(),
                body.path("numberRecordsProcessed").asLong(0), body.path("numberRecordsFailed").asLong(0), text(body, "errorMessage"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
