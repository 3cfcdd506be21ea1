package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.soql.SoqlQuery.Condition;
import dev.sfsync.emulator.soql.SoqlQuery.FieldPath;
import dev.sfsync.emulator.soql.SoqlQuery.OrderItem;
import dev.sfsync.emulator.soql.SoqlQuery.SelectItem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for the SOQL subset the emulator runs. It checks syntax only; names are checked against
 * the org by {@link SoqlPlanner}. Clauses outside the subset fail with MALFORMED_QUERY naming what is unsupported.
 */
public final class SoqlParser {
    private static final Set<String> RESERVED = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "LIKE", "INCLUDES",
            "EXCLUDES", "ORDER", "BY", "LIMIT", "OFFSET", "NULL", "TRUE", "FALSE", "GROUP", "HAVING", "WITH", "USING", "FOR", "TYPEOF",
            "UPDATE", "ASC", "DESC", "NULLS");
    private static final Set<String> UNSUPPORTED_CLAUSES = Set.of("USING", "UPDATE");
    /** Field wrappers that keep the field's name as the result key. */
    private static final Set<String> FIELD_WRAPPERS = Set.of("TOLABEL", "FORMAT");
    private static final Set<String> FIELDS_GROUPS = Set.of("ALL", "STANDARD", "CUSTOM");

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

    /** One SELECT statement; used for the top level, child relationship subqueries and semi-join subqueries. */
    SoqlQuery query() {
        expectKeyword("SELECT");
        List<SelectItem> select = new ArrayList<>();
        do {
            select.add(selectItem());
        } while (accept(","));
        expectKeyword("FROM");
        Token object = next();
        // Group is both an object and a keyword: FROM Group names the object unless BY follows.
        boolean groupObject = object.is("GROUP") && !peek().is("BY");
        if (!object.is(Token.Kind.IDENTIFIER) || (isReserved(object) && !groupObject) || object.text().contains(".")) {
            throw SoqlError.unexpected(text, object);
        }
        rejectUnsupportedClause();
        Condition where = acceptKeyword("WHERE") ? new ConditionParser(this).expression() : null;
        withClause();
        List<FieldPath> groupBy = new ArrayList<>();
        if (acceptKeyword("GROUP")) {
            expectKeyword("BY");
            if (peek().is(Token.Kind.IDENTIFIER) && (peek().is("ROLLUP") || peek().is("CUBE")) && peekAt(1).is("(")) {
                throw SoqlError.malformed(text, peek().position(), "GROUP BY " + peek().upper() + " is not supported by the sfsync emulator");
            }
            do {
                groupBy.add(path());
            } while (accept(","));
        }
        Condition having = acceptKeyword("HAVING") ? new ConditionParser(this).expression() : null;
        List<OrderItem> orderBy = new ArrayList<>();
        if (acceptKeyword("ORDER")) {
            expectKeyword("BY");
            do {
                orderBy.add(orderItem());
            } while (accept(","));
        }
        Integer limit = acceptKeyword("LIMIT") ? count() : null;
        Integer offset = acceptKeyword("OFFSET") ? count() : null;
        forClause();
        rejectUnsupportedClause();
        rejectMisplacedClause();
        return new SoqlQuery(text, select, object.text(), object.position(), where, groupBy, having, orderBy, limit, offset);
    }

    /**
     * WITH SECURITY_ENFORCED is accepted: the emulator already treats fields the user cannot read as not existing,
     * which is what the clause asks for. Other WITH forms (USER_MODE, DATA CATEGORY …) fail naming themselves.
     */
    private void withClause() {
        if (!acceptKeyword("WITH")) {
            return;
        }
        Token what = next();
        if (!what.is("SECURITY_ENFORCED")) {
            throw SoqlError.malformed(text, what.position(), "WITH " + what.source() + " is not supported by the sfsync emulator; only WITH SECURITY_ENFORCED is");
        }
    }

    /** FOR VIEW and FOR REFERENCE only update "last viewed" dates, which the emulator does not keep; FOR UPDATE is Apex's. */
    private void forClause() {
        if (!acceptKeyword("FOR")) {
            return;
        }
        Token what = next();
        if (what.is("VIEW") || what.is("REFERENCE")) {
            return;
        }
        if (what.is("UPDATE")) {
            throw SoqlError.malformed(text, what.position(), "FOR UPDATE is not supported by the API (it locks records in Apex only)");
        }
        throw SoqlError.unexpected(text, what);
    }

    private SelectItem selectItem() {
        Token token = peek();
        if (token.is("(")) {
            next();
            if (!peek().is("SELECT")) {
                throw SoqlError.unexpected(text, peek());
            }
            SoqlQuery subquery = query();
            expect(")");
            return new SoqlQuery.SelectSubquery(subquery, token.position());
        }
        if (token.is(Token.Kind.IDENTIFIER) && peekAt(1).is("(")) {
            String function = token.upper();
            if (SoqlQuery.AGGREGATE_FUNCTIONS.contains(function)) {
                SoqlQuery.SelectAggregate aggregate = aggregate();
                return new SoqlQuery.SelectAggregate(aggregate.function(), aggregate.path(), alias(), aggregate.position());
            }
            next();
            next();
            if (function.equals("FORMAT") && peek().is(Token.Kind.IDENTIFIER) && SoqlQuery.AGGREGATE_FUNCTIONS.contains(peek().upper())
                    && peekAt(1).is("(")) {
                SoqlQuery.SelectAggregate aggregate = aggregate();
                expect(")");
                return new SoqlQuery.SelectAggregate(aggregate.function(), aggregate.path(), alias(), aggregate.position(), true);
            }
            if (FIELD_WRAPPERS.contains(function)) {
                FieldPath path = path();
                expect(")");
                return new SoqlQuery.SelectField(path, function, alias());
            }
            if (function.equals("FIELDS")) {
                Token group = next();
                if (!FIELDS_GROUPS.contains(group.upper())) {
                    throw SoqlError.malformed(text, group.position(), "FIELDS() takes ALL, STANDARD or CUSTOM, not " + group.source());
                }
                expect(")");
                return new SoqlQuery.SelectFields(group.upper(), token.position());
            }
            throw SoqlError.malformed(text, token.position(), token.text() + "() is not supported by the sfsync emulator; it runs COUNT(), "
                    + "COUNT_DISTINCT(), SUM(), AVG(), MIN(), MAX(), toLabel(), FORMAT() and FIELDS()");
        }
        if (token.is("TYPEOF")) {
            return typeOf();
        }
        FieldPath path = path();
        return new SoqlQuery.SelectField(path, null, alias());
    }

    /** {@code TYPEOF What WHEN Account THEN Name, Phone [WHEN ...] [ELSE Name] END}; the next token is TYPEOF. */
    private SoqlQuery.SelectTypeOf typeOf() {
        Token start = next();
        Token relationship = next();
        if (!relationship.is(Token.Kind.IDENTIFIER) || isReserved(relationship) || relationship.text().contains(".")) {
            throw SoqlError.malformed(text, relationship.position(), "TYPEOF takes a polymorphic relationship name (e.g. What, Who, Owner), not "
                    + relationship.source());
        }
        Map<String, List<FieldPath>> whens = new LinkedHashMap<>();
        while (acceptKeyword("WHEN")) {
            Token type = next();
            if (!type.is(Token.Kind.IDENTIFIER) || isReserved(type)) {
                throw SoqlError.unexpected(text, type);
            }
            expectKeyword("THEN");
            whens.put(type.text(), typeOfFields());
        }
        if (whens.isEmpty()) {
            throw SoqlError.malformed(text, peek().position(), "TYPEOF " + relationship.text() + " needs at least one WHEN type THEN fields");
        }
        List<FieldPath> otherwise = acceptKeyword("ELSE") ? typeOfFields() : List.of();
        expectKeyword("END");
        return new SoqlQuery.SelectTypeOf(relationship.text(), whens, otherwise, start.position());
    }

    private List<FieldPath> typeOfFields() {
        List<FieldPath> fields = new ArrayList<>();
        fields.add(path());
        while (peek().is(",")) {
            next();
            fields.add(path());
        }
        return fields;
    }

    /** {@code FUNCTION(path)} or {@code COUNT()}, without alias; the next token is the function name. */
    SoqlQuery.SelectAggregate aggregate() {
        Token function = next();
        expect("(");
        FieldPath path = function.is("COUNT") && peek().is(")") ? null : path();
        expect(")");
        return new SoqlQuery.SelectAggregate(function.upper(), path, null, function.position());
    }

    private String alias() {
        return peek().is(Token.Kind.IDENTIFIER) && !isReserved(peek()) ? next().text() : null;
    }

    private OrderItem orderItem() {
        SoqlQuery.SelectAggregate aggregate = null;
        FieldPath path;
        if (peek().is(Token.Kind.IDENTIFIER) && SoqlQuery.AGGREGATE_FUNCTIONS.contains(peek().upper()) && peekAt(1).is("(")) {
            aggregate = aggregate();
            path = aggregate.path();
        } else {
            path = path();
        }
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
        return new OrderItem(path, aggregate, descending, nullsFirst);
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

    private void rejectMisplacedClause() {
        Token token = peek();
        if (token.is(Token.Kind.IDENTIFIER) && (token.is("WITH") || token.is("GROUP") || token.is("HAVING") || token.is("FOR"))) {
            throw SoqlError.malformed(text, token.position(), token.upper() + " is out of place: SOQL's clauses come in the order WHERE, "
                    + "WITH, GROUP BY, HAVING, ORDER BY, LIMIT, OFFSET, FOR");
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
