package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.org.UserAccount;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A Bulk API 1.0 job: what it does to which object, its state, and its batches in the order they were added. */
final class Job {
    private final String id;
    private final JobSpec spec;
    private final UserAccount createdBy;
    private final String apiVersion;
    private final Instant createdDate;
    private final Path directory;
    private final List<Batch> batches = new ArrayList<>();
    private final java.util.Set<String> chunkIds = new java.util.HashSet<>();
    private JobState state = JobState.Open;
    private Instant systemModstamp;

    Job(String id, JobSpec spec, UserAccount createdBy, String apiVersion, Instant createdDate, Path directory) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.spec = Objects.requireNonNull(spec, "spec is null");
        this.createdBy = Objects.requireNonNull(createdBy, "createdBy is null");
        this.apiVersion = apiVersion;
        this.createdDate = createdDate;
        this.systemModstamp = createdDate;
        this.directory = directory;
    }

    String id() { return id; }
    Operation operation() { return spec.operation(); }
    String object() { return spec.object(); }
    String externalIdFieldName() { return spec.externalIdFieldName(); }
    JobContentType contentType() { return spec.contentType(); }
    ConcurrencyMode concurrencyMode() { return spec.concurrencyMode(); }
    UserAccount createdBy() { return createdBy; }
    /** The job's PK chunking, or null. */
    PkChunking pkChunking() { return spec.pkChunking(); }
    String apiVersion() { return apiVersion; }
    Path directory() { return directory; }

    synchronized JobState state() { return state; }

    synchronized List<Batch> batches() {
        return List.copyOf(batches);
    }

    synchronized Optional<Batch> batch(String batchId) {
        return batches.stream().filter(b -> b.id().equals(batchId)).findFirst();
    }

    /** When the job last changed: created, a batch added, closed or aborted. */
    synchronized Instant lastActivity() {
        return systemModstamp;
    }

    synchronized void requireOpen() {
        if (state != JobState.Open) {
            throw new AsyncApiException(ExceptionCode.InvalidJobState, "Job " + id + " is " + state
                    + "; batches can only be added to an Open job. Create a new job for more batches.");
        }
    }

    /** Adds a batch whose request is already spooled; only an Open job takes batches. */
    synchronized Batch addBatch(String batchId, Instant now) {
        requireOpen();
        Batch batch = new Batch(batchId, this, now, directory.resolve(batchId + ".request"), directory.resolve(batchId + ".result"));
        batches.add(batch);
        systemModstamp = now;
        return batch;
    }

    /** A batch Salesforce creates for one chunk of a PK-chunked query; the job takes it even when closed. */
    synchronized Batch addChunk(String batchId, Instant now) {
        Batch batch = new Batch(batchId, this, now, directory.resolve(batchId + ".request"), directory.resolve(batchId + ".result"));
        batches.add(batch);
        chunkIds.add(batchId);
        systemModstamp = now;
        return batch;
    }

    /** Whether the batch is a chunk of another (such a batch runs its query as it is). */
    synchronized boolean isChunk(Batch batch) {
        return chunkIds.contains(batch.id());
    }

    synchronized void close(Instant now) {
        if (state == JobState.Closed) {
            return;
        }
        if (state != JobState.Open) {
            throw new AsyncApiException(ExceptionCode.InvalidJobState, "Job " + id + " is " + state + " and cannot be closed; only an Open job can be closed");
        }
        state = JobState.Closed;
        systemModstamp = now;
    }

    /** Aborts the job; its queued batches become NotProcessed, batches in progress finish. */
    synchronized void abort(Instant now) {
        if (state == JobState.Aborted) {
            return;
        }
        if (state == JobState.Failed) {
            throw new AsyncApiException(ExceptionCode.InvalidJobState, "Job " + id + " has Failed and cannot be aborted");
        }
        state = JobState.Aborted;
        systemModstamp = now;
        for (Batch batch : batches) {
            batch.markNotProcessed(now);
        }
    }

    synchronized InfoDocument info() {
        int queued = 0;
        int inProgress = 0;
        int completed = 0;
        int failed = 0;
        long recordsProcessed = 0;
        long recordsFailed = 0;
        long millis = 0;
        for (Batch batch : batches) {
            switch (batch.state()) {
                case Queued -> queued++;
                case InProgress -> inProgress++;
                case Completed -> completed++;
                case Failed -> failed++;
                case NotProcessed -> { }
            }
            recordsProcessed += batch.recordsProcessed();
            recordsFailed += batch.recordsFailed();
            millis += batch.processingMillis();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", id);
        fields.put("operation", spec.operation().name());
        fields.put("object", spec.object());
        fields.put("createdById", createdBy.id());
        fields.put("createdDate", createdDate);
        fields.put("systemModstamp", systemModstamp);
        fields.put("state", state.name());
        fields.put("externalIdFieldName", spec.externalIdFieldName());
        fields.put("concurrencyMode", spec.concurrencyMode().name());
        fields.put("contentType", spec.contentType().name());
        fields.put("numberBatchesQueued", queued);
        fields.put("numberBatchesInProgress", inProgress);
        fields.put("numberBatchesCompleted", completed);
        fields.put("numberBatchesFailed", failed);
        fields.put("numberBatchesTotal", batches.size());
        fields.put("numberRecordsProcessed", recordsProcessed);
        fields.put("numberRetries", 0);
        fields.put("apiVersion", new BigDecimal(apiVersion));
        fields.put("assignmentRuleId", spec.assignmentRuleId());
        fields.put("numberRecordsFailed", recordsFailed);
        fields.put("totalProcessingTime", millis);
        fields.put("apiActiveProcessingTime", millis);
        fields.put("apexProcessingTime", 0L);
        return new InfoDocument("jobInfo", fields);
    }
}
