package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.org.LimitSettings;
import dev.sfsync.emulator.org.Org;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The org's Bulk API 2.0 allowances at run time: records processed in the rolling 24 hours, and job data per job. The
 * org file sets them; the admin endpoint can override them for a test until the next reset.
 */
public final class Bulk2Limits {
    private static final Duration WINDOW = Duration.ofHours(24);

    private final Org org;
    private final Clock clock;
    private Long recordsPerDayOverride;
    private Long maxUploadBytesOverride;
    private long used;
    private Instant windowStart;

    Bulk2Limits(Org org) {
        this.org = org;
        this.clock = org.clock();
        this.windowStart = clock.instant();
    }

    public synchronized long recordsPerDay() {
        return recordsPerDayOverride != null ? recordsPerDayOverride : fromOrgFile().bulkV2IngestRecordsPerDay();
    }

    /** The most job data one job takes, counted after base64 encoding as Salesforce counts it. */
    public synchronized long maxUploadBytes() {
        return maxUploadBytesOverride != null ? maxUploadBytesOverride : fromOrgFile().bulkV2MaxUploadBytes();
    }

    public synchronized long recordsUsed() {
        roll();
        return used;
    }

    public synchronized void override(Long recordsPerDay, Long maxUploadBytes, Long recordsUsed) {
        if (recordsPerDay != null) {
            recordsPerDayOverride = recordsPerDay;
        }
        if (maxUploadBytes != null) {
            maxUploadBytesOverride = maxUploadBytes;
        }
        if (recordsUsed != null) {
            roll();
            used = recordsUsed;
        }
    }

    /** Takes up to {@code wanted} records off the allowance; returns how many it granted (fewer once it runs out). */
    synchronized long take(long wanted) {
        roll();
        long granted = Math.max(0, Math.min(wanted, recordsPerDay() - used));
        used += granted;
        return granted;
    }

    synchronized void reset() {
        recordsPerDayOverride = null;
        maxUploadBytesOverride = null;
        used = 0;
        windowStart = clock.instant();
    }

    private LimitSettings fromOrgFile() {
        return org.definition().limits();
    }

    private void roll() {
        Instant now = clock.instant();
        if (now.isAfter(windowStart.plus(WINDOW))) {
            used = 0;
            windowStart = now;
        }
    }
}
