package dev.sfsync.salesforce.internal;

import dev.sfsync.salesforce.auth.Session;
import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.LimitExceeded;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.error.SalesforceException.Failure;
import dev.sfsync.salesforce.error.ServerError;
import dev.sfsync.salesforce.limits.ApiUsage;
import dev.sfsync.salesforce.limits.ApiUsageTracker;
import dev.sfsync.salesforce.limits.QuotaReserve;
import dev.sfsync.salesforce.retry.RetryPolicy;
import dev.sfsync.salesforce.retry.Sleeper;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.random.RandomGenerator;

/**
 * Runs one logical call to completion: checks the quota reserve, attaches the session, refreshes an expired session
 * once, retries what is safe to retry with backoff, tracks API usage, and turns failures into typed exceptions.
 *
 * <p>What is retried, and why it cannot write twice:
 * <ul>
 *   <li>A connection that could not be opened: nothing was sent.</li>
 *   <li>TRANSIENT failures (whole-call UNABLE_TO_LOCK_ROW, 503, a concurrency limit): Salesforce answered that it did
 *       not do the work (the transaction was rolled back), so even a create can be sent again.</li>
 *   <li>SERVER failures (500, 502, 504, a dropped connection, a timeout) only for REPEATABLE calls: the first attempt
 *       may have been applied, and repeating an update, upsert or delete lands in the same state. A ONCE_ONLY call
 *       (a create) that loses its answer is not sent again; it fails with {@link ServerError#outcomeUnknown()}.</li>
 *   <li>An expired session (401 / INVALID_SESSION_ID): the call was refused before it ran, so it is resent once with
 *       a fresh token. A second refusal is an AuthenticationFailed, never a loop.</li>
 * </ul>
 * REQUEST_LIMIT_EXCEEDED for the daily quota is not retried: it stops the call and reports the last usage seen.
 */
public final class ApiCaller {
    private final HttpTransport transport;
    private final Session session;
    private final ApiUsageTracker usage;
    private final QuotaReserve reserve;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final RandomGenerator random;

    public ApiCaller(HttpTransport transport, Session session, ApiUsageTracker usage, QuotaReserve reserve, RetryPolicy retry,
                     Sleeper sleeper, RandomGenerator random) {
        this.transport = transport;
        this.session = session;
        this.usage = usage;
        this.reserve = reserve;
        this.retry = retry;
        this.sleeper = sleeper;
        this.random = random;
    }

    public HttpTransport transport() {
        return transport;
    }

    public ApiUsageTracker usage() {
        return usage;
    }

    /** The response of a successful (status < 400) call; close it. Failures throw a {@link SalesforceException}. */
    public RawResponse call(ApiRequest request) {
        int attempt = 1;
        boolean renewed = false;
        while (true) {
            checkReserve(request);
            String token = request.auth() == ApiRequest.Auth.NONE ? null : session.accessToken();
            RawResponse response;
            try {
                response = transport.send(request.method(), resolve(request), headers(request, token), request.body().apply(token), attempt);
            } catch (IOException e) {
                boolean neverSent = e instanceof ConnectException || e instanceof HttpConnectTimeoutException;
                Failure failure = new Failure(request.describe(), 0, ErrorKind.SERVER,
                        List.of(new SalesforceError(neverSent ? "CONNECTION_FAILED" : "CONNECTION_LOST", HttpTransport.describe(e))));
                if (!neverSent && request.idempotency() == ApiRequest.Idempotency.ONCE_ONLY) {
                    throw ServerError.outcomeUnknown(failure, e);
                }
                if (attempt >= retry.maxAttempts()) {
                    throw SalesforceException.of(failure, e);
                }
                backOff(++attempt);
                continue;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted during " + request.describe());
            }
            response.header("Sforce-Limit-Info").ifPresent(usage::observeHeader);
            if (response.status() < 400) {
                return response;
            }
            Failure failure = ErrorResponses.failure(request.describe(), response.status(), response.readAll());
            if (sessionRejected(response.status(), failure) && request.auth() != ApiRequest.Auth.NONE) {
                if (renewed) {
                    throw SalesforceException.of(new Failure(failure.request(), failure.httpStatus(), ErrorKind.AUTHENTICATION, failure.errors()), null);
                }
                session.renewAfterRejection(token);
                renewed = true;
                continue;
            }
            if (failure.kind() == ErrorKind.LIMIT) {
                throw LimitExceeded.byOrg(failure, usage.latest().orElse(null));
            }
            if (!mayRetry(request, failure) || attempt >= retry.maxAttempts()) {
                throw SalesforceException.of(failure, null);
            }
            backOff(++attempt);
        }
    }

    /** TRANSIENT means "not done, try again"; SERVER means "maybe done", so only a repeatable call may go again. */
    private static boolean mayRetry(ApiRequest request, Failure failure) {
        return switch (failure.kind()) {
            case TRANSIENT -> true;
            case SERVER -> request.idempotency() == ApiRequest.Idempotency.REPEATABLE;
            default -> false;
        };
    }

    private static boolean sessionRejected(int status, Failure failure) {
        String code = failure.errors().getFirst().code();
        // The identity service answers a dead token with a bare 403 Bad_OAuth_Token.
        return status == 401 || code.equals("INVALID_SESSION_ID") || code.equals("InvalidSessionId")
                || (status == 403 && failure.errors().getFirst().message().equals("Bad_OAuth_Token"));
    }

    private void checkReserve(ApiRequest request) {
        if (request.auth() == ApiRequest.Auth.NONE) {
            return;
        }
        Optional<ApiUsage> refused = usage.countOneWithin(reserve);
        if (refused.isPresent()) {
            throw LimitExceeded.byReserve(request.describe(), refused.get(), reserve.reservedOf(refused.get().max()));
        }
    }

    private void backOff(int nextAttempt) {
        Duration wait = retry.delayBefore(nextAttempt, random);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while waiting to retry");
        }
    }

    private URI resolve(ApiRequest request) {
        String target = request.target();
        if (target.startsWith("http://") || target.startsWith("https://")) {
            return URI.create(target);
        }
        return URI.create(session.instanceUrl() + target);
    }

    private static Map<String, String> headers(ApiRequest request, String token) {
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        switch (request.auth()) {
            case BEARER -> headers.put("Authorization", "Bearer " + token);
            case SFDC_SESSION_HEADER -> headers.put("X-SFDC-Session", token);
            case IN_BODY, NONE -> { }
        }
        return headers;
    }
}
