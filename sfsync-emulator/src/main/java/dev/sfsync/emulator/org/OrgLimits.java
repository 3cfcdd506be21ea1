package dev.sfsync.emulator.org;

import java.time.Clock;
import java.util.Objects;

/**
 * The org's allowances at run time, each counted over 24 hours. Endpoints take from them before doing the work and
 * refuse the work when they are spent:
 * <ul>
 *   <li>every API request: {@link #apiUsage()} (RestAuth does it);</li>
 *   <li>each Bulk 1.0 batch, and the batches Salesforce cuts Bulk 2.0 ingest data into (query jobs take none):
 *       {@code bulkApiBatches().tryAcquire(n)}, else the API's quota error (Bulk 1.0: ExceededQuota);</li>
 *   <li>the rows of a Bulk 2.0 ingest upload as they are processed: {@code bulkV2IngestRecords().acquireUpTo(rows)};</li>
 *   <li>the size of a Bulk 2.0 upload: at most {@link #bulkV2MaxUploadBytes()};</li>
 *   <li>each Bulk 2.0 query job: {@code bulkV2QueryJobs().tryAcquire(1)}, and its results in MB:
 *       {@code bulkV2QueryFileStorageMB()}.</li>
 * </ul>
 * GET /limits reports the ones Salesforce lists there. Thread-safe.
 */
public final class OrgLimits {
    private final ApiUsage apiUsage;
    private final DailyAllowance bulkApiBatches;
    private final DailyAllowance bulkV2IngestRecords;
    private final DailyAllowance bulkV2QueryJobs;
    private final DailyAllowance bulkV2QueryFileStorageMB;
    private volatile LimitSettings settings;

    public OrgLimits(Clock clock, LimitSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings is null");
        this.apiUsage = new ApiUsage(clock, settings.dailyApiRequests());
        this.bulkApiBatches = new DailyAllowance(clock, settings.dailyBulkApiBatches());
        this.bulkV2IngestRecords = new DailyAllowance(clock, settings.bulkV2IngestRecordsPerDay());
        this.bulkV2QueryJobs = new DailyAllowance(clock, settings.dailyBulkV2QueryJobs());
        this.bulkV2QueryFileStorageMB = new DailyAllowance(clock, settings.dailyBulkV2QueryFileStorageMB());
    }

    public ApiUsage apiUsage() { return apiUsage; }
    public DailyAllowance bulkApiBatches() { return bulkApiBatches; }
    public DailyAllowance bulkV2IngestRecords() { return bulkV2IngestRecords; }
    public DailyAllowance bulkV2QueryJobs() { return bulkV2QueryJobs; }
    public DailyAllowance bulkV2QueryFileStorageMB() { return bulkV2QueryFileStorageMB; }
    public long bulkV2MaxUploadBytes() { return settings.bulkV2MaxUploadBytes(); }

    /** The maxima in force (what has been used is not part of them). */
    public LimitSettings settings() {
        return settings;
    }

    /** New maxima; what has been used so far stays used. */
    public void apply(LimitSettings newSettings) {
        settings = Objects.requireNonNull(newSettings, "newSettings is null");
        apiUsage.setMax(newSettings.dailyApiRequests());
        bulkApiBatches.setMax(newSettings.dailyBulkApiBatches());
        bulkV2IngestRecords.setMax(newSettings.bulkV2IngestRecordsPerDay());
        bulkV2QueryJobs.setMax(newSettings.dailyBulkV2QueryJobs());
        bulkV2QueryFileStorageMB.setMax(newSettings.dailyBulkV2QueryFileStorageMB());
    }

    /** Back to these maxima with nothing used. */
    public void reset(LimitSettings fileSettings) {
        apply(fileSettings);
        apiUsage.reset();
        bulkApiBatches.reset();
        bulkV2IngestRecords.reset();
        bulkV2QueryJobs.reset();
        bulkV2QueryFileStorageMB.reset();
    }
}
