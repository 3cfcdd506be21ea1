package dev.sfsync.emulator.org;

/**
 * The org's Bulk API allowances from its org file ({@code limits.bulkApiRecordsPerDay},
 * {@code limits.bulkApiMaxUploadBytes}); the defaults are Salesforce's: 150,000,000 records per rolling 24 hours and
 * 150 MB of job data per job after base64 encoding (about 100 MB of CSV).
 */
public record BulkApiLimits(long recordsPerDay, long maxUploadBytes) {
    public static final long DEFAULT_RECORDS_PER_DAY = 150_000_000L;
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 150L * 1024 * 1024;
    public static final BulkApiLimits DEFAULTS = new BulkApiLimits(DEFAULT_RECORDS_PER_DAY, DEFAULT_MAX_UPLOAD_BYTES);

    public BulkApiLimits {
        if (recordsPerDay <= 0 || maxUploadBytes <= 0) {
            throw new IllegalArgumentException("Bulk API limits must be positive: recordsPerDay=" + recordsPerDay + ", maxUploadBytes=" + maxUploadBytes);
        }
    }
}
