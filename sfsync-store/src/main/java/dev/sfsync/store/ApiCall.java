package dev.sfsync.store;

import dev.sfsync.core.RunId;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One HTTP call a run made to Salesforce. The caller redacts secrets before recording (tokens never appear in URLs
 * Salesforce's APIs use; the client's redactor removes them from anything else).
 *
 * @param status the HTTP status, or 0 when no response came (connection dropped, timeout)
 * @param error  what went wrong in the caller's words (e.g. the Salesforce error code), or null
 */
public record ApiCall(RunId run, Instant at, String method, String url, int status, Duration duration, long requestBytes, long responseBytes,
                      String error) {
    public ApiCall {
        Objects.requireNonNull(run, "run is null");
        Objects.requireNonNull(at, "at is null");
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(duration, "duration is null");
    }
}
