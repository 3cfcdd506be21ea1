package dev.sfsync.emulator.org;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A simplified validation rule: the record fails with FIELD_CUSTOM_VALIDATION_EXCEPTION when {@code field} is blank
 * ({@code required}) or, when it has a value, that value does not match {@code pattern}. {@code when} optionally
 * limits the rule to records whose field {@code whenField} equals {@code whenValue}.
 */
public record ValidationRule(
        String name,
        String field,
        boolean required,
        Pattern pattern,
        String whenField,
        String whenValue,
        String message,
        String errorDisplayField,
        boolean active) {

    public ValidationRule {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(field, "field is null");
        if (!required && pattern == null) {
            throw new IllegalArgumentException("validation rule '" + name + "' needs 'required: true' or a 'pattern'");
        }
        message = message == null ? "Validation rule " + name + " failed for field " + field : message;
    }

    /** Returns the rule's message when the record (after the write is applied) breaks the rule. */
    public Optional<String> check(java.util.function.Function<String, Object> valueOf) {
        if (!active) {
            return Optional.empty();
        }
        if (whenField != null) {
            Object when = valueOf.apply(whenField);
            if (when == null || !String.valueOf(when).equals(whenValue)) {
                return Optional.empty();
            }
        }
        Object value = valueOf.apply(field);
        boolean blank = value == null || String.valueOf(value).isBlank();
        if (blank) {
            return required ? Optional.of(message) : Optional.empty();
        }
        if (pattern != null && !pattern.matcher(String.valueOf(value)).matches()) {
            return Optional.of(message);
        }
        return Optional.empty();
    }
}
