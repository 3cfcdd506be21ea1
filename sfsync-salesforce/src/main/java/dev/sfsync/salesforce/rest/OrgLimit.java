package dev.sfsync.salesforce.rest;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** One allowance from GET /limits, e.g. DailyApiRequests: Max 100000, Remaining 99512. */
public record OrgLimit(String name, long max, long remaining) {
    public long used() {
        return Math.max(0, max - remaining);
    }

    /** {@code {"DailyApiRequests":{"Max":15000,"Remaining":14998, …per-app entries…}, …}}; per-app breakdowns are ignored. */
    static Map<String, OrgLimit> parse(JsonNode body) {
        Map<String, OrgLimit> limits = new LinkedHashMap<>();
        body.fields().forEachRemaining(e -> limits.put(e.getKey(),
                new OrgLimit(e.getKey(), e.getValue().path("Max").asLong(), e.getValue().path("Remaining").asLong())));
        return limits;
    }
}
