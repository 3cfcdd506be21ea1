package dev.sfsync.emulator.org;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.faults.ApiKind;
import dev.sfsync.emulator.faults.DropRule;
import dev.sfsync.emulator.faults.ErrorRule;
import dev.sfsync.emulator.faults.FaultRules;
import dev.sfsync.emulator.faults.Firing;
import dev.sfsync.emulator.faults.LatencyRule;
import dev.sfsync.emulator.faults.RecordErrorRule;
import dev.sfsync.emulator.faults.RuleScope;
import dev.sfsync.emulator.faults.TokenExpiryRule;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reads the org file's {@code faults:} section, which is also the body of PUT /__admin/faults:
 * <pre>
 * faults:
 *   seed: 42
 *   latency:         [{api: rest, fixedMillis: 50, jitterMillis: 20}]
 *   errors:          [{api: rest, rate: 0.01, status: 503}, {api: rest, rate: 0.05, errorCode: UNABLE_TO_LOCK_ROW}]
 *   dropConnections: [{api: bulk2, rate: 0.01, when: after}]
 *   tokenExpiry:     [{afterCalls: 100}]
 *   recordErrors:    [{api: rest, object: Account, rate: 0.05, errorCode: UNABLE_TO_LOCK_ROW}]
 * </pre>
 * Call rules take {@code api} (left out: every API but oauth), {@code path} (a regular expression found in the
 * request path), {@code rate} (default 1) and {@code times} (default: no limit).
 */
public final class FaultsSection {
    private static final Set<String> TOP = Set.of("seed", "latency", "errors", "dropConnections", "tokenExpiry", "recordErrors");
    private static final List<String> SCOPE = List.of("api", "path", "rate", "times");
    private static final Set<String> LATENCY = keys(SCOPE, "fixedMillis", "jitterMillis");
    private static final Set<String> ERROR = keys(SCOPE, "status", "errorCode", "message");
    private static final Set<String> DROP = keys(SCOPE, "when");
    private static final Set<String> TOKEN = keys(SCOPE, "afterCalls");
    private static final Set<String> RECORD = keys(List.of("api", "object", "rate", "times"), "errorCode", "message");
    private static final Pattern CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    /** Statuses a rule may give without an errorCode: Salesforce's own, and the edge's gateway errors. */
    private static final Set<Integer> BARE_STATUSES = Set.of(401, 403, 500, 502, 503, 504);
    /** Above Jetty's idle timeout the connection would close before the delay ends. */
    private static final long MAX_DELAY_MILLIS = 120_000;

    private final SectionChecks checks;
    private final Collection<String> objectNames;

    private FaultsSection(List<String> problems, Collection<String> objectNames) {
        this.checks = new SectionChecks(problems);
        this.objectNames = objectNames;
    }

    /**
     * The rules of a {@code faults:} node (none when it is missing). Problems are added to the list; the result is
     * meaningful only when none were added. {@code objectNames} are the org's objects, for record rules.
     */
    public static FaultRules read(JsonNode node, String path, Collection<String> objectNames, List<String> problems) {
        if (node.isMissingNode() || node.isNull()) {
            return FaultRules.NONE;
        }
        return new FaultsSection(problems, objectNames).read(node, path);
    }

    private FaultRules read(JsonNode node, String path) {
        int problemsBefore = checks.count();
        checks.keys(node, TOP, path);
        if (!node.isObject()) {
            return FaultRules.NONE;
        }
        Long seed = node.has("seed") ? checks.whole(node, "seed", path, Long.MIN_VALUE, Long.MAX_VALUE, 0) : null;
        List<LatencyRule> latency = new ArrayList<>();
        forEachRule(node, path, "latency", "{api: rest, fixedMillis: 50, jitterMillis: 20}", LATENCY,
                (rule, at) -> latency.add(latency(rule, at)));
        List<ErrorRule> errors = new ArrayList<>();
        forEachRule(node, path, "errors", "{api: rest, rate: 0.01, status: 503}", ERROR, (rule, at) -> errors.add(error(rule, at)));
        List<DropRule> drops = new ArrayList<>();
        forEachRule(node, path, "dropConnections", "{api: rest, rate: 0.01}", DROP, (rule, at) -> drops.add(drop(rule, at)));
        List<TokenExpiryRule> tokens = new ArrayList<>();
        forEachRule(node, path, "tokenExpiry", "{afterCalls: 100}", TOKEN, (rule, at) -> tokens.add(tokenExpiry(rule, at)));
        List<RecordErrorRule> records = new ArrayList<>();
        forEachRule(node, path, "recordErrors", "{object: Account, rate: 0.05, errorCode: UNABLE_TO_LOCK_ROW}", RECORD,
                (rule, at) -> records.add(recordError(rule, at)));
        if (checks.count() == problemsBefore) {
            checkRateSums(errors.stream().map(r -> new Share(r.scope(), r.firing())).toList(), SectionChecks.at(path, "errors"));
            checkRateSums(drops.stream().map(r -> new Share(r.scope(), r.firing())).toList(), SectionChecks.at(path, "dropConnections"));
        }
        return new FaultRules(seed, latency, errors, drops, tokens, records);
    }

