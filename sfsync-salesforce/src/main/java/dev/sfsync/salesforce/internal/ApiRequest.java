package dev.sfsync.salesforce.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One logical call, as the caller describes it; {@link ApiCaller} turns it into one or more HTTP attempts.
 *
 * @param target      a path on the instance ("/services/data/v62.0/limits") or an absolute URL (the token endpoint)
 * @param body        the body for a given access token (only SOAP puts the session in the body; others ignore it)
 * @param idempotency whether sending it twice could apply it twice, which decides what may be retried
 */
public record ApiRequest(String method, String target, Map<String, String> headers, Function<String, RequestBody> body,
                         Idempotency idempotency, Auth auth) {

    /** Whether a second copy of the request could change more than the first did. */
    public enum Idempotency {
        /** Reads, updates by id, upserts by key, deletes: repeating them lands in the same state. */
        REPEATABLE,
        /** Creates, event publishes, job and batch submissions: a repeat could make a second copy. */
        ONCE_ONLY
    }

    /** How the access token travels. */
    public enum Auth {
        BEARER, SFDC_SESSION_HEADER, IN_BODY, NONE
    }

    public ApiRequest {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(target, "target is null");
        Objects.requireNonNull(body, "body is null");
        Objects.requireNonNull(idempotency, "idempotency is null");
        Objects.requireNonNull(auth, "auth is null");
        headers = Map.copyOf(headers);
    }

    public static ApiRequest get(String target) {
        return new ApiRequest("GET", target, Map.of(), token -> RequestBody.NONE, Idempotency.REPEATABLE, Auth.BEARER);
    }

    public static ApiRequest delete(String target) {
        return new ApiRequest("DELETE", target, Map.of(), token -> RequestBody.NONE, Idempotency.REPEATABLE, Auth.BEARER);
    }

    /** A write; say whether it can be repeated safely. */
    public static ApiRequest send(String method, String target, RequestBody body, Idempotency idempotency) {
        return new ApiRequest(method, target, Map.of(), token -> body, idempotency, Auth.BEARER);
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new ApiRequest(method, target, more, body, idempotency, auth);
    }

    public ApiRequest withAuth(Auth value) {
        return new ApiRequest(method, target, headers, body, idempotency, value);
    }

    public ApiRequest withBodyFor(Function<String, RequestBody> value) {
        return new ApiRequest(method, target, headers, value, idempotency, auth);
    }

    /** "GET /services/data/v62.0/limits", for messages. */
    public String describe() {
        String path = target.replaceFirst("^https?://[^/]+", "");
        int query = path.indexOf('?');
        return method + " " + (query < 0 ? path : path.substring(0, query));
    }
}
