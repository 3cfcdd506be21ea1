package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.org.UserAccount;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One ingest job: what the client asked for when it created the job, and where processing stands. The HTTP threads
 * change its state (upload, close, abort) while a worker processes it, so every change goes through this object's lock.
 */
final class IngestJob {
    /** The three result sets of a job. */
    enum ResultKind { SUCCESSFUL, FAILED, UNPROCESSED }

    /** What the client chose at creation; fixed for the job's life. */
    record Spec(String object, IngestOperation operation, String externalIdFieldName, ColumnDelimiter delimiter, LineEnding lineEnding,
                UserAccount createdBy, Instant createdDate, String apiVersion) {
        Spec {
            Objects.requireNonNull(object, "object is null");
            Objects.requireNonNull(operation, "operation is null");
            Objects.requireNonNull(delimiter, "delimiter is null");
            Objects.requireNonNull(lineEnding, "lineEnding is null");
        }
    }

    /** The moving part of the job, read in one go so a response never mixes two moments. */
    record Status(JobState state, Instant systemModstamp, long processed, long failed, long totalProcessingMillis,
                  long activeProcessingMillis, String errorMessage) {
    }

    private final String id;
    private final Spec spec;
    private final JobFiles files;
    private final List<UploadedData> uploads = new ArrayList<>();
    private final Map<ResultKind, Path> results = new EnumMap<>(ResultKind.class);
    private JobState state = JobState.Open;
    private Instant systemModstamp;
    private long processed;
    private long failed;
    private long totalProcessingMillis;
    private long activeProcessingMillis;
    private String errorMessage;
    private boolean running;
    private volatile boolean discarded;

    IngestJob(String id, Spec spec, JobFiles files) {
        this.id = id;
        this.spec = spec;
        this.files = files;
        this.systemModstamp = spec.createdDate();
    }

    String id() { return id; }
    Spec spec() { return spec; }
    JobFiles files() { return files; }

    synchronized Status status() {
        return new Status(state, systemModstamp, processed, failed, totalProcessingMillis, activeProcessingMillis, errorMessage);
    }

    synchronized JobState state() {
        return state;
    }

    synchronized List<UploadedData> uploads() {
        return List.copyOf(uploads);
    }

    synchronized long uploadedBytes() {
        return uploads.stream().mapToLong(UploadedData::bytes).sum();
    }

    /** Keeps an upload unless the job left the Open state while it arrived. */
    synchronized boolean addUploadWhileOpen(UploadedData upload) {
        if (state != JobState.Open) {
            return false;
        }
        uploads.add(upload);
        return true;
    }

    /** Moves to {@code next} when the job is in one of {@code from}; returns the state it was in either way. */
    synchronized JobState transition(java.util.Set<JobState> from, JobState next, Instant now) {
        JobState before = state;
        if (from.contains(before)) {
            changeState(next, now);
        }
        return before;
    }

    synchronized void changeState(JobState next, Instant now) {
        state = next;
        systemModstamp = now;
    }

    /** Moves an UploadComplete job to InProgress for the worker; false when it was aborted or discarded meanwhile. */
    synchronized boolean begin(Instant now) {
        if (state != JobState.UploadComplete || discarded) {
            return false;
        }
        running = true;
        changeState(JobState.InProgress, now);
        return true;
    }

    /** True once the job was aborted or thrown away: the worker stops at its next chunk. */
    synchronized boolean stopped() {
        return state == JobState.Aborted || discarded;
    }

    boolean discarded() {
        return discarded;
    }

    synchronized void progress(long processedRows, long failedRows, long activeMillis) {
        processed += processedRows;
        failed += failedRows;
        activeProcessingMillis += activeMillis;
    }

    synchronized void result(ResultKind kind, Path file) {
        results.put(kind, file);
    }

    synchronized Path result(ResultKind kind) {
        return results.get(kind);
    }

    /** Ends a run: the final state unless the client aborted meanwhile; a failure keeps its message. */
    synchronized void finish(JobState outcome, String message, long totalMillis, Instant now) {
        running = false;
        totalProcessingMillis = totalMillis;
        if (state == JobState.InProgress) {
            state = outcome;
            errorMessage = message;
        }
        systemModstamp = now;
        if (discarded) {
            files.deleteAll();
        }
    }

    /** Forgets the job (deleted, or the org was reset): its files go now, or when its run ends. */
    synchronized void discard() {
        discarded = true;
        if (!running) {
            files.deleteAll();
        }
    }
}
