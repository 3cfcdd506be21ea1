package dev.sfsync.benchmarks;

/**
 * The fewest API calls that can write N rows through each API, counting only what the API itself demands. Logins
 * (OAuth, not counted against the org's API allowance) and describes are overhead on top, shown apart.
 * <ul>
 *   <li>REST: one sObject Collections call per 200 records.</li>
 *   <li>Bulk 1.0: create the job, one upload per batch (at most 10,000 records and 10 MB), close it, at least one poll
 *   to see the batches done, and one result download per batch.</li>
 *   <li>Bulk 2.0: per job, create, upload, close, one poll to see it complete, and successfulResults. A job's upload may
 *   be 150 MB after base64 (the hard limit, which the emulator enforces as 150 MiB); base64 makes 4 bytes of 3, so
 *   112.5 MiB of CSV fit in one job. Salesforce's docs advise 100 MB to leave room, and jsforce loads a million
 *   rows of 10 columns (about 105 MB) in one job, so the minimum counts the hard limit.</li>
 * </ul>
 */
final class MinimumCalls {
    static final int COLLECTIONS_RECORDS = 200;
    static final long BULK2_UPLOAD_BYTES = 150L * 1024 * 1024 * 3 / 4;

    private MinimumCalls() {
    }

    /** @param batchSize Bulk 1.0's records per batch (ignored otherwise); csvBytes the rows as CSV (Bulk 2.0) */
    static long of(SyncApi api, long rows, int batchSize, long csvBytes) {
        return switch (api) {
            case REST -> ceil(rows, COLLECTIONS_RECORDS);
            case BULK1 -> 1 + ceil(rows, batchSize) + 1 + 1 + ceil(rows, batchSize);
            case BULK2 -> bulk2Jobs(csvBytes) * 5;
        };
    }

    static long bulk2Jobs(long csvBytes) {
        return Math.max(1, ceil(csvBytes, BULK2_UPLOAD_BYTES));
    }

    private static long ceil(long a, long b) {
        return (a + b - 1) / b;
    }
}
