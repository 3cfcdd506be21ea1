package dev.sfsync.emulator.faults;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Closes the connection of matching calls without an answer. {@link When#BEFORE} drops the request unprocessed;
 * {@link When#AFTER} processes it (a write is saved) and drops the answer, the case that makes clients send twice.
 */
public record DropRule(RuleScope scope, Firing firing, When when) {
    /** When the connection is closed, relative to processing the request. */
    public enum When {
        BEFORE, AFTER;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public DropRule {
        Objects.requireNonNull(scope, "scope is null");
        Objects.requireNonNull(firing, "firing is null");
        Objects.requireNonNull(when, "when is null");
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = scope.toJson();
        firing.putInto(json);
        json.put("when", when.wireName());
        return json;
    }
}
