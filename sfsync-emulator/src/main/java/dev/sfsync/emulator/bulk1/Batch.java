package dev.sfsync.emulator.bulk1;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One batch of a job: its spooled request, its state and counters, and where its results go. State changes come
 * from the request thread (abort) and a worker thread (processing), so they are synchronized.
 */
final class Batch {
    private final String id;
    private final Job job;
    private final Instant createdDate;
    private final Path requestFile;
    private final Path resultFile;
    private final List<String> resultIds = new ArrayList<>();
    private BatchState state = BatchState.Queued;
    private String stateMessage;
    private Instant systemModstamp;
    private int recordsProcessed;
    private int recordsFailed;
    private long processingMillis;
    private volatile boolean cancelled;

    Batch(String id, Job job, Instant createdDate, Path requestFile, Path resultFile) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.job = Objects.requireNonNull(job, "job is null");
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
        this.requestFile = requestFile;
        this.resultFile = resultFile;
    }

    String id() { return id; }
    Job job() { return job; }
    Path requestFile() { return requestFile; }
    Path resultFile() { return resultFile; }

    /** Set when the org is reset or the emulator stops: a worker stops before its next chunk of records. */
    boolean cancelled() { return cancelled; }
    void cancel() { cancelled = true; }

    synchronized BatchState state() { return state; }
    synchronized int recordsProcessed() { return recordsProcessed; }
    synchronized int recordsFailed() { return recordsFailed; }
    synchronized long processingMillis() { return processingMillis; }
    synchronized List<String> resultIds() { return List.copyOf(resultIds); }

    /** Queued to InProgress; false when the batch is no longer Queued (its job was aborted meanwhile). */
    synchronized boolean start(Instant now) {
        if (state != BatchState.Queued) {
            return false;
        }
        state = BatchState.InProgress;
        systemModstamp = now;
        return true;
    }

    synchronized void progress(int processed, int failed, Instant now) {
        recordsProcessed += processed;
        recordsFailed += failed;
        systemModstamp = now;
    }

    synchronized void addResultId(String resultId) {
        resultIds.add(resultId);
    }

    synchronized void complete(Instant now, long millis) {
        state = BatchState.Completed;
        processingMillis = millis;
        systemModstamp = now;
    }

    /** Failed as a whole, e.g. an unknown column or too many records; stateMessage says why, as "Code : message". */
    synchronized void fail(String message, Instant now, long millis) {
        state = BatchState.Failed;
        stateMessage = message;
        processingMillis = millis;
        systemModstamp = now;
    }

    /** A queued batch of an aborted job is never processed; one already in progress runs to its end. */
    synchronized boolean markNotProcessed(Instant now) {
        if (state != BatchState.Queued) {
            return false;
        }
        state = BatchState.NotProcessed;
        systemModstamp = now;
        return true;
    }

    /** The original batch of a PK-chunked query once its chunks are queued: Salesforce leaves it NotProcessed. */
    synchronized void chunked(Instant now, long millis) {
        state = BatchState.NotProcessed;
        processingMillis = millis;
        systemModstamp = now;
    }

    synchronized InfoDocument info() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("jobId", job.id());
        fields.put("state", state.name());
        fields.put("stateMessage", stateMessage);
        fields.put("createdDate", createdDate);
        fields.put("systemModstamp", systemModstamp);
        fields.put("numberRecordsProcessed", recordsProcessed);
        fields.put("numberRecordsFailed", recordsFailed);
        fields.put("totalProcessingTime", processingMillis);
        fields.put("apiActiveProcessingTime", processingMillis);
        fields.put("apexProcessingTime", 0L);
        return new InfoDocument("batchInfo", fields);
    }
}
