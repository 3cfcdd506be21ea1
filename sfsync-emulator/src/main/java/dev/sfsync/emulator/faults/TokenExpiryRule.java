package dev.sfsync.emulator.faults;

import java.util.Map;
import java.util.Objects;

/**
 * Expires the caller's access token in the middle of a run, so that the call answers 401 INVALID_SESSION_ID in its
 * API's own shape and the client has to refresh: either once a token has served {@code afterCalls} matching calls
 * (the next one finds it expired), or on each matching call with the firing's rate.
 */
public record TokenExpiryRule(RuleScope scope, Firing firing, Long afterCalls) {
    public TokenExpiryRule {
        Objects.requireNonNull(scope, "scope is null");
        Objects.requireNonNull(firing, "firing is null");
        if (afterCalls != null && afterCalls < 1) {
            throw new IllegalArgumentException("afterCalls " + afterCalls + " is less than 1");
        }
    }

    public static TokenExpiryRule afterCalls(long calls) {
        return new TokenExpiryRule(RuleScope.EVERY_API, Firing.ALWAYS, calls);
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = scope.toJson();
        if (afterCalls != null) {
            json.put("afterCalls", afterCalls);
            if (firing.times() != null) {
                json.put("times", firing.times());
            }
        } else {
            firing.putInto(json);
        }
        return json;
    }
}
