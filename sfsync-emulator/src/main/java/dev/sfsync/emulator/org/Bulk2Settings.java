package dev.sfsync.emulator.org;

/**
 * How Bulk API 2.0 jobs behave over time. {@code minProcessingMillis}: the least time from close to a terminal state,
 * spent half in UploadComplete and half in InProgress. Salesforce never finishes a job before a client's first poll,
 * and real clients rely on that (Camel and Data Loader skip fetching results of a job already complete when they first
 * look), so the default is a few hundred milliseconds; tests that only want results fast may set 0.
 */
public record Bulk2Settings(long minProcessingMillis) {
    public static final Bulk2Settings DEFAULTS = new Bulk2Settings(300);

    public Bulk2Settings {
        if (minProcessingMillis < 0) {
            throw new IllegalArgumentException("minProcessingMillis must not be negative");
        }
    }
}
