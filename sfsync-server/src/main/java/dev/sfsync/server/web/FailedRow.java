package dev.sfsync.server.web;

import dev.sfsync.core.outcome.RowOutcome;

import java.util.List;
import java.util.Locale;

/** A failed or rejected row of a run, as the run page lists it; {@code index} is its place among them (for its link). */
public record FailedRow(int index, List<String> key, String outcome, String code, String message, List<String> fields, Integer attempt) {
    static FailedRow of(int index, RowOutcome outcome) {
        Integer attempt = outcome instanceof RowOutcome.Failed failed ? failed.attempt() : null;
        var error = outcome.error();
        return new FailedRow(index, outcome.key().values(), outcome.status().name().toLowerCase(Locale.ROOT), error == null ? "" : error.code(),
                error == null ? "" : error.message(), error == null ? List.of() : error.fields(), attempt);
    }

    public String keyText() {
        return String.join(", ", key);
    }

    /** Whether the search text is in the key, code, message or fields (case-insensitive). */
    boolean matches(String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        return keyText().toLowerCase(Locale.ROOT).contains(q) || code.toLowerCase(Locale.ROOT).contains(q)
                || message.toLowerCase(Locale.ROOT).contains(q) || String.join(",", fields).toLowerCase(Locale.ROOT).contains(q);
    }
}
