package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.org.OrgLimits;

/**
 * What the org's daily allowances let one chunk of an ingest job write. Salesforce cuts ingest data into a batch per
 * 10,000 records, and each batch counts against the Bulk API batch allocation that Bulk API 1.0 shares; the rows
 * count against Bulk API 2.0's records per 24 hours. Once either is spent the job fails and the rest of its rows stay
 * unprocessed.
 */
final class ChunkAllowance {
    private final OrgLimits limits;
    private String spent;

    ChunkAllowance(OrgLimits limits) {
        this.limits = limits;
    }

    /** How many of the chunk's first {@code rows} rows may be written: all of them, fewer, or none. */
    int grant(int rows) {
        if (!limits.bulkApiBatches().tryAcquire(1)) {
            spent = "the org has used its allocation of " + limits.bulkApiBatches().max() + " Bulk API batches in 24 hours "
                    + "(shared with Bulk API 1.0; one per 10,000 records of ingest data)";
            return 0;
        }
        long granted = limits.bulkV2IngestRecords().acquireUpTo(rows);
        if (granted < rows) {
            spent = "the org has used its allowance of " + limits.bulkV2IngestRecords().max() + " Bulk API records in 24 hours";
        }
        return (int) granted;
    }

    /** Why the job stops after a partial grant, and what to do. */
    JobFailure failure(long processed) {
        return new JobFailure("ExceededQuota : " + Character.toUpperCase(spent.charAt(0)) + spent.substring(1) + "; " + processed
                + " records of this job were processed, the rest are in unprocessedrecords. Submit them again once the "
                + "24-hour window has moved on");
    }
}
