package dev.sfsync.emulator.faults;

import dev.sfsync.emulator.http.Exchange;

import java.security.SecureRandom;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The faults one org injects, set by the org file's {@code faults:} section or at run time through /__admin/faults.
 *
 * <p>Call faults (latency, dropped connections, expired tokens, failed calls) are applied by the emulator's handler
 * before routing, through {@link #intercept}, to every path of an API (see {@link ApiKind}); the admin endpoints
 * never see faults.
 *
 * <p>Record faults fail single records of a write. Every endpoint that saves records asks, once per record and
 * before saving it:
 * <pre>{@code
 * Optional<InjectedRecordError> fault = host.faults().recordError(ApiKind.BULK2, "Account");
 * if (fault.isPresent()) {
 *     // report the record as failed with fault.get().errorCode() and .message(); do not save it
 * }
 * }</pre>
 * REST single-record writes, sObject Collections, Bulk 1.0 batches and Bulk 2.0 ingest do, each under the org's write
 * lock.
 *
 * <p>Determinism: every decision is a function of the seed and the number of the call (or record) since the rules
 * or the seed last changed, so the same seed and the same sequence of calls inject the same faults; {@link #log()}
 * lists them for replay. Calls made in parallel are numbered in their order of arrival.
 *
 * <p>Thread-safe: decisions are taken under one lock, which costs nothing next to a call.
 */
public final class Faults {
    /** Waits out injected latency; tests may pass one that records instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(long millis) throws InterruptedException;
    }

    /** Expires the access token a call presented; null when the call carried none in its headers (SOAP). */
    @FunctionalInterface
    public interface SessionExpiry {
        void expire(String accessToken);
    }

    /** The log as GET /__admin/faults/log returns it. */
    public record LogView(long seed, long calls, long records, List<FaultEvent> events, long forgotten) {
    }

    private static final int LOG_CAPACITY = 10_000;

    private final SessionExpiry sessions;
    private final Sleeper sleeper;
    private final long startSeed = new SecureRandom().nextLong();
    private final FaultLog log = new FaultLog(LOG_CAPACITY);
    private final Object lock = new Object();
    private volatile FaultRun run;

    public Faults(FaultRules fileRules, SessionExpiry sessions, Sleeper sleeper) {
        this.sessions = Objects.requireNonNull(sessions, "sessions is null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper is null");
        reset(fileRules);
    }

    public Faults(FaultRules fileRules, SessionExpiry sessions) {
        this(fileRules, sessions, Thread::sleep);
    }

    /** The rules in force, with the seed in use. */
    public FaultRules rules() {
        FaultRun current = run;
        return current.rules().withSeed(current.seed());
    }

    public long seed() {
        return run.seed();
    }

    /** Replaces the rules and starts counting afresh; the seed is the rules' own, else the one in use. */
    public void set(FaultRules rules) {
        Objects.requireNonNull(rules, "rules is null");
        synchronized (lock) {
            start(rules, rules.seed() != null ? rules.seed() : run.seed());
        }
    }

    /** No faults from now on (the seed stays). */
    public void clear() {
        set(FaultRules.NONE);
    }

    /** Same rules, a new seed, counting afresh: what a replay of a logged run needs. */
    public void seed(long seed) {
        synchronized (lock) {
            start(run.rules(), seed);
        }
    }

    /** Back to an org file's rules; without a seed in the file, the seed drawn when the emulator started. */
    public void reset(FaultRules fileRules) {
        Objects.requireNonNull(fileRules, "fileRules is null");
        synchronized (lock) {
            start(fileRules, fileRules.seed() != null ? fileRules.seed() : startSeed);
        }
    }

    public LogView log() {
        synchronized (lock) {
            FaultLog.Snapshot snapshot = log.snapshot();
            return new LogView(run.seed(), run.calls(), run.records(), snapshot.events(), snapshot.forgotten());
        }
    }

    /**
     * Applies the call faults to one request before it is routed. Returns true when the fault answered the call
     * (an error) or broke it (a connection dropped before processing); the caller must then not route it.
     */
    public boolean intercept(Exchange exchange) {
        FaultRun current = run;
        if (current.rules().noCallRules()) {
            return false;
        }
        Optional<ApiKind> api = ApiKind.ofPath(exchange.path());
        if (api.isEmpty()) {
            return false;
        }
        String token = callerToken(exchange);
        CallFaults faults;
        synchronized (lock) {
            faults = run.nextCall(api.get(), exchange.method(), exchange.path(), token, log);
        }
        pause(faults.delayMillis());
        if (faults.drop() == DropRule.When.BEFORE) {
            exchange.dropConnection();
            return true;
        }
        if (faults.drop() == DropRule.When.AFTER) {
            exchange.dropInsteadOfAnswering();
            return false;
        }
        if (faults.expireToken()) {
            sessions.expire(token);
        }
        if (faults.error() != null) {
            ErrorResponses.send(exchange, api.get(), faults.error());
            return true;
        }
        return false;
    }

    /**
     * Whether to fail one record of a write instead of saving it: empty to save it, else the error to report for it.
     * Call it once per record, in the order of the records in the request, so that runs replay.
     */
    public Optional<InjectedRecordError> recordError(ApiKind api, String objectName) {
        Objects.requireNonNull(api, "api is null");
        if (run.rules().recordErrors().isEmpty()) {
            return Optional.empty();
        }
        synchronized (lock) {
            return run.nextRecord(api, objectName, log);
        }
    }

    private void start(FaultRules rules, long seed) {
        run = new FaultRun(rules.withSeed(null), seed);
        log.clear();
    }

    private void pause(long millis) {
        if (millis <= 0) {
            return;
        }
        try {
            sleeper.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The bearer token of REST, Bulk 2.0 and OAuth calls, or Bulk 1.0's X-SFDC-Session header. */
    static String callerToken(Exchange exchange) {
        String authorization = exchange.header("Authorization");
        if (authorization != null) {
            String[] schemeAndToken = authorization.trim().split("\\s+", 2);
            boolean bearer = schemeAndToken[0].equalsIgnoreCase("Bearer") || schemeAndToken[0].equalsIgnoreCase("OAuth");
            if (bearer && schemeAndToken.length == 2) {
                return schemeAndToken[1];
            }
        }
        return exchange.header("X-SFDC-Session");
    }
}
