package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.soql.SoqlQuery.Condition;
import dev.sfsync.emulator.soql.SoqlQuery.FieldPath;
import dev.sfsync.emulator.soql.SoqlQuery.Literal;
import dev.sfsync.emulator.soql.SoqlQuery.Operator;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The WHERE part of {@link SoqlParser}: boolean expressions, comparisons and literals. */
final class ConditionParser {
    private static final Map<String, Operator> SYMBOL_OPERATORS = Map.of("=", Operator.EQ, "!=", Operator.NE, "<>", Operator.NE,
            "<", Operator.LT, "<=", Operator.LE, ">", Operator.GT, ">=", Operator.GE);
    /** Date literals Salesforce has but the emulator does not evaluate, so they fail clearly rather than as a syntax error. */
    private static final Pattern OTHER_DATE_LITERALS = Pattern.compile(
            "(LAST|THIS|NEXT)_(WEEK|MONTH|QUARTER|YEAR|FISCAL_QUARTER|FISCAL_YEAR|90_DAYS)|(LAST|NEXT|N)_N_[A-Z_]+(_AGO)?", Pattern.CASE_INSENSITIVE);

    private final SoqlParser p;

    ConditionParser(SoqlParser parser) {
        this.p = parser;
    }

    /** SOQL needs parentheses to mix AND and OR, so a chain is all ANDs or all ORs. */
    Condition expression() {
        Condition first = unary();
        for (String connective : new String[] {"AND", "OR"}) {
            if (p.peek().is(Token.Kind.IDENTIFIER) && p.peek().is(connective)) {
                List<Condition> operands = new ArrayList<>(List.of(first));
                while (p.acceptKeyword(connective)) {
                    operands.add(unary());
                }
                Token after = p.peek();
                if (after.is(Token.Kind.IDENTIFIER) && (after.is("AND") || after.is("OR"))) {
                    throw SoqlError.unexpected(p.text, after);
                }
                return connective.equals("AND") ? new SoqlQuery.And(operands) : new SoqlQuery.Or(operands);
            }
        }
        return first;
    }

    private Condition unary() {
        if (p.acceptKeyword("NOT")) {
            return new SoqlQuery.Not(unary());
        }
        if (p.accept("(")) {
            Condition inner = expression();
            p.expect(")");
            return inner;
        }
        return comparison();
    }

    private Condition comparison() {
        if (p.peek().is(Token.Kind.IDENTIFIER) && SoqlQuery.AGGREGATE_FUNCTIONS.contains(p.peek().upper()) && p.peekAt(1).is("(")) {
            SoqlQuery.SelectAggregate aggregate = p.aggregate();
            Token op = p.next();
            if (!op.is(Token.Kind.SYMBOL) || !SYMBOL_OPERATORS.containsKey(op.text())) {
                throw SoqlError.unexpected(p.text, op);
            }
            return new SoqlQuery.AggregateComparison(aggregate, SYMBOL_OPERATORS.get(op.text()), op.position(), single());
        }
        FieldPath path = p.path();
        Token op = p.next();
        if (op.is(Token.Kind.SYMBOL) && SYMBOL_OPERATORS.containsKey(op.text())) {
            return new SoqlQuery.Comparison(path, SYMBOL_OPERATORS.get(op.text()), op.position(), single());
        }
        if (op.is(Token.Kind.IDENTIFIER)) {
            switch (op.upper()) {
                case "LIKE" -> {
                    return new SoqlQuery.Comparison(path, Operator.LIKE, op.position(), single());
                }
                case "IN" -> {
                    return inList(path, op, false);
                }
                case "NOT" -> {
                    p.expectKeyword("IN");
                    return inList(path, op, true);
                }
                case "INCLUDES", "EXCLUDES" -> {
                    Operator operator = op.is("INCLUDES") ? Operator.INCLUDES : Operator.EXCLUDES;
                    return new SoqlQuery.Comparison(path, operator, op.position(), list());
                }
                default -> {
                }
            }
        }
        throw SoqlError.unexpected(p.text, op);
    }

    private Condition inList(FieldPath path, Token op, boolean negated) {
        if (p.peek().is("(") && p.peekAt(1).is("SELECT")) {
            p.next();
            SoqlQuery subquery = p.query();
            p.expect(")");
            return new SoqlQuery.SemiJoin(path, negated, subquery);
        }
        return new SoqlQuery.Comparison(path, negated ? Operator.NOT_IN : Operator.IN, op.position(), list());
    }

    private Literal list() {
        Token open = p.peek();
        p.expect("(");
        List<Literal> values = new ArrayList<>();
        do {
            values.add(single());
        } while (p.accept(","));
        p.expect(")");
        return new SoqlQuery.ListLiteral(values, open.position());
    }

    private Literal single() {
        Token token = p.next();
        int at = token.position();
        try {
            switch (token.kind()) {
                case STRING:
                    return new SoqlQuery.StringLiteral(token.text(), token.likePattern(), at);
                case NUMBER:
                    return new SoqlQuery.NumberLiteral(new BigDecimal(token.text()), at);
                case DATE:
                    return new SoqlQuery.DateLiteral(LocalDate.parse(token.text()), at);
                case DATETIME:
                    return new SoqlQuery.DateTimeLiteral(OffsetDateTime.parse(withColonInOffset(token.text())).toInstant(), at);
                case IDENTIFIER:
                    return keywordLiteral(token);
                default:
                    throw SoqlError.unexpected(p.text, token);
            }
        } catch (DateTimeException | NumberFormatException e) {
            throw SoqlError.malformed(p.text, at, "invalid literal: '" + token.text() + "'");
        }
    }

    private Literal keywordLiteral(Token token) {
        int at = token.position();
        switch (token.upper()) {
            case "NULL":
                return new SoqlQuery.NullLiteral(at);
            case "TRUE", "FALSE":
                return new SoqlQuery.BooleanLiteral(token.is("TRUE"), at);
            case "TODAY", "YESTERDAY", "TOMORROW":
                return new SoqlQuery.RelativeDate(token.upper(), 0, at);
            case "LAST_N_DAYS", "NEXT_N_DAYS":
                p.expect(":");
                Token n = p.next();
                if (!n.is(Token.Kind.NUMBER) || !n.text().matches("\\d+")) {
                    throw SoqlError.unexpected(p.text, n);
                }
                return new SoqlQuery.RelativeDate(token.upper(), Integer.parseInt(n.text()), at);
            default:
                if (OTHER_DATE_LITERALS.matcher(token.text()).matches()) {
                    throw SoqlError.malformed(p.text, at, "date literal " + token.upper() + " is not supported by the sfsync emulator; "
                            + "use TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n, NEXT_N_DAYS:n or an explicit date");
                }
                throw SoqlError.unexpected(p.text, token);
        }
    }

    private static String withColonInOffset(String dateTime) {
        return dateTime.matches(".*[+-]\\d{4}$") ? dateTime.substring(0, dateTime.length() - 2) + ":" + dateTime.substring(dateTime.length() - 2) : dateTime;
    }
}
