package dev.sfsync.emulator.faults;

import java.util.Map;
import java.util.Objects;

/**
 * Fails matching calls with an HTTP status and/or a Salesforce error code, answered in the shape of the call's API;
 * what is left out comes from {@link ErrorCatalogue} (status 503 alone answers SERVER_UNAVAILABLE, UNABLE_TO_LOCK_ROW
 * alone answers 400). {@code message} overrides the catalogue's message.
 */
public record ErrorRule(RuleScope scope, Firing firing, Integer status, String errorCode, String message) {
    public ErrorRule {
        Objects.requireNonNull(scope, "scope is null");
        Objects.requireNonNull(firing, "firing is null");
        if (status == null && errorCode == null) {
            throw new IllegalArgumentException("an error rule needs a status or an errorCode");
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = scope.toJson();
        firing.putInto(json);
        putIfSet(json, "status", status);
        putIfSet(json, "errorCode", errorCode);
        putIfSet(json, "message", message);
        return json;
    }

    static void putIfSet(Map<String, Object> json, String key, Object value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
