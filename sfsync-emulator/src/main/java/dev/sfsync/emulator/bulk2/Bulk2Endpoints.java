package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Bulk API 2.0: the ingest and query job resources, and admin endpoints for tests: wait until every closed job has
 * been processed, and pause and resume processing. The limits are the org's, set through /__admin/limits.
 */
public final class Bulk2Endpoints {
    private final OrgHost host;

    public Bulk2Endpoints(OrgHost host) {
        this.host = host;
    }

    public void register(Router router) {
        new IngestEndpoints(host).register(router);
        new QueryEndpoints(host).register(router);
        router.on("GET", "/__admin/bulk2/?", (ex, m) -> ex.json(200, Map.of("jobs", host.bulk2().jobCount())));
        router.on("POST", "/__admin/bulk2/await", this::await);
        router.on("POST", "/__admin/bulk2/pause", (ex, m) -> { host.bulk2().pauseProcessing(); ex.noContent(); });
        router.on("POST", "/__admin/bulk2/resume", (ex, m) -> { host.bulk2().resumeProcessing(); ex.noContent(); });
        router.on("PUT", "/__admin/bulk2/settings", this::settings);
    }

    /** {@code {"minProcessingMillis": 0}}: the org file's bulk2 section, changed until the next reset. */
    private void settings(Exchange ex, Matcher m) {
        var value = ex.jsonBody().path("minProcessingMillis");
        if (!value.isIntegralNumber() || value.asLong() < 0) {
            throw new ApiException(400, "INVALID_FIELD", "minProcessingMillis must be a whole number of milliseconds, 0 or more, "
                    + "e.g. {\"minProcessingMillis\": 0}");
        }
        host.bulk2().minProcessingMillis(value.asLong());
        ex.noContent();
    }

    /** Answers once no closed job is waiting or running: {@code {"idle":true}}, or false after timeoutSeconds (default 30). */
    private void await(Exchange ex, Matcher m) throws InterruptedException {
        String text = ex.queryParam("timeoutSeconds").orElse("30");
        if (!text.matches("\\d{1,6}")) {
            throw new ApiException(400, "INVALID_FIELD", "timeoutSeconds must be a whole number of seconds, e.g. ?timeoutSeconds=30, not " + text);
        }
        long seconds = Long.parseLong(text);
        boolean idle = host.bulk2().awaitIdle(Duration.ofSeconds(seconds));
        ex.json(200, Map.of("idle", idle));
    }
}
