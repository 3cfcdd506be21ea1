package dev.sfsync.emulator.faults;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The counters of one fault run (from a change of rules or seed until the next): calls and records drawn so far,
 * how often each rule fired, and the calls each token has served. Not thread-safe; {@link Faults} holds its lock.
 */
final class FaultRun {
    private static final long LATENCY = 1, JITTER = 2, DROP = 3, TOKEN = 4, ERROR = 5, RECORD = 6;

    private final FaultRules rules;
    private final long seed;
    private final long[] latencyFired;
    private final long[] errorFired;
    private final long[] dropFired;
    private final long[] tokenFired;
    private final long[] recordFired;
    private final Map<String, Long> callsPerToken = new HashMap<>();
    private long calls;
    private long records;

    FaultRun(FaultRules rules, long seed) {
        this.rules = rules;
        this.seed = seed;
        this.latencyFired = new long[rules.latency().size()];
        this.errorFired = new long[rules.errors().size()];
        this.dropFired = new long[rules.dropConnections().size()];
        this.tokenFired = new long[rules.tokenExpiry().size()];
        this.recordFired = new long[rules.recordErrors().size()];
    }

    FaultRules rules() { return rules; }
    long seed() { return seed; }
    long calls() { return calls; }
    long records() { return records; }

    CallFaults nextCall(ApiKind api, String method, String path, String token, FaultLog log) {
        long call = ++calls;
        long delay = 0;
        List<LatencyRule> latency = rules.latency();
        for (int i = 0; i < latency.size(); i++) {
            LatencyRule rule = latency.get(i);
            if (rule.scope().matches(api, path) && fires(rule.firing(), latencyFired, i, call, LATENCY * 1_000 + i)) {
                long jitter = (long) (draw(call, JITTER * 1_000 + i) * (rule.jitterMillis() + 1));
                delay += rule.fixedMillis() + jitter;
                log.add(FaultEvent.onCall("latency", "latency[" + i + "]", api, call, method, path).withMillis(rule.fixedMillis() + jitter));
            }
        }
        Optional<Integer> drop = pick(rules.dropConnections(), dropFired, call, DROP,
                rule -> rule.scope().matches(api, path), DropRule::firing);
        if (drop.isPresent()) {
            DropRule.When when = rules.dropConnections().get(drop.get()).when();
            log.add(FaultEvent.onCall("dropConnection", "dropConnections[" + drop.get() + "]", api, call, method, path));
            return new CallFaults(call, delay, when, false, null);
        }
        int expiring = expiringTokenRule(api, path, token, call);
        if (expiring >= 0) {
            log.add(FaultEvent.onCall("tokenExpiry", "tokenExpiry[" + expiring + "]", api, call, method, path));
        }
        Optional<Integer> error = pick(rules.errors(), errorFired, call, ERROR,
                rule -> rule.scope().matches(api, path), ErrorRule::firing);
        InjectedCallError injected = null;
        if (error.isPresent()) {
            injected = ErrorCatalogue.resolve(rules.errors().get(error.get()), call, seed);
            log.add(FaultEvent.onCall("error", "errors[" + error.get() + "]", api, call, method, path)
                    .withError(injected.status(), injected.errorCode()));
        }
        return new CallFaults(call, delay, null, expiring >= 0, injected);
    }

    Optional<InjectedRecordError> nextRecord(ApiKind api, String object, FaultLog log) {
        long record = ++records;
        Optional<Integer> hit = pick(rules.recordErrors(), recordFired, record, RECORD,
                rule -> rule.matches(api, object), RecordErrorRule::firing);
        return hit.map(i -> {
            RecordErrorRule rule = rules.recordErrors().get(i);
            log.add(FaultEvent.onRecord("recordErrors[" + i + "]", api, record, object, rule.errorCode()));
            return new InjectedRecordError(rule.errorCode(), rule.message() != null ? rule.message() : ErrorCatalogue.message(rule.errorCode()));
        });
    }

    /**
     * The first token rule that expires the caller's token on this call, or -1. A token that has served afterCalls
     * matching calls expires on the next; rate rules draw per call. OAuth calls are never counted: they make tokens.
     */
    private int expiringTokenRule(ApiKind api, String path, String token, long call) {
        int expiring = -1;
        List<TokenExpiryRule> tokenRules = rules.tokenExpiry();
        for (int i = 0; i < tokenRules.size(); i++) {
            TokenExpiryRule rule = tokenRules.get(i);
            if (api == ApiKind.OAUTH || !rule.scope().matches(api, path) || rule.firing().exhausted(tokenFired[i])) {
                continue;
            }
            boolean fires;
            if (rule.afterCalls() != null) {
                String key = i + " " + (token == null ? "" : token);
                long served = callsPerToken.merge(key, 1L, Long::sum);
                fires = served > rule.afterCalls();
                if (fires) {
                    callsPerToken.remove(key);
                }
            } else {
                fires = draw(call, TOKEN * 1_000 + i) < rule.firing().rate();
            }
            if (fires) {
                tokenFired[i]++;
                expiring = expiring < 0 ? i : expiring;
            }
        }
        return expiring;
    }

    /**
     * One draw shared by the matching rules of a kind, so at most one fires and each fires at its own rate:
     * rule 0 owns [0, r0), rule 1 [r0, r0 + r1), and so on.
     */
    private <R> Optional<Integer> pick(List<R> candidates, long[] fired, long counter, long salt,
                                       Predicate<R> matches, Function<R, Firing> firing) {
        if (candidates.isEmpty()) {
            return Optional.empty();
        }
        double u = draw(counter, salt * 1_000);
        double upper = 0;
        for (int i = 0; i < candidates.size(); i++) {
            R rule = candidates.get(i);
            Firing f = firing.apply(rule);
            if (!matches.test(rule) || f.exhausted(fired[i])) {
                continue;
            }
            upper += f.rate();
            if (u < upper) {
                fired[i]++;
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private boolean fires(Firing firing, long[] fired, int index, long call, long salt) {
        if (firing.exhausted(fired[index]) || draw(call, salt) >= firing.rate()) {
            return false;
        }
        fired[index]++;
        return true;
    }

    private double draw(long counter, long salt) {
        return SeededDraws.unit(seed, counter, salt);
    }
}
