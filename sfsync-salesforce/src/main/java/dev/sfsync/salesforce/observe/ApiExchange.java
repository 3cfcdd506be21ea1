package dev.sfsync.salesforce.observe;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP exchange with Salesforce as the run debugger shows it. Secrets are already redacted (tokens, passwords,
 * client secrets, session ids, in headers, URLs and bodies) and bodies are cut to the client's preview size.
 *
 * @param status        HTTP status, or 0 when no response arrived (see {@code failure})
 * @param attempt       1 for the first try of a call, 2+ for retries of the same call
 * @param timeToHeaders from sending to the response headers
 * @param total         from sending until the response body was fully read (or abandoned)
 * @param requestBytes  bytes sent in the body (before any compression)
 * @param responseBytes bytes of the body read (after decompression)
 * @param failure       why no (complete) answer arrived, e.g. "connection reset"; null when one did
 */
public record ApiExchange(String method, URI url, int status, int attempt, Instant startedAt, Duration timeToHeaders,
                          Duration total, Map<String, List<String>> requestHeaders, Map<String, List<String>> responseHeaders,
                          long requestBytes, long responseBytes, String requestBody, String responseBody, String failure) {
    public ApiExchange {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(url, "url is null");
        Objects.requireNonNull(startedAt, "startedAt is null");
        requestHeaders = Map.copyOf(requestHeaders);
        responseHeaders = Map.copyOf(responseHeaders);
    }

    @Override
    public String toString() {
        return method + " " + url + " -> " + (status == 0 ? "no response (" + failure + ")" : status) + " in " + total.toMillis()
                + " ms, " + requestBytes + " B sent, " + responseBytes + " B received" + (attempt > 1 ? ", attempt " + attempt : "");
    }
}
