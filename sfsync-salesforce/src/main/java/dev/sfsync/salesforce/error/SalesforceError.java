package dev.sfsync.salesforce.error;

import java.util.List;
import java.util.Objects;

/**
 * One error as Salesforce sends it: a code ({@code statusCode} in save results, {@code errorCode} in call errors,
 * {@code exceptionCode} in Bulk 1.0, the fault code in SOAP), its message, and the fields it concerns.
 */
public record SalesforceError(String code, String message, List<String> fields) {
    public SalesforceError {
        Objects.requireNonNull(code, "code is null");
        message = message == null ? "" : message;
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public SalesforceError(String code, String message) {
        this(code, message, List.of());
    }

    /** The catalogue's view of this code (kind, explanation, fix); codes it does not know come back as UNKNOWN. */
    public ErrorExplanation explanation() {
        return ErrorCatalogue.standard().explain(code);
    }

    public boolean retryable() {
        return explanation().retryable();
    }

    @Override
    public String toString() {
        return code + ": " + message + (fields.isEmpty() ? "" : " " + fields);
    }
}
