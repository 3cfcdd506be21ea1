package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlQuery.Comparison;
import dev.sfsync.emulator.soql.SoqlQuery.Condition;
import dev.sfsync.emulator.soql.SoqlQuery.Literal;
import dev.sfsync.emulator.soql.SoqlQuery.Operator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Checks a WHERE clause against the schema and compiles it into a record filter; all type errors surface here. */
final class PredicateBinder {
    private final Org org;
    private final Profile profile;
    private final FieldResolver resolver;
    private final ObjectSchema root;
    private final String query;
    private final LiteralCoercion coercion;

    PredicateBinder(Org org, Profile profile, FieldResolver resolver, ObjectSchema root, String query, LiteralCoercion coercion) {
        this.org = org;
        this.profile = profile;
        this.resolver = resolver;
        this.root = root;
        this.query = query;
        this.coercion = coercion;
    }

    Predicate<StoredRecord> bind(Condition condition) {
        return switch (condition) {
            case SoqlQuery.And and -> all(and.operands());
            case SoqlQuery.Or or -> any(or.operands());
            case SoqlQuery.Not not -> bind(not.operand()).negate();
            case Comparison comparison -> comparison(comparison);
            case SoqlQuery.SemiJoin semiJoin -> semiJoin(semiJoin);
            case SoqlQuery.AggregateComparison aggregate -> throw SoqlError.malformed(query, aggregate.aggregate().position(),
                    "aggregate functions are not allowed in WHERE; filter on them with HAVING");
        };
    }

    private Predicate<StoredRecord> all(List<Condition> operands) {
        List<Predicate<StoredRecord>> bound = operands.stream().map(this::bind).toList();
        return record -> bound.stream().allMatch(p -> p.test(record));
    }

    private Predicate<StoredRecord> any(List<Condition> operands) {
        List<Predicate<StoredRecord>> bound = operands.stream().map(this::bind).toList();
        return record -> bound.stream().anyMatch(p -> p.test(record));
    }

    private Predicate<StoredRecord> comparison(Comparison comparison) {
        ResolvedField field = resolver.resolve(root, comparison.path());
        ValueKind kind = ValueKind.of(field.field());
        Operator op = comparison.operator();
        checkOperator(field, kind, comparison);
        Predicate<Object> test = switch (op) {
            case LIKE -> like(comparison);
            case IN, NOT_IN -> in(field, kind, comparison);
            case INCLUDES, EXCLUDES -> includes(comparison);
            default -> compare(field, kind, comparison);
        };
        return record -> test.test(field.value(record, org));
    }

    private void checkOperator(ResolvedField field, ValueKind kind, Comparison comparison) {
        Operator op = comparison.operator();
        boolean ordering = op == Operator.LT || op == Operator.LE || op == Operator.GT || op == Operator.GE;
        String problem = null;
        if ((op == Operator.INCLUDES || op == Operator.EXCLUDES) && kind != ValueKind.MULTIPICKLIST) {
            problem = "includes or excludes operator only valid on multipicklist field";
        } else if (op == Operator.LIKE && kind != ValueKind.TEXT) {
            problem = "invalid operator on " + field.field().type().wireName() + " field: LIKE is only valid on string fields";
        } else if (ordering && (kind == ValueKind.BOOLEAN || kind == ValueKind.MULTIPICKLIST)) {
            problem = "invalid operator on " + field.field().type().wireName() + " field: " + op.symbol();
        }
        if (problem != null) {
            throw SoqlError.at(SoqlError.INVALID_QUERY_FILTER_OPERATOR, query, comparison.operatorPosition(), problem);
        }
    }

    private Predicate<Object> compare(ResolvedField field, ValueKind kind, Comparison comparison) {
        Operator op = comparison.operator();
        if (comparison.value() instanceof SoqlQuery.NullLiteral) {
            return switch (op) {
                case EQ -> value -> value == null;
                case NE -> value -> value != null;
                default -> value -> false;
            };
        }
        if (kind == ValueKind.MULTIPICKLIST) {
            Set<String> wanted = selections(bound(field, kind, comparison.value(), comparison).low().toString());
            return value -> (value != null && selections(value.toString()).equals(wanted)) == (op == Operator.EQ);
        }
        Bound bound = bound(field, kind, comparison.value(), comparison);
        if (op == Operator.NE) {
            return value -> value == null || !bound.equalTo(kind, value);
        }
        return value -> value != null && bound.matches(kind, value, op);
    }

