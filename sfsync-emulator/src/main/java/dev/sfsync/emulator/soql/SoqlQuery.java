package dev.sfsync.emulator.soql;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A parsed query, before it is checked against an org: names are as written and every node keeps its position in
 * {@code text} so later errors can point at it. Null where/limit/offset mean the clause is absent.
 */
public record SoqlQuery(String text, List<SelectItem> select, String object, int objectPosition, Condition where,
                        List<FieldPath> groupBy, Condition having, List<OrderItem> orderBy, Integer limit, Integer offset) {

    public SoqlQuery {
        select = List.copyOf(select);
        groupBy = List.copyOf(groupBy);
        orderBy = List.copyOf(orderBy);
    }

    /** Aggregate functions SOQL has, by the name written in a query. */
    public static final java.util.Set<String> AGGREGATE_FUNCTIONS = java.util.Set.of("COUNT", "COUNT_DISTINCT", "SUM", "AVG", "MIN", "MAX");

    /** A dotted field reference such as Account.Owner.Name: relationship names, then a field name. */
    public record FieldPath(List<String> parts, int position) {
        public FieldPath {
            parts = List.copyOf(parts);
        }

        @Override
        public String toString() {
            return String.join(".", parts);
        }
    }

    /** One entry of the SELECT list. */
    public sealed interface SelectItem {
    }

    /**
     * A field, plain or wrapped in {@code toLabel()} or {@code FORMAT()} ({@code wrapper} upper-cased, null when plain);
     * {@code alias} may be null.
     */
    public record SelectField(FieldPath path, String wrapper, String alias) implements SelectItem {
        public SelectField(FieldPath path) {
            this(path, null, null);
        }
    }

    /**
     * An aggregate function: COUNT() when {@code path} is null, otherwise FUNCTION(path); {@code alias} may be null;
     * {@code formatted} when wrapped in FORMAT(), as in FORMAT(MIN(CloseDate)).
     */
    public record SelectAggregate(String function, FieldPath path, String alias, int position, boolean formatted) implements SelectItem {
        public SelectAggregate(String function, FieldPath path, String alias, int position) {
            this(function, path, alias, position, false);
        }
    }

    /** A child relationship subquery, {@code (SELECT ... FROM Contacts)}: its object is the relationship name. */
    /** {@code TYPEOF relationship WHEN type THEN fields ... ELSE fields END}: fields per type of the record pointed to. */
    public record SelectTypeOf(String relationship, Map<String, List<FieldPath>> whens, List<FieldPath> otherwise, int position)
            implements SelectItem {
    }

    public record SelectSubquery(SoqlQuery query, int position) implements SelectItem {
    }

    /** FIELDS(ALL), FIELDS(STANDARD) or FIELDS(CUSTOM); {@code group} is upper-cased. */
    public record SelectFields(String group, int position) implements SelectItem {
    }

    /** A WHERE expression. */
    public sealed interface Condition {
    }

    public record And(List<Condition> operands) implements Condition {
    }

    public record Or(List<Condition> operands) implements Condition {
    }

    public record Not(Condition operand) implements Condition {
    }

    public record Comparison(FieldPath path, Operator operator, int operatorPosition, Literal value) implements Condition {
    }

    /** {@code path [NOT] IN (SELECT field FROM ...)}. */
    public record SemiJoin(FieldPath path, boolean negated, SoqlQuery subquery) implements Condition {
    }

    /** A HAVING comparison of an aggregate, e.g. {@code COUNT(Id) > 1}. */
    public record AggregateComparison(SelectAggregate aggregate, Operator operator, int operatorPosition, Literal value) implements Condition {
    }

    public enum Operator {
        EQ("="), NE("!="), LT("<"), LE("<="), GT(">"), GE(">="), LIKE("LIKE"), IN("IN"), NOT_IN("NOT IN"),
        INCLUDES("INCLUDES"), EXCLUDES("EXCLUDES");

        private final String symbol;

        Operator(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }

    /** A value on the right of an operator. */
    public sealed interface Literal {
        int position();
    }

    /** {@code likePattern} is a Java regex where only unescaped % and _ are wildcards. */
    public record StringLiteral(String value, String likePattern, int position) implements Literal {
    }

    public record NumberLiteral(BigDecimal value, int position) implements Literal {
    }

    public record BooleanLiteral(boolean value, int position) implements Literal {
    }

    public record NullLiteral(int position) implements Literal {
    }

    public record DateLiteral(LocalDate value, int position) implements Literal {
    }

    public record DateTimeLiteral(Instant value, int position) implements Literal {
    }

    /** TODAY, YESTERDAY, TOMORROW, LAST_N_DAYS:n or NEXT_N_DAYS:n, relative to the day the query runs. */
    public record RelativeDate(String name, int n, int position) implements Literal {
    }

    /** The parenthesised list of IN, NOT IN, INCLUDES and EXCLUDES. */
    public record ListLiteral(List<Literal> values, int position) implements Literal {
        public ListLiteral {
            values = List.copyOf(values);
        }
    }

    /** ORDER BY a field, or in an aggregate query by an aggregate ({@code aggregate} non-null, {@code path} its argument). */
    public record OrderItem(FieldPath path, SelectAggregate aggregate, boolean descending, boolean nullsFirst) {
        public OrderItem(FieldPath path, boolean descending, boolean nullsFirst) {
            this(path, null, descending, nullsFirst);
        }
    }
}
