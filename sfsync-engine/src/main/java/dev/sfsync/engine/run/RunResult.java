package dev.sfsync.engine.run;

import dev.sfsync.core.RunId;
import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.change.CommitResult;
import dev.sfsync.core.outcome.RunSummary;

import java.util.List;
import java.util.Map;

/**
 * What a run did.
 *
 * @param errorCounts failed and rejected rows by error code
 * @param apiCalls    HTTP calls the run made (all recorded in the run's API log)
 * @param stopped     why the run stopped before every row was sent (lost login, spent limit, cancelled); null when it did not
 * @param cancelled   someone cancelled it ({@code stopped} says who): its unsent rows are pending for the next run
 */
public record RunResult(String sync, RunId runId, ChangeCounts changes, RunSummary summary, Map<String, Long> errorCounts,
                        CommitResult commit, long apiCalls, String stopped, List<String> notices, boolean cancelled) {
    public RunResult {
        errorCounts = Map.copyOf(errorCounts);
        notices = List.copyOf(notices);
        if (cancelled && stopped == null) {
            throw new IllegalArgumentException("a cancelled run says who cancelled it in 'stopped'");
        }
    }

    /** A run nobody cancelled. */
    public RunResult(String sync, RunId runId, ChangeCounts changes, RunSummary summary, Map<String, Long> errorCounts,
                     CommitResult commit, long apiCalls, String stopped, List<String> notices) {
        this(sync, runId, changes, summary, errorCounts, commit, apiCalls, stopped, notices, false);
    }

    public boolean allSucceeded() {
        return stopped == null && summary.allSucceeded();
    }
}