    private Predicate<Object> like(Comparison comparison) {
        if (!(comparison.value() instanceof SoqlQuery.StringLiteral literal)) {
            throw notAString(comparison);
        }
        Pattern pattern = Pattern.compile(literal.likePattern(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
        return value -> value != null && pattern.matcher(value.toString()).matches();
    }

    private Predicate<Object> in(ResolvedField field, ValueKind kind, Comparison comparison) {
        boolean negated = comparison.operator() == Operator.NOT_IN;
        List<Bound> bounds = new ArrayList<>();
        boolean hasNull = false;
        for (Literal literal : ((SoqlQuery.ListLiteral) comparison.value()).values()) {
            if (literal instanceof SoqlQuery.NullLiteral) {
                hasNull = true;
            } else {
                bounds.add(bound(field, kind, literal, comparison));
            }
        }
        boolean nullMatches = hasNull;
        return value -> {
            boolean found = value == null ? nullMatches : bounds.stream().anyMatch(b -> b.equalTo(kind, value));
            return found != negated;
        };
    }

    /** INCLUDES ('a;b', 'c') matches values holding both a and b, or holding c; EXCLUDES is its negation. */
    private Predicate<Object> includes(Comparison comparison) {
        List<Set<String>> alternatives = new ArrayList<>();
        for (Literal literal : ((SoqlQuery.ListLiteral) comparison.value()).values()) {
            if (!(literal instanceof SoqlQuery.StringLiteral s)) {
                throw notAString(comparison);
            }
            alternatives.add(selections(s.value()));
        }
        boolean include = comparison.operator() == Operator.INCLUDES;
        return value -> {
            Set<String> selected = value == null ? Set.of() : selections(value.toString());
            boolean any = alternatives.stream().anyMatch(selected::containsAll);
            return any == include;
        };
    }

    private Predicate<StoredRecord> semiJoin(SoqlQuery.SemiJoin semiJoin) {
        ResolvedField field = resolver.resolve(root, semiJoin.path());
        SoqlPlan inner = SoqlPlanner.plan(semiJoin.subquery(), org, profile);
        if (ValueKind.of(field.field()) != ValueKind.ID || inner.columns().size() != 1
                || !(inner.columns().getFirst() instanceof SoqlPlan.FieldColumn column) || ValueKind.of(column.field().field()) != ValueKind.ID) {
            throw SoqlError.malformed(query, semiJoin.path().position(), "semi join sub-selects must select exactly one Id or reference field "
                    + "and be compared with an Id or reference field");
        }
        Set<String> ids = new HashSet<>();
        for (StoredRecord record : SoqlExecutor.execute(inner, false).records()) {
            Object id = column.field().value(record, org);
            if (id != null) {
                ids.add(id.toString());
            }
        }
        boolean negated = semiJoin.negated();
        return record -> {
            Object value = field.value(record, org);
            return (value != null && ids.contains(value.toString())) != negated;
        };
    }

    private Bound bound(ResolvedField field, ValueKind kind, Literal literal, Comparison comparison) {
        return coercion.bound(field, kind, literal, comparison.path().position(), comparison.path().toString());
    }

    private SoqlError notAString(Comparison comparison) {
        return SoqlError.at(SoqlError.INVALID_FIELD, query, comparison.path().position(), "value of filter criterion for field '"
                + comparison.path() + "' must be of type string and should be enclosed in quotes");
    }

    static Set<String> selections(String value) {
        Set<String> out = new HashSet<>();
        for (String part : value.split(";")) {
            if (!part.isBlank()) {
                out.add(part.trim().toLowerCase(Locale.ROOT));
            }
        }
        return out;
    }
}
