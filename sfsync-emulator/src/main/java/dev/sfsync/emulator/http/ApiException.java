package dev.sfsync.emulator.http;

import java.util.List;
import java.util.Objects;

/**
 * A call-level failure, rendered as Salesforce renders them: an HTTP status and a JSON array of
 * {@code {"message","errorCode","fields"}} objects.
 */
public final class ApiException extends RuntimeException {
    private final int status;
    private final List<ErrorItem> errors;

    public ApiException(int status, List<ErrorItem> errors) {
        super(errors.isEmpty() ? "HTTP " + status : errors.getFirst().errorCode() + ": " + errors.getFirst().message(), null, false, false);
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public ApiException(int status, String errorCode, String message) {
        this(status, List.of(new ErrorItem(message, errorCode, null)));
    }

    public ApiException(int status, String errorCode, String message, List<String> fields) {
        this(status, List.of(new ErrorItem(message, errorCode, fields)));
    }

    public int status() {
        return status;
    }

    public List<ErrorItem> errors() {
        return errors;
    }

    /** The JSON error array Salesforce answers: message, errorCode, and fields when there are any. */
    public List<java.util.Map<String, Object>> body() {
        List<java.util.Map<String, Object>> body = new java.util.ArrayList<>();
        for (ErrorItem item : errors) {
            java.util.Map<String, Object> entry = new java.util.LinkedHashMap<>();
            entry.put("message", item.message());
            entry.put("errorCode", item.errorCode());
            if (item.fields() != null) {
                entry.put("fields", item.fields());
            }
            body.add(entry);
        }
        return body;
    }

    public static ApiException notFound() {
        return new ApiException(404, "NOT_FOUND", "The requested resource does not exist");
    }

    public static ApiException invalidSession() {
        return new ApiException(401, "INVALID_SESSION_ID", "Session expired or invalid");
    }

    public static ApiException methodNotAllowed(String method, List<String> allowed) {
        return new ApiException(405, "METHOD_NOT_ALLOWED", "HTTP Method '" + method + "' not allowed. Allowed are " + String.join(",", allowed));
    }

    /** One element of the error array; {@code fields} is left out of the JSON when null, as Salesforce does for call errors. */
    public record ErrorItem(String message, String errorCode, List<String> fields) {
        public ErrorItem {
            Objects.requireNonNull(errorCode, "errorCode is null");
        }
    }
}
