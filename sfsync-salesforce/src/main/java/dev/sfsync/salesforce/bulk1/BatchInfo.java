package dev.sfsync.salesforce.bulk1;

import java.util.Map;

/**
 * A Bulk API 1.0 batch as Salesforce reports it.
 *
 * @param state        Queued, InProgress, Completed, Failed or NotProcessed
 * @param stateMessage why a batch Failed (e.g. "InvalidBatch : Field name not found : Nmae")
 */
public record BatchInfo(String id, String jobId, String state, String stateMessage, long numberRecordsProcessed, long numberRecordsFailed) {
    public static final String COMPLETED = "Completed";
    public static final String FAILED = "Failed";
    public static final String NOT_PROCESSED = "NotProcessed";

    public boolean finished() {
        return COMPLETED.equals(state) || FAILED.equals(state) || NOT_PROCESSED.equals(state);
    }

    static BatchInfo of(Map<String, String> fields) {
        return new BatchInfo(fields.get("id"), fields.get("jobId"), fields.get("state"), fields.get("stateMessage"),
                number(fields.get("numberRecordsProcessed")), number(fields.get("numberRecordsFailed")));
    }

    private static long number(String text) {
        return text == null || text.isBlank() ? 0 : Long.parseLong(text.strip());
    }
}
