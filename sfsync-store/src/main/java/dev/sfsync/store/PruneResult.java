package dev.sfsync.store;

/**
 * What a {@link StateStore#prune} removed (or, for a dry run, would remove).
 *
 * @param runs        runs whose details (row outcomes, API log, cancel request) were removed, the run kept
 * @param rowOutcomes row outcomes removed
 * @param apiCalls    API calls removed
 * @param callBodies  API calls kept whose request and response bodies were removed
 * @param runsDeleted runs removed with everything they had
 */
public record PruneResult(long runs, long rowOutcomes, long apiCalls, long callBodies, long runsDeleted) {
    public static final PruneResult NOTHING = new PruneResult(0, 0, 0, 0, 0);

    public boolean isEmpty() {
        return equals(NOTHING);
    }

    /** As a sentence for a log line or the CLI, e.g. "details of 3 runs, 2 whole runs: 1,200 row outcomes, 40 API calls; bodies of 12 API calls". */
    public String describe() {
        if (isEmpty()) {
            return "nothing";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        if (runs > 0 || runsDeleted > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "details of %,d run%s, %,d whole run%s: %,d row outcomes, %,d API calls", runs,
                    runs == 1 ? "" : "s", runsDeleted, runsDeleted == 1 ? "" : "s", rowOutcomes, apiCalls));
        }
        if (callBodies > 0) {
            parts.add(String.format(java.util.Locale.ROOT, "bodies of %,d API call%s", callBodies, callBodies == 1 ? "" : "s"));
        }
        return String.join("; ", parts);
    }
}
