package dev.sfsync.emulator.faults;

import java.util.Map;
import java.util.Optional;

/**
 * What Salesforce answers for the error codes fault rules commonly inject: the HTTP status of a failed call and the
 * message, so a rule may give the status alone (503 → SERVER_UNAVAILABLE) or the code alone (UNABLE_TO_LOCK_ROW → 400).
 */
public final class ErrorCatalogue {
    /** One code's usual call status and message. */
    public record Entry(int status, String message) {
    }

    public static final String SERVER_UNAVAILABLE = "SERVER_UNAVAILABLE";
    public static final String UNKNOWN_EXCEPTION = "UNKNOWN_EXCEPTION";

    private static final Map<String, Entry> BY_CODE = Map.of(
            "UNABLE_TO_LOCK_ROW", new Entry(400, "unable to obtain exclusive access to this record"),
            SERVER_UNAVAILABLE, new Entry(503, "Server Unavailable"),
            UNKNOWN_EXCEPTION, new Entry(500, "An unexpected error occurred. Please include this ErrorId if you contact support: "),
            "REQUEST_LIMIT_EXCEEDED", new Entry(403, "TotalRequests Limit exceeded."),
            "INVALID_SESSION_ID", new Entry(401, "Session expired or invalid"),
            "QUERY_TIMEOUT", new Entry(400, "Your query request was running for too long."),
            "STORAGE_LIMIT_EXCEEDED", new Entry(400, "storage limit exceeded"));

    /** The code Salesforce sends with a bare status; statuses not listed come from the edge without a Salesforce body. */
    private static final Map<Integer, String> CODE_BY_STATUS = Map.of(
            401, "INVALID_SESSION_ID",
            403, "REQUEST_LIMIT_EXCEEDED",
            500, UNKNOWN_EXCEPTION,
            503, SERVER_UNAVAILABLE);

    private ErrorCatalogue() {
    }

    public static Optional<Entry> entry(String errorCode) {
        return Optional.ofNullable(BY_CODE.get(errorCode));
    }

    public static Optional<String> codeForStatus(int status) {
        return Optional.ofNullable(CODE_BY_STATUS.get(status));
    }

    /** The message of a code: the catalogue's, or a plain one for codes it does not list. */
    public static String message(String errorCode) {
        return entry(errorCode).map(Entry::message).orElse("injected " + errorCode);
    }

    /** Status, code (null: an answer from the edge with no Salesforce body) and message of an error rule. */
    static InjectedCallError resolve(ErrorRule rule, long call, long seed) {
        String code = rule.errorCode() != null ? rule.errorCode() : codeForStatus(rule.status()).orElse(null);
        int status = rule.status() != null ? rule.status() : entry(code).map(Entry::status).orElse(400);
        String message = rule.message();
        if (message == null && code != null) {
            message = code.equals(UNKNOWN_EXCEPTION) ? message(code) + errorId(call, seed) : message(code);
        }
        return new InjectedCallError(status, code, message, rule.errorCode() != null, rule.status() != null);
    }

    /** Salesforce's ErrorId looks like 1234567890-12345 (-1234567890); ours is derived from the call, so it repeats. */
    private static String errorId(long call, long seed) {
        long hash = SeededDraws.mix(seed ^ call);
        return Math.floorMod(hash, 1_000_000_000L) + "-" + Math.floorMod(hash >>> 30, 100_000L)
                + " (" + (-Math.floorMod(hash >>> 17, 1_000_000_000L)) + ")";
    }
}
