package dev.sfsync.server.web;

import dev.sfsync.salesforce.internal.Redactor;
import dev.sfsync.store.ApiCall;
import dev.sfsync.store.CallBodies;
import dev.sfsync.store.LoggedCall;

import java.net.URI;
import java.time.Instant;

/**
 * One API call in the live debugger, redacted a second time on the way out (the engine redacts before recording;
 * this holds even for a log written by an older version): tokens, session ids, passwords and secrets never show, nor
 * control characters.
 */
public record CallRow(int index, long seq, Instant at, String method, String path, String url, int status, long durationMs, long requestBytes,
                      long responseBytes, String error) {
    private static final Redactor REDACTOR = new Redactor();

    static CallRow of(int index, LoggedCall logged) {
        ApiCall call = logged.call();
        String url = REDACTOR.forDisplay(call.url());
        String path;
        try {
            URI uri = URI.create(url);
            path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        } catch (IllegalArgumentException e) {
            path = url;
        }
        return new CallRow(index, logged.seq(), call.at(), call.method(), path, url, call.status(), call.duration().toMillis(), call.requestBytes(),
                call.responseBytes(), REDACTOR.forDisplay(call.error()));
    }

    /** The call's bodies as shown: redacted again on the way out, like everything else of the call. */
    static CallBodies shown(CallBodies bodies) {
        return new CallBodies(REDACTOR.forDisplay(bodies.request()), REDACTOR.forDisplay(bodies.response()));
    }

    public boolean failed() {
        return status == 0 || status >= 400 || error != null;
    }

    /** A call that wrote records (the kind that carries rows): not a describe, query or limits read. */
    public boolean writes() {
        return !method.equals("GET") && !path.contains("/oauth2/");
    }
}