    @FunctionalInterface
    private interface RuleReader {
        void read(JsonNode rule, String path);
    }

    private void forEachRule(JsonNode node, String path, String key, String example, Set<String> allowed, RuleReader reader) {
        List<JsonNode> rules = checks.list(node, key, path, example);
        for (int i = 0; i < rules.size(); i++) {
            String at = SectionChecks.at(path, key) + "[" + i + "]";
            checks.keys(rules.get(i), allowed, at);
            if (rules.get(i).isObject()) {
                reader.read(rules.get(i), at);
            }
        }
    }

    private LatencyRule latency(JsonNode rule, String path) {
        if (!rule.has("fixedMillis") && !rule.has("jitterMillis")) {
            checks.problem(path, "a latency rule without a delay (fix: add fixedMillis: 50 and/or jitterMillis: 20)");
        }
        return new LatencyRule(scope(rule, path), firing(rule, path),
                checks.whole(rule, "fixedMillis", path, 0, MAX_DELAY_MILLIS, 0),
                checks.whole(rule, "jitterMillis", path, 0, MAX_DELAY_MILLIS, 0));
    }

    private ErrorRule error(JsonNode rule, String path) {
        RuleScope scope = scope(rule, path);
        Integer status = rule.has("status") ? (int) checks.whole(rule, "status", path, 400, 599, 503) : null;
        String code = errorCode(rule, path, scope.api());
        if (status == null && !rule.has("errorCode")) {
            checks.problem(path, "an error rule needs a status or an errorCode (fix: add status: 503 or errorCode: UNABLE_TO_LOCK_ROW)");
        } else if (!rule.has("errorCode") && !BARE_STATUSES.contains(status)) {
            checks.problem(SectionChecks.at(path, "status"), status + " needs an errorCode (fix: add errorCode, e.g. UNABLE_TO_LOCK_ROW; "
                    + "a status alone may be one of " + sorted(BARE_STATUSES) + ")");
        }
        if (status == null && code == null) {
            status = 503; // only reached with a problem reported, so that reading can go on
        }
        return new ErrorRule(scope, firing(rule, path), status, code, text(rule, "message"));
    }

    private DropRule drop(JsonNode rule, String path) {
        String when = rule.path("when").asText("before");
        DropRule.When moment = Arrays.stream(DropRule.When.values()).filter(w -> w.wireName().equalsIgnoreCase(when)).findFirst().orElse(null);
        if (moment == null) {
            checks.problem(SectionChecks.at(path, "when"), "'" + when + "' is not a moment (fix: before, to drop the request unprocessed, "
                    + "or after, to process it and drop the answer)");
            moment = DropRule.When.BEFORE;
        }
        return new DropRule(scope(rule, path), firing(rule, path), moment);
    }

    private TokenExpiryRule tokenExpiry(JsonNode rule, String path) {
        RuleScope scope = scope(rule, path);
        if (scope.api() == ApiKind.OAUTH) {
            checks.problem(SectionChecks.at(path, "api"), "OAuth calls issue tokens rather than use them (fix: name the API whose calls "
                    + "should find their token expired, or leave api out)");
        }
        boolean counted = rule.has("afterCalls");
        if (counted == rule.has("rate")) {
            checks.problem(path, "give either afterCalls or rate (fix: afterCalls: 100 expires each token after 100 calls; "
                    + "rate: 0.01 expires the caller's token on 1 % of calls)");
        }
        Long afterCalls = counted ? checks.whole(rule, "afterCalls", path, 1, Long.MAX_VALUE, 100) : null;
        return new TokenExpiryRule(scope, firing(rule, path), afterCalls);
    }

