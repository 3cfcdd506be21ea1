package dev.sfsync.emulator.faults;

import java.util.Map;
import java.util.Objects;

/** Holds matching calls for {@code fixedMillis} plus a uniformly drawn 0..{@code jitterMillis} before answering. */
public record LatencyRule(RuleScope scope, Firing firing, long fixedMillis, long jitterMillis) {
    public LatencyRule {
        Objects.requireNonNull(scope, "scope is null");
        Objects.requireNonNull(firing, "firing is null");
        if (fixedMillis < 0 || jitterMillis < 0) {
            throw new IllegalArgumentException("latency cannot be negative");
        }
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = scope.toJson();
        json.put("fixedMillis", fixedMillis);
        json.put("jitterMillis", jitterMillis);
        firing.putInto(json);
        return json;
    }
}
