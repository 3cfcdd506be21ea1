package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.org.ApiUsage;
import dev.sfsync.emulator.org.DailyAllowance;
import dev.sfsync.emulator.org.OrgLimits;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/** GET /limits: the org's allowances as {@code {"Name":{"Max":n,"Remaining":n}}}. */
final class LimitsEndpoint {
    private final OrgHost host;

    LimitsEndpoint(OrgHost host) {
        this.host = host;
    }

    void register(Router router) {
        router.on("GET", "/services/data/v([^/]+)/limits/?", this::limits);
    }

    private void limits(Exchange ex, Matcher m) {
        RestAuth.authenticate(host, ex, m.group(1));
        OrgLimits limits = host.org().limits();
        ApiUsage usage = limits.apiUsage();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("ConcurrentAsyncGetReportInstances", limit(200, 200));
        body.put("DailyApiRequests", limit(usage.max(), usage.max() - usage.used()));
        body.put("DailyAsyncApexExecutions", limit(250000, 250000));
        body.put("DailyBulkApiBatches", limit(limits.bulkApiBatches()));
        body.put("DailyBulkV2QueryFileStorageMB", limit(limits.bulkV2QueryFileStorageMB()));
        body.put("DailyBulkV2QueryJobs", limit(limits.bulkV2QueryJobs()));
        body.put("DataStorageMB", limit(1024, 1024));
        body.put("FileStorageMB", limit(10240, 10240));
        body.put("HourlyPublishedPlatformEvents", limit(250000, 250000));
        body.put("DailyStandardVolumePlatformEvents", limit(25000, 25000));
        body.put("MassEmail", limit(5000, 5000));
        body.put("SingleEmail", limit(5000, 5000));
        ex.json(200, body);
    }

    private static Map<String, Long> limit(DailyAllowance allowance) {
        return limit(allowance.max(), allowance.remaining());
    }

    private static Map<String, Long> limit(long max, long remaining) {
        Map<String, Long> entry = new LinkedHashMap<>();
        entry.put("Max", max);
        entry.put("Remaining", Math.max(0, remaining));
        return entry;
    }
}
