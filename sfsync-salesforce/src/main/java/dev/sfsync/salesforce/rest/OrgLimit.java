package dev.sfsync.salesforce.rest;

/** One allowance from GET /limits, e.g. DailyApiRequests: Max 100000, Remaining 99512. */
public record OrgLimit(String name, long max, long remaining) {
    public long used() {
        return Math.max(0, max - remaining);
    }
}
