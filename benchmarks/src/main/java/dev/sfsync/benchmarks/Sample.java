package dev.sfsync.benchmarks;

/**
 * One measured run of one figure. Figures that do not apply are -1 (a diff makes no API call; jsforce keeps no log).
 *
 * @param orgCalls     API requests the emulated org counted during the run (its daily allowance: the same counter for
 *                     sfsync and jsforce; OAuth logins are not counted, as on Salesforce)
 * @param ownCalls     sfsync's own count, from the run's API log (logins included)
 * @param minimumCalls the fewest calls the API allows for these rows ({@link MinimumCalls})
 */
record Sample(String figure, long rows, double wallSeconds, double cpuSeconds, long peakRssBytes, long orgCalls, long ownCalls,
              long minimumCalls, String callsByKind) {
    static Sample diff(String figure, long rows, double wallSeconds, long peakRssBytes) {
        return new Sample(figure, rows, wallSeconds, -1, peakRssBytes, -1, -1, -1, "");
    }
}
