package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.soql.SoqlQuery.Condition;
import dev.sfsync.emulator.soql.SoqlQuery.FieldPath;
import dev.sfsync.emulator.soql.SoqlQuery.OrderItem;
import dev.sfsync.emulator.soql.SoqlQuery.SelectItem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the SOQL subset the emulator runs. It checks syntax only; names are checked against
 * the org by {@link SoqlPlanner}. Clauses outside the subset fail with MALFORMED_QUERY naming what is unsupported.
 */
public final class SoqlParser {
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "INCLUDES",
            "EXCLUDES", "ORDER", "BY", "LIMIT", "OFFSET", "NULL", "TRUE", "FALSE", "GROUP", "HAVING", "WITH", "USING", "FOR", "TYPEOF");
    private static final Set<String> UNSUPPORTED_CLAUSES = Set.of("WITH", "GROUP", "HAVING", "FOR", "USING", "UPDATE");

    final String text;
    final List<Token> tokens;
    int index;

    private SoqlParser(String text) {
        this.text = text;
        this.tokens = SoqlLexer.tokenize(text);
    }

    public static SoqlQuery parse(String query) {
        SoqlParser parser = new SoqlParser(query);
        SoqlQuery parsed = parser.query();
        parser.expectEnd();
        return parsed;
    }

    /** One SELECT statement; used for the top level and for semi-join subqueries. */
    SoqlQuery query() {
        expectKeyword("SELECT");
        List<SelectItem> select = new ArrayList<>();
        do {
            select.add(selectItem());
        } while (accept(","));
        expectKeyword("FROM");
        Token object = next();
        if (!object.is(Token.Kind.IDENTIFIER) || isReserved(object) || object.text().contains(".")) {
            throw SoqlError.unexpected(text, object);
        }
        Condition where = acceptKeyword("WHERE") ? new ConditionParser(this).expression() : null;
        rejectUnsupportedClause();
        List<OrderItem> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                orderBy.add(orderItem());
            } while (accept(","));
        }
        Integer limit = acceptKeyword("LIMIT") ? count() : null;
        Integer offset = acceptKeyword("OFFSET") ? count() : null;
        rejectUnsupportedClause();
        return new SoqlQuery(text, select, object.text(), object.position(), where, orderBy, limit, offset);
    }

    private SelectItem selectItem() {
        Token token = peek();
        if (token.is("(")) {
            throw SoqlError.malformed(text, token.position(), "child relationship subqueries are not supported by the sfsync emulator");
        }
        if (token.is(Token.Kind.IDENTIFIER) && peekAt(1).is("(")) {
            if (!token.is("COUNT")) {
                throw SoqlError.malformed(text, token.position(), token.text() + "() is not supported by the sfsync emulator; only COUNT() and COUNT(field) are");
            }
            next();
            next();
            FieldPath path = peek().is(")") ? null : path();
            expect(")");
            String alias = null;
            if (peek().is(Token.Kind.IDENTIFIER) && !isReserved(peek())) {
                alias = next().text();
            }
            return new SoqlQuery.SelectCount(path, alias, token.position());
        }
        if (token.is("TYPEOF")) {
            throw SoqlError.malformed(text, token.position(), "TYPEOF is not supported by the sfsync emulator");
        }
        return new SoqlQuery.SelectField(path());
    }

    private OrderItem orderItem() {
        FieldPath path = path();
        boolean descending = false;
        if (acceptKeyword("DESC")) {
            descending = true;
        } else {
            acceptKeyword("ASC");
        }
        boolean nullsFirst = !descending;
        if (acceptKeyword("NULLS")) {
            Token which = next();
            if (which.is("FIRST")) {
                nullsFirst = true;
            } else if (which.is("LAST")) {
                nullsFirst = false;
            } else {
                throw SoqlError.unexpected(text, which);
            }
        }
        return new OrderItem(path, descending, nullsFirst);
    }

    private int count() {
        Token number = next();
        if (!number.is(Token.Kind.NUMBER) || !number.text().matches("\\d+")) {
            throw SoqlError.unexpected(text, number);
        }
        try {
            return Integer.parseInt(number.text());
        } catch (NumberFormatException e) {
            throw SoqlError.malformed(text, number.position(), "number out of range: " + number.text());
        }
    }

    FieldPath path() {
        Token token = next();
        if (!token.is(Token.Kind.IDENTIFIER) || isReserved(token)) {
            throw SoqlError.unexpected(text, token);
        }
        List<String> parts = Arrays.asList(token.text().split("\\.", -1));
        if (parts.stream().anyMatch(String::isEmpty)) {
            throw SoqlError.malformed(text, token.position(), "unexpected token: '" + token.text() + "'");
        }
        return new FieldPath(parts, token.position());
    }

    private void rejectUnsupportedClause() {
        Token token = peek();
        if (token.is(Token.Kind.IDENTIFIER) && UNSUPPORTED_CLAUSES.contains(token.upper())) {
            throw SoqlError.malformed(text, token.position(), token.upper() + " clauses are not supported by the sfsync emulator");
        }
    }

    private void expectEnd() {
        if (!peek().is(Token.Kind.EOF)) {
            throw SoqlError.unexpected(text, peek());
        }
    }

    static boolean isReserved(Token token) {
        return token.is(Token.Kind.IDENTIFIER) && RESERVED.contains(token.upper());
    }

    Token peek() {
        return tokens.get(index);
    }

    Token peekAt(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    Token next() {
        Token token = tokens.get(index);
        if (!token.is(Token.Kind.EOF)) {
            index++;
        }
        return token;
    }

    boolean accept(String symbol) {
        if (peek().is(Token.Kind.SYMBOL) && peek().is(symbol)) {
            index++;
            return true;
        }
        return false;
    }

    boolean acceptKeyword(String keyword) {
        if (peek().is(Token.Kind.IDENTIFIER) && peek().is(keyword)) {
            index++;
            return true;
        }
        return false;
    }

    void expect(String symbol) {
        if (!accept(symbol)) {
            throw SoqlError.unexpected(text, peek());
        }
    }

    void expectKeyword(String keyword) {
        if (!acceptKeyword(keyword)) {
            throw SoqlError.unexpected(text, peek());
        }
    }
}
