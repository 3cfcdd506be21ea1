package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.soql.SoqlPlan;

import java.time.Instant;
import java.util.Objects;

/** One query job: the checked query it runs and, once processed, the CSV file of its results. */
final class QueryJob {
    /** What the client chose at creation; fixed for the job's life. */
    record Spec(SoqlPlan plan, boolean queryAll, ColumnDelimiter delimiter, LineEnding lineEnding, UserAccount createdBy,
                Instant createdDate, String apiVersion) {
        Spec {
            Objects.requireNonNull(plan, "plan is null");
            Objects.requireNonNull(delimiter, "delimiter is null");
            Objects.requireNonNull(lineEnding, "lineEnding is null");
        }

        String object() {
            return plan.object().name();
        }

        String operation() {
            return queryAll ? "queryAll" : "query";
        }
    }

    /** The moving part of the job, read in one go. */
    record Status(JobState state, Instant systemModstamp, long processed, long totalProcessingMillis, String errorMessage) {
    }

    private final String id;
    private final Spec spec;
    private final JobFiles files;
    private JobState state = JobState.UploadComplete;
    private Instant systemModstamp;
    private long processed;
    private long totalProcessingMillis;
    private String errorMessage;
    private QueryResultFile results;
    private boolean running;
    private volatile boolean discarded;

    QueryJob(String id, Spec spec, JobFiles files) {
        this.id = id;
        this.spec = spec;
        this.files = files;
        this.systemModstamp = spec.createdDate();
    }

    String id() { return id; }
    Spec spec() { return spec; }
    JobFiles files() { return files; }

    synchronized Status status() {
        return new Status(state, systemModstamp, processed, totalProcessingMillis, errorMessage);
    }

    synchronized JobState state() {
        return state;
    }

    synchronized void changeState(JobState next, Instant now) {
        state = next;
        systemModstamp = now;
    }

    /** Moves to {@code next} when the job is in one of {@code from}; returns the state it was in either way. */
    synchronized JobState transition(java.util.Set<JobState> from, JobState next, Instant now) {
        JobState before = state;
        if (from.contains(before)) {
            changeState(next, now);
        }
        return before;
    }

    synchronized boolean begin(Instant now) {
        if (state != JobState.UploadComplete || discarded) {
            return false;
        }
        running = true;
        changeState(JobState.InProgress, now);
        return true;
    }

    synchronized boolean stopped() {
        return state == JobState.Aborted || discarded;
    }

    synchronized void finish(QueryResultFile file, String failure, long totalMillis, Instant now) {
        running = false;
        totalProcessingMillis = totalMillis;
        if (state == JobState.InProgress) {
            state = failure == null ? JobState.JobComplete : JobState.Failed;
            errorMessage = failure;
            results = file;
            processed = file == null ? 0 : file.records();
        }
        systemModstamp = now;
        if (discarded) {
            files.deleteAll();
        }
    }

    synchronized QueryResultFile results() {
        return results;
    }

    synchronized void discard() {
        discarded = true;
        if (!running) {
            files.deleteAll();
        }
    }
}
