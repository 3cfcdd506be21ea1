package dev.sfsync.emulator.faults;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * An org's fault rules, as the {@code faults:} section of the org file and the body of PUT /__admin/faults write
 * them. {@code seed} (null: one drawn when the emulator starts) makes the faults of a sequence of calls repeatable.
 */
public record FaultRules(Long seed, List<LatencyRule> latency, List<ErrorRule> errors, List<DropRule> dropConnections,
                         List<TokenExpiryRule> tokenExpiry, List<RecordErrorRule> recordErrors) {
    public static final FaultRules NONE = new FaultRules(null, List.of(), List.of(), List.of(), List.of(), List.of());

    public FaultRules {
        latency = List.copyOf(latency);
        errors = List.copyOf(errors);
        dropConnections = List.copyOf(dropConnections);
        tokenExpiry = List.copyOf(tokenExpiry);
        recordErrors = List.copyOf(recordErrors);
    }

    /** True when no rule touches calls (record rules may still exist). */
    public boolean noCallRules() {
        return latency.isEmpty() && errors.isEmpty() && dropConnections.isEmpty() && tokenExpiry.isEmpty();
    }

    public FaultRules withSeed(Long value) {
        return new FaultRules(value, latency, errors, dropConnections, tokenExpiry, recordErrors);
    }

    public FaultRules withErrors(List<ErrorRule> value) {
        return new FaultRules(seed, latency, value, dropConnections, tokenExpiry, recordErrors);
    }

    public FaultRules withRecordErrors(List<RecordErrorRule> value) {
        return new FaultRules(seed, latency, errors, dropConnections, tokenExpiry, value);
    }

    /** The same shape as the org file's {@code faults:} section; empty lists are left out. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        if (seed != null) {
            json.put("seed", seed);
        }
        putRules(json, "latency", latency, LatencyRule::toJson);
        putRules(json, "errors", errors, ErrorRule::toJson);
        putRules(json, "dropConnections", dropConnections, DropRule::toJson);
        putRules(json, "tokenExpiry", tokenExpiry, TokenExpiryRule::toJson);
        putRules(json, "recordErrors", recordErrors, RecordErrorRule::toJson);
        return json;
    }

    private static <R> void putRules(Map<String, Object> json, String key, List<R> rules, Function<R, Map<String, Object>> render) {
        if (!rules.isEmpty()) {
            json.put(key, rules.stream().map(render).toList());
        }
    }
}