    private RecordErrorRule recordError(JsonNode rule, String path) {
        ApiKind api = api(rule, path);
        if (api == ApiKind.OAUTH) {
            checks.problem(SectionChecks.at(path, "api"), "OAuth calls write no records (fix: rest, bulk1, bulk2 or soap, or leave api out)");
        }
        String object = text(rule, "object");
        if (object != null && objectNames != null && objectNames.stream().noneMatch(object::equalsIgnoreCase)) {
            checks.problem(SectionChecks.at(path, "object"), "no object named '" + object + "' (fix: "
                    + Suggestions.closest(object, objectNames).map(s -> "did you mean '" + s + "'?").orElse("define it under objects, or leave object out for every object") + ")");
        }
        String code = errorCode(rule, path, api);
        if (code == null && !rule.has("errorCode")) {
            checks.problem(path, "a record error rule needs an errorCode (fix: e.g. errorCode: UNABLE_TO_LOCK_ROW)");
        }
        return new RecordErrorRule(api, object, firing(rule, path), code == null ? "UNKNOWN_EXCEPTION" : code, text(rule, "message"));
    }

    private RuleScope scope(JsonNode rule, String path) {
        Pattern pattern = null;
        if (rule.has("path")) {
            try {
                pattern = Pattern.compile(rule.get("path").asText());
            } catch (PatternSyntaxException e) {
                checks.problem(SectionChecks.at(path, "path"), "not a regular expression: " + e.getDescription()
                        + " (fix: a part of the request path, e.g. /composite/sobjects)");
            }
        }
        return new RuleScope(api(rule, path), pattern);
    }

    private ApiKind api(JsonNode rule, String path) {
        String name = text(rule, "api");
        if (name == null) {
            return null;
        }
        return ApiKind.fromWireName(name).orElseGet(() -> {
            List<String> names = Arrays.stream(ApiKind.values()).map(ApiKind::wireName).toList();
            checks.problem(SectionChecks.at(path, "api"), "'" + name + "' is not an API (fix: "
                    + Suggestions.closest(name, names).map(s -> "did you mean '" + s + "'? ").orElse("")
                    + "one of " + ApiKind.wireNames() + ", or leave api out for every API but oauth)");
            return null;
        });
    }

    private Firing firing(JsonNode rule, String path) {
        double rate = 1.0;
        JsonNode value = rule.path("rate");
        if (!value.isMissingNode()) {
            if (value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 1) {
                rate = value.asDouble();
            } else {
                checks.problem(SectionChecks.at(path, "rate"), "'" + value.asText() + "' is not a rate (fix: a number from 0 to 1, e.g. 0.05 for 5 % of calls)");
            }
        }
        Long times = rule.has("times") ? checks.whole(rule, "times", path, 1, Long.MAX_VALUE, 1) : null;
        return new Firing(rate, times);
    }

    private String errorCode(JsonNode rule, String path, ApiKind api) {
        String code = text(rule, "errorCode");
        if (code == null) {
            return null;
        }
        if (!CODE.matcher(code).matches()) {
            checks.problem(SectionChecks.at(path, "errorCode"), "'" + code + "' is not an error code (fix: letters, digits and underscores, e.g. UNABLE_TO_LOCK_ROW)");
            return null;
        }
        boolean upperCaseApi = api != ApiKind.OAUTH && api != ApiKind.BULK1;
        if (upperCaseApi && !code.equals(code.toUpperCase(Locale.ROOT))) {
            checks.problem(SectionChecks.at(path, "errorCode"), "'" + code + "' is not how Salesforce writes its codes (fix: "
                    + code.toUpperCase(Locale.ROOT) + ")");
        }
        return code;
    }

    /** One rule's claim on the single draw of its kind. */
    private record Share(RuleScope scope, Firing firing) {
    }

    /** At most one error (or drop) fires per call, so the rates of the rules that can meet the same call cannot pass 1. */
    private void checkRateSums(List<Share> shares, String path) {
        Map<Double, List<String>> apisBySum = new TreeMap<>();
        for (ApiKind api : ApiKind.values()) {
            double sum = shares.stream()
                    .filter(s -> s.scope().path() == null && s.firing().times() == null && s.scope().matches(api, ""))
                    .mapToDouble(s -> s.firing().rate()).sum();
            if (sum > 1.0 + 1e-9) {
                apisBySum.computeIfAbsent(sum, k -> new ArrayList<>()).add(api.wireName());
            }
        }
        apisBySum.forEach((sum, apis) -> checks.problem(path, "the rates of the rules for " + String.join(", ", apis)
                + " calls add up to " + sum + " (fix: at most 1 in all, since a call fails one way at most)"));
    }

    private static Set<String> keys(List<String> common, String... more) {
        Set<String> all = new HashSet<>(common);
        all.addAll(List.of(more));
        return Set.copyOf(all);
    }

    private static String sorted(Set<Integer> values) {
        return values.stream().sorted().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }
}
