package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.org.UserAccount;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** One ingest job: what the client asked for when it created the job, its uploads, progress and result files. */
final class IngestJob extends BulkJob {
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

    private final Spec spec;
    private final List<UploadedData> uploads = new ArrayList<>();
    private final Map<ResultKind, Path> results = new EnumMap<>(ResultKind.class);
    private long processed;
    private long failed;
    private long totalProcessingMillis;
    private long activeProcessingMillis;
    private String errorMessage;

    IngestJob(String id, Spec spec, JobFiles files) {
        super(id, files, JobState.Open, spec.createdDate());
        this.spec = spec;
    }

    Spec spec() {
        return spec;
    }

    synchronized Status status() {
        return new Status(state(), systemModstamp(), processed, failed, totalProcessingMillis, activeProcessingMillis, errorMessage);
    }

    synchronized List<UploadedData> uploads() {
        return List.copyOf(uploads);
    }

    synchronized long uploadedBytes() {
        return uploads.stream().mapToLong(UploadedData::bytes).sum();
    }

    /** Keeps an upload unless the job left the Open state while it arrived. */
    synchronized boolean addUploadWhileOpen(UploadedData upload) {
        if (state() != JobState.Open) {
            return false;
        }
        uploads.add(upload);
        return true;
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
        totalProcessingMillis = totalMillis;
        if (endRun(outcome, now)) {
            errorMessage = message;
        }
    }
}
