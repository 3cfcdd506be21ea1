package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlQuery.Condition;
import dev.sfsync.emulator.soql.SoqlQuery.OrderItem;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/**
 * HAVING and ORDER BY of an aggregate query, over groups of records: aggregates are computed on the group, grouped
 * fields read from its first record (every record of a group has the same value).
 */
final class GroupBinder {
    private final Org org;
    private final FieldResolver resolver;
    private final ObjectSchema root;
    private final String query;
    private final LiteralCoercion coercion;
    private final PredicateBinder records;
    private final Set<String> grouped = new HashSet<>();

    GroupBinder(Org org, FieldResolver resolver, ObjectSchema root, String query, LiteralCoercion coercion, PredicateBinder records,
                List<ResolvedField> groupBy) {
        this.org = org;
        this.resolver = resolver;
        this.root = root;
        this.query = query;
        this.coercion = coercion;
        this.records = records;
        groupBy.forEach(field -> grouped.add(field.path().toLowerCase(Locale.ROOT)));
    }

    Predicate<List<StoredRecord>> having(Condition condition) {
        return switch (condition) {
            case SoqlQuery.And and -> {
                List<Predicate<List<StoredRecord>>> all = and.operands().stream().map(this::having).toList();
                yield group -> all.stream().allMatch(p -> p.test(group));
            }
            case SoqlQuery.Or or -> {
                List<Predicate<List<StoredRecord>>> any = or.operands().stream().map(this::having).toList();
                yield group -> any.stream().anyMatch(p -> p.test(group));
            }
            case SoqlQuery.Not not -> having(not.operand()).negate();
            case SoqlQuery.AggregateComparison comparison -> aggregateComparison(comparison);
            case SoqlQuery.Comparison comparison -> {
                grouped(comparison.path());
                Predicate<StoredRecord> test = records.bind(comparison);
                yield group -> !group.isEmpty() && test.test(group.getFirst());
            }
            case SoqlQuery.SemiJoin semiJoin -> throw SoqlError.malformed(query, semiJoin.path().position(), "semi-joins are not allowed in HAVING");
        };
    }

    private Predicate<List<StoredRecord>> aggregateComparison(SoqlQuery.AggregateComparison comparison) {
        SoqlQuery.SelectAggregate aggregate = comparison.aggregate();
        ResolvedField field = aggregate.path() == null ? null : resolver.resolve(root, aggregate.path());
        boolean fieldTyped = aggregate.function().equals("MIN") || aggregate.function().equals("MAX");
        ValueKind kind = fieldTyped ? ValueKind.of(field.field()) : ValueKind.NUMBER;
        if (comparison.value() instanceof SoqlQuery.NullLiteral) {
            boolean equals = comparison.operator() == SoqlQuery.Operator.EQ;
            return group -> (Aggregates.compute(aggregate.function(), field, group, org) == null) == equals;
        }
        Bound bound;
        if (fieldTyped) {
            bound = coercion.bound(field, kind, comparison.value(), aggregate.position(), aggregate.path().toString());
        } else if (comparison.value() instanceof SoqlQuery.NumberLiteral number) {
            bound = Bound.of(number.value());
        } else {
            throw SoqlError.at(SoqlError.INVALID_FIELD, query, aggregate.position(), "value of filter criterion for " + aggregate.function()
                    + "() must be a number and should not be enclosed in quotes");
        }
        return group -> {
            Object value = numeric(Aggregates.compute(aggregate.function(), field, group, org));
            return value != null && bound.matches(kind, value, comparison.operator());
        };
    }

    /** Null when the query has no ORDER BY. */
    Comparator<List<StoredRecord>> order(List<OrderItem> items) {
        Comparator<List<StoredRecord>> combined = null;
        for (OrderItem item : items) {
            Comparator<List<StoredRecord>> next = item.aggregate() != null ? byAggregate(item) : byGroupedField(item);
            combined = combined == null ? next : combined.thenComparing(next);
        }
        return combined;
    }

    private Comparator<List<StoredRecord>> byAggregate(OrderItem item) {
        SoqlQuery.SelectAggregate aggregate = item.aggregate();
        ResolvedField field = aggregate.path() == null ? null : resolver.resolve(root, aggregate.path());
        boolean fieldTyped = aggregate.function().equals("MIN") || aggregate.function().equals("MAX");
        ValueKind kind = fieldTyped ? ValueKind.of(field.field()) : ValueKind.NUMBER;
        return (a, b) -> RecordOrdering.compare(kind, item, numeric(Aggregates.compute(aggregate.function(), field, a, org)),
                numeric(Aggregates.compute(aggregate.function(), field, b, org)));
    }

    private Comparator<List<StoredRecord>> byGroupedField(OrderItem item) {
        ResolvedField field = grouped(item.path());
        ValueKind kind = ValueKind.of(field.field());
        return (a, b) -> RecordOrdering.compare(kind, item, a.isEmpty() ? null : field.value(a.getFirst(), org), b.isEmpty() ? null : field.value(b.getFirst(), org));
    }

    private ResolvedField grouped(SoqlQuery.FieldPath path) {
        ResolvedField field = resolver.resolve(root, path);
        if (!grouped.contains(field.path().toLowerCase(Locale.ROOT))) {
            throw SoqlError.malformed(query, path.position(), "Field must be grouped or aggregated: " + field.field().name());
        }
        return field;
    }

    private static Object numeric(Object value) {
        return value instanceof Long count ? BigDecimal.valueOf(count) : value;
    }
}
