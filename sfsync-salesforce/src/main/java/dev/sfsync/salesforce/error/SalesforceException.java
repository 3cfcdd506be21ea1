package dev.sfsync.salesforce.error;

import java.util.List;
import java.util.Objects;

/**
 * The one root of every call-level failure. Its subclass (and {@link #kind()}) says what the caller does next;
 * {@link #errorCode()} is Salesforce's code (or this client's, for failures that never reached Salesforce), and
 * {@link #retryable()} says whether sending the same call again can succeed. A record's own failure is never an
 * exception: it comes back as data in a save result or a Bulk result row.
 */
public abstract sealed class SalesforceException extends RuntimeException
        permits TransientFailure, ServerError, AuthenticationFailed, ReconnectNeeded, LimitExceeded, AccessDenied,
        ResourceNotFound, MalformedRequest, RequestFailed {

    private final Failure failure;

    SalesforceException(Failure failure, Throwable cause) {
        super(failure.describe(), cause);
        this.failure = failure;
    }

    /**
     * What went wrong, as observed.
     *
     * @param request    e.g. "PATCH /services/data/v62.0/sobjects/Account/001…", or what was attempted
     * @param httpStatus 0 when no response arrived
     */
    public record Failure(String request, int httpStatus, ErrorKind kind, List<SalesforceError> errors) {
        public Failure {
            Objects.requireNonNull(request, "request is null");
            Objects.requireNonNull(kind, "kind is null");
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a failure needs at least one error");
            }
        }

        String describe() {
            SalesforceError first = errors.getFirst();
            ErrorExplanation explanation = first.explanation();
            StringBuilder text = new StringBuilder(first.code()).append(": ").append(first.message());
            if (!first.fields().isEmpty()) {
                text.append(" (fields ").append(String.join(", ", first.fields())).append(')');
            }
            if (errors.size() > 1) {
                text.append(" (+").append(errors.size() - 1).append(" more)");
            }
            text.append(" [").append(request).append(httpStatus > 0 ? " -> HTTP " + httpStatus : "").append("]");
            if (explanation.kind() != ErrorKind.UNKNOWN) {
                text.append(". ").append(explanation.explanation()).append(" Fix: ").append(explanation.fix());
            }
            return text.toString();
        }
    }

    /** Builds the subclass that matches the failure's kind. */
    public static SalesforceException of(Failure failure, Throwable cause) {
        return switch (failure.kind()) {
            case TRANSIENT -> new TransientFailure(failure, cause);
            case SERVER -> new ServerError(failure, false, cause);
            case AUTHENTICATION -> new AuthenticationFailed(failure, cause);
            case RECONNECT_NEEDED -> new ReconnectNeeded(failure, cause);
            case LIMIT -> new LimitExceeded(failure, null, false, cause);
            case PERMISSION -> new AccessDenied(failure, cause);
            case NOT_FOUND -> new ResourceNotFound(failure, cause);
            case MALFORMED -> new MalformedRequest(failure, cause);
            case DATA, UNKNOWN -> new RequestFailed(failure, cause);
        };
    }

    public Failure failure() {
        return failure;
    }

    public ErrorKind kind() {
        return failure.kind();
    }

    public boolean retryable() {
        return failure.kind().retryable();
    }

    /** Salesforce's code of the first error, e.g. REQUEST_LIMIT_EXCEEDED. */
    public String errorCode() {
        return failure.errors().getFirst().code();
    }

    public int httpStatus() {
        return failure.httpStatus();
    }

    public List<SalesforceError> errors() {
        return failure.errors();
    }
}
