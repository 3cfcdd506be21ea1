package dev.sfsync.core.outcome;

import java.util.List;
import java.util.Objects;

/**
 * Why a row failed: Salesforce's error shape ({@code errorCode}, {@code message}, {@code fields}), also used for
 * rows rejected locally with the code Salesforce would have answered.
 */
public record RowError(String code, String message, List<String> fields) {
    public RowError {
        Objects.requireNonNull(code, "code is null");
        Objects.requireNonNull(message, "message is null");
        fields = fields == null ? List.of() : List.copyOf(fields);
    }

    public static RowError of(String code, String message, String... fields) {
        return new RowError(code, message, List.of(fields));
    }
}
