package dev.sfsync.salesforce.error;

import java.util.Objects;

/**
 * The catalogue's entry for one error code: what it means and what to do, in plain words.
 *
 * @param recordLevel true when Salesforce reports this code on a single record (save results, Bulk result rows),
 *                    so a single-record write that fails with it is the record's fate, not the call's
 */
public record ErrorExplanation(String code, ErrorKind kind, boolean recordLevel, String explanation, String fix) {
    public ErrorExplanation {
        Objects.requireNonNull(code, "code is null");
        Objects.requireNonNull(kind, "kind is null");
        Objects.requireNonNull(explanation, "explanation is null");
        Objects.requireNonNull(fix, "fix is null");
    }

    static ErrorExplanation unknown(String code) {
        return new ErrorExplanation(code, ErrorKind.UNKNOWN, true,
                "Salesforce returned a code this client's catalogue does not list.",
                "Read the message; Salesforce's list of status codes describes every code.");
    }

    public boolean retryable() {
        return kind.retryable();
    }
}
