package dev.sfsync.emulator.org;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The org's allowances as the {@code limits:} section of the org file sets them; left-out keys take Salesforce's
 * defaults for an Enterprise org (the daily API requests excepted, which are generous so that tests never hit them
 * by accident).
 *
 * @param dailyApiRequests            REST, SOAP and Bulk requests per 24 hours (/limits: DailyApiRequests)
 * @param dailyBulkApiBatches         batches per 24 hours, shared by Bulk 1.0 batches and Bulk 2.0 ingest jobs (DailyBulkApiBatches)
 * @param bulkV2IngestRecordsPerDay   records uploaded to Bulk 2.0 ingest jobs per 24 hours (150,000,000; not listed in /limits)
 * @param bulkV2MaxUploadBytes        the largest CSV upload one Bulk 2.0 ingest job accepts (150 MB; not listed in /limits)
 * @param dailyBulkV2QueryJobs        Bulk 2.0 query jobs per 24 hours (DailyBulkV2QueryJobs)
 * @param dailyBulkV2QueryFileStorageMB Bulk 2.0 query results generated per 24 hours, in MB (DailyBulkV2QueryFileStorageMB)
 */
public record LimitSettings(long dailyApiRequests, long dailyBulkApiBatches, long bulkV2IngestRecordsPerDay,
                            long bulkV2MaxUploadBytes, long dailyBulkV2QueryJobs, long dailyBulkV2QueryFileStorageMB) {
    public static final LimitSettings DEFAULTS = new LimitSettings(100_000, 15_000, 150_000_000,
            150L * 1024 * 1024, 10_000, 976_562);

    public LimitSettings {
        for (long value : new long[]{dailyApiRequests, dailyBulkApiBatches, bulkV2IngestRecordsPerDay, bulkV2MaxUploadBytes,
                dailyBulkV2QueryJobs, dailyBulkV2QueryFileStorageMB}) {
            if (value < 0) {
                throw new IllegalArgumentException("a limit cannot be negative: " + value);
            }
        }
    }

    /** The same keys as the org file's {@code limits:} section. */
    public Map<String, Long> toJson() {
        Map<String, Long> json = new LinkedHashMap<>();
        json.put("dailyApiRequests", dailyApiRequests);
        json.put("dailyBulkApiBatches", dailyBulkApiBatches);
        json.put("bulkV2IngestRecordsPerDay", bulkV2IngestRecordsPerDay);
        json.put("bulkV2MaxUploadBytes", bulkV2MaxUploadBytes);
        json.put("dailyBulkV2QueryJobs", dailyBulkV2QueryJobs);
        json.put("dailyBulkV2QueryFileStorageMB", dailyBulkV2QueryFileStorageMB);
        return json;
    }
}
