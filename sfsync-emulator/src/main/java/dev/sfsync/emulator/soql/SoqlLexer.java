package dev.sfsync.emulator.soql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Splits a query into tokens. Dotted paths (Account.Owner.Name) are one identifier token. */
public final class SoqlLexer {
    private static final Pattern DATETIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");
    private static final String[] SYMBOLS = {"<=", ">=", "!=", "<>", "=", "<", ">", "(", ")", ",", ":"};

    private final String query;
    private final List<Token> tokens = new ArrayList<>();
    private int pos;

    private SoqlLexer(String query) {
        this.query = query;
    }

    public static List<Token> tokenize(String query) {
        SoqlLexer lexer = new SoqlLexer(query);
        lexer.run();
        return lexer.tokens;
    }

    private void run() {
        while (true) {
            while (pos < query.length() && Character.isWhitespace(query.charAt(pos))) {
                pos++;
            }
            if (pos >= query.length()) {
                tokens.add(new Token(Token.Kind.EOF, "", "", pos, null));
                return;
            }
            char c = query.charAt(pos);
            if (c == '\'') {
                string();
            } else if (Character.isLetter(c) || c == '_') {
                identifier();
            } else if (Character.isDigit(c) || ((c == '-' || c == '+' || c == '.') && pos + 1 < query.length() && Character.isDigit(query.charAt(pos + 1)))) {
                numberOrDate();
            } else {
                symbol();
            }
        }
    }

    private void identifier() {
        int start = pos;
        while (pos < query.length() && (Character.isLetterOrDigit(query.charAt(pos)) || query.charAt(pos) == '_' || query.charAt(pos) == '.')) {
            pos++;
        }
        String text = query.substring(start, pos);
        tokens.add(new Token(Token.Kind.IDENTIFIER, text, text, start, null));
    }

    private void numberOrDate() {
        if (!lex(DATETIME, Token.Kind.DATETIME) && !lex(DATE, Token.Kind.DATE) && !lex(NUMBER, Token.Kind.NUMBER)) {
            symbol();
        }
    }

    private boolean lex(Pattern pattern, Token.Kind kind) {
        Matcher m = pattern.matcher(query).region(pos, query.length());
        if (!m.lookingAt()) {
            return false;
        }
        tokens.add(new Token(kind, m.group(), m.group(), pos, null));
        pos = m.end();
        return true;
    }

    private void symbol() {
        for (String symbol : SYMBOLS) {
            if (query.startsWith(symbol, pos)) {
                tokens.add(new Token(Token.Kind.SYMBOL, symbol, symbol, pos, null));
                pos += symbol.length();
                return;
            }
        }
        throw SoqlError.malformed(query, pos, "unexpected token: '" + query.charAt(pos) + "'");
    }

    /** A quoted literal: builds the plain value and, for LIKE, a regex where only unescaped % and _ are wildcards. */
    private void string() {
        int start = pos++;
        StringBuilder value = new StringBuilder();
        StringBuilder like = new StringBuilder();
        while (true) {
            if (pos >= query.length()) {
                throw SoqlError.malformed(query, start, "unterminated string literal: " + query.substring(start));
            }
            char c = query.charAt(pos++);
            if (c == '\'') {
                break;
            }
            if (c == '\\') {
                if (pos >= query.length()) {
                    throw SoqlError.malformed(query, start, "unterminated string literal: " + query.substring(start));
                }
                char escaped = query.charAt(pos++);
                char literal = switch (escaped) {
                    case 'n', 'N' -> '\n';
                    case 't', 'T' -> '\t';
                    case 'r', 'R' -> '\r';
                    case 'b', 'B' -> '\b';
                    case 'f', 'F' -> '\f';
                    case '\'', '"', '\\', '%', '_' -> escaped;
                    default -> throw SoqlError.malformed(query, pos - 2,
                            "Invalid string literal '" + query.substring(start, Math.min(query.length(), pos)) + "'. Illegal character sequence '\\" + escaped + "' in string literal.");
                };
                value.append(literal);
                appendQuoted(like, literal);
            } else {
                value.append(c);
                if (c == '%') {
                    like.append(".*");
                } else if (c == '_') {
                    like.append('.');
                } else {
                    appendQuoted(like, c);
                }
            }
        }
        tokens.add(new Token(Token.Kind.STRING, value.toString(), query.substring(start, pos), start, like.toString()));
    }

    private static void appendQuoted(StringBuilder regex, char c) {
        if (!Character.isLetterOrDigit(c)) {
            regex.append('\\');
        }
        regex.append(c);
    }
}
