package dev.sfsync.salesforce.bulk;

import dev.sfsync.salesforce.error.SalesforceError;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The error column of Bulk results (Bulk 2.0's sf__Error, Bulk 1.0's Error): {@code CODE:message:Field1,Field2 --}
 * in practice, though only "code and message" is documented, so anything else is kept whole as the message.
 */
public final class BulkErrorText {
    private static final Pattern SHAPED = Pattern.compile("(?s)^([A-Z][A-Z0-9_]*):(.*?)(?::([^:]*?))?\\s*--\\s*$");
    private static final Pattern CODE_FIRST = Pattern.compile("(?s)^([A-Z][A-Z0-9_]*):(.*)$");

    private BulkErrorText() {
    }

    /**
     * Why a job's or batch's rows were not processed, from its message ("InvalidBatch : Field name not found : Nmae"
     * gives code InvalidBatch); without a message, or one of another shape, ROW_NOT_PROCESSED.
     */
    public static SalesforceError notProcessed(String what, String message) {
        if (message == null || message.isBlank()) {
            return new SalesforceError("ROW_NOT_PROCESSED", what + " without processing this row");
        }
        int colon = message.indexOf(" : ");
        if (colon > 0 && message.substring(0, colon).matches("[A-Za-z_]+")) {
            return new SalesforceError(message.substring(0, colon), message.substring(colon + 3));
        }
        return new SalesforceError("ROW_NOT_PROCESSED", what + ": " + message);
    }

    public static SalesforceError parse(String text) {
        if (text == null || text.isBlank()) {
            return new SalesforceError("UNKNOWN_EXCEPTION", "Salesforce reported the row as failed without an error");
        }
        String trimmed = text.strip();
        Matcher shaped = SHAPED.matcher(trimmed);
        if (shaped.matches()) {
            String fields = shaped.group(3);
            List<String> names = fields == null || fields.isBlank() ? List.of() : List.of(fields.strip().split("\\s*,\\s*"));
            return new SalesforceError(shaped.group(1), shaped.group(2).strip(), names);
        }
        Matcher codeFirst = CODE_FIRST.matcher(trimmed);
        if (codeFirst.matches()) {
            return new SalesforceError(codeFirst.group(1), codeFirst.group(2).strip());
        }
        return new SalesforceError("UNKNOWN_EXCEPTION", trimmed);
    }
}
