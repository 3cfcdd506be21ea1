package dev.sfsync.emulator.soql;

import java.util.Locale;

/**
 * One lexical unit of a query. {@code text} is the decoded value (a string literal without quotes and escapes);
 * {@code source} is what the query says, for error messages; {@code likePattern} is set for string literals only.
 */
public record Token(Kind kind, String text, String source, int position, String likePattern) {
    public enum Kind { IDENTIFIER, STRING, NUMBER, DATE, DATETIME, SYMBOL, EOF }

    public boolean is(Kind wanted) {
        return kind == wanted;
    }

    /** Whether this is the given keyword (or symbol), ignoring case as SOQL does. */
    public boolean is(String keywordOrSymbol) {
        return (kind == Kind.IDENTIFIER || kind == Kind.SYMBOL) && text.equalsIgnoreCase(keywordOrSymbol);
    }

    public String upper() {
        return text.toUpperCase(Locale.ROOT);
    }
}
