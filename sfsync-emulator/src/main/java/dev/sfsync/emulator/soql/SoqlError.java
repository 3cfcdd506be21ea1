package dev.sfsync.emulator.soql;

/**
 * A query Salesforce would refuse, with its error code and message. Positional errors echo the offending line with a
 * caret and "ERROR at Row:r:Column:c", as Salesforce does, so clients that parse that shape keep working.
 */
public final class SoqlError extends RuntimeException {
    public static final String MALFORMED_QUERY = "MALFORMED_QUERY";
    public static final String INVALID_FIELD = "INVALID_FIELD";
    public static final String INVALID_TYPE = "INVALID_TYPE";
    public static final String INVALID_QUERY_FILTER_OPERATOR = "INVALID_QUERY_FILTER_OPERATOR";
    public static final String NUMBER_OUTSIDE_VALID_RANGE = "NUMBER_OUTSIDE_VALID_RANGE";

    /** Salesforce shows about this many characters of the query before the caret. */
    private static final int CONTEXT_BEFORE = 32;
    private static final int CONTEXT_AFTER = 40;

    private final String errorCode;

    public SoqlError(String errorCode, String message) {
        super(message, null, false, false);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }

    public static SoqlError at(String errorCode, String query, int position, String message) {
        return new SoqlError(errorCode, locate(query, position) + message);
    }

    public static SoqlError malformed(String query, int position, String message) {
        return at(MALFORMED_QUERY, query, position, message);
    }

    public static SoqlError unexpected(String query, Token token) {
        String shown = token.kind() == Token.Kind.EOF ? "<EOF>" : token.source();
        return malformed(query, token.position(), "unexpected token: '" + shown + "'");
    }

    public static SoqlError noSuchColumn(String query, int position, String field, String object) {
        return at(INVALID_FIELD, query, position, "No such column '" + field + "' on entity '" + object + "'. If you are attempting "
                + "to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL "
                + "or the describe call for the appropriate names.");
    }

    public static SoqlError badRelationship(String query, int position, String relationship) {
        return at(INVALID_FIELD, query, position, "Didn't understand relationship '" + relationship + "' in field path. If you are "
                + "attempting to use a custom relationship, be sure to append the '__r' after the custom relationship name. "
                + "Please reference your WSDL or the describe call for the appropriate names.");
    }

    public static SoqlError unsupportedType(String query, int position, String object) {
        return at(INVALID_TYPE, query, position, "sObject type '" + object + "' is not supported. If you are attempting to use a "
                + "custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe "
                + "call for the appropriate names.");
    }

    /** "\n<part of the line>\n<spaces>^\nERROR at Row:r:Column:c\n", with 1-based row and column. */
    static String locate(String query, int position) {
        int at = Math.max(0, Math.min(position, query.length()));
        int lineStart = query.lastIndexOf('\n', at - 1) + 1;
        int lineEnd = query.indexOf('\n', at);
        if (lineEnd < 0) {
            lineEnd = query.length();
        }
        int row = 1;
        for (int i = 0; i < lineStart; i++) {
            if (query.charAt(i) == '\n') {
                row++;
            }
        }
        int from = Math.max(lineStart, at - CONTEXT_BEFORE);
        while (from > lineStart && from < at && !Character.isWhitespace(query.charAt(from - 1))) {
            from++;
        }
        int to = Math.min(lineEnd, at + CONTEXT_AFTER);
        while (to < lineEnd && !Character.isWhitespace(query.charAt(to))) {
            to++;
        }
        String shown = query.substring(from, to);
        return "\n" + shown + "\n" + " ".repeat(at - from) + "^\nERROR at Row:" + row + ":Column:" + (at - lineStart + 1) + "\n";
    }
}
