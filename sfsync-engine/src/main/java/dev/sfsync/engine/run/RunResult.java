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
 * @param stopped     why the run stopped before every row was sent (lost login, spent limit); null when it did not
 */
public record RunResult(String sync, RunId runId, ChangeCounts changes, RunSummary summary, Map<String, Long> errorCounts,
                        CommitResult commit, long apiCalls, String stopped, List<String> notices) {
    public RunResult {
        errorCounts = Map.copyOf(errorCounts);
        notices = List.copyOf(notices);
    }

    public boolean allSucceeded() {
        return stopped == null && summary.allSucceeded();
    }
}
