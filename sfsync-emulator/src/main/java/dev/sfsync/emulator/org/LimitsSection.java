package dev.sfsync.emulator.org;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/** Reads the org file's {@code limits:} section (and the body of PUT /__admin/limits) over a base of settings. */
public final class LimitsSection {
    private static final long MAX = 1_000_000_000_000L;
    static final Set<String> KEYS = LimitSettings.DEFAULTS.toJson().keySet();

    private LimitsSection() {
    }

    /** The settings the node gives, each left-out key taken from {@code base}; problems are added to the list. */
    public static LimitSettings read(JsonNode node, String path, LimitSettings base, List<String> problems) {
        SectionChecks checks = new SectionChecks(problems);
        checks.keys(node, KEYS, path);
        if (!node.isObject()) {
            return base;
        }
        return new LimitSettings(
                checks.whole(node, "dailyApiRequests", path, 0, MAX, base.dailyApiRequests()),
                checks.whole(node, "dailyBulkApiBatches", path, 0, MAX, base.dailyBulkApiBatches()),
                checks.whole(node, "bulkV2IngestRecordsPerDay", path, 0, MAX, base.bulkV2IngestRecordsPerDay()),
                checks.whole(node, "bulkV2MaxUploadBytes", path, 0, MAX, base.bulkV2MaxUploadBytes()),
                checks.whole(node, "dailyBulkV2QueryJobs", path, 0, MAX, base.dailyBulkV2QueryJobs()),
                checks.whole(node, "dailyBulkV2QueryFileStorageMB", path, 0, MAX, base.dailyBulkV2QueryFileStorageMB()));
    }
}
