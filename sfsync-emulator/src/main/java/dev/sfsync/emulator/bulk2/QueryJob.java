package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.soql.SoqlPlan;

import java.time.Instant;
import java.util.Objects;

/** One query job: the checked query it runs and, once processed, the CSV file of its results. */
final class QueryJob extends BulkJob {
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

    private final Spec spec;
    private long processed;
    private long totalProcessingMillis;
    private String errorMessage;
    private QueryResultFile results;

    QueryJob(String id, Spec spec, JobFiles files) {
        super(id, files, JobState.UploadComplete, spec.createdDate());
        this.spec = spec;
    }

    Spec spec() {
        return spec;
    }

    synchronized Status status() {
        return new Status(state(), systemModstamp(), processed, totalProcessingMillis, errorMessage);
    }

    synchronized QueryResultFile results() {
        return results;
    }

    /** Ends a run with its results, or with the failure that stopped it. */
    synchronized void finish(QueryResultFile file, String failure, long totalMillis, Instant now) {
        totalProcessingMillis = totalMillis;
        if (endRun(failure == null ? JobState.JobComplete : JobState.Failed, now)) {
            errorMessage = failure;
            results = file;
            processed = file == null ? 0 : file.records();
        }
    }
}
