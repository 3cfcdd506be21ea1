package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A query checked against an org as one user sees it, ready to run any number of times. {@code order} is null when
 * the query has no ORDER BY (records then come in id order); {@code limit} is null without LIMIT. Aggregate queries
 * also carry their GROUP BY fields, a HAVING test and an order over groups (each group given by its records).
 */
public record SoqlPlan(SoqlQuery query, Org org, ObjectSchema object, List<Column> columns, Predicate<StoredRecord> where,
                       Comparator<StoredRecord> order, Integer limit, int offset, Shape shape, List<ResolvedField> groupBy,
                       Predicate<List<StoredRecord>> having, Comparator<List<StoredRecord>> groupOrder) {

    public SoqlPlan {
        columns = List.copyOf(columns);
        groupBy = List.copyOf(groupBy);
    }

    /** RECORDS for a field list, COUNT for SELECT COUNT(), AGGREGATE for aggregate functions and GROUP BY. */
    public enum Shape { RECORDS, COUNT, AGGREGATE }

    public boolean hasTypeOf() {
        return columns.stream().anyMatch(c -> c instanceof TypeOfColumn);
    }

    public boolean hasSubqueries() {
        return columns.stream().anyMatch(c -> c instanceof SubqueryColumn);
    }

    /** One selected expression. */
    public sealed interface Column {
    }

    /**
     * A field; {@code wrapper} is TOLABEL or FORMAT (null when plain) and {@code alias} the name it was given (null
     * when none). In an aggregate query it is a GROUP BY field, named by its alias or its own name.
     */
    public record FieldColumn(ResolvedField field, String wrapper, String alias) implements Column {
        public FieldColumn(ResolvedField field) {
            this(field, null, null);
        }

        /** The value as the query returns it: the stored one, its picklist label, or its formatted text. */
        public Object value(StoredRecord record, Org org) {
            return ValueFormats.apply(wrapper, field.field(), field.value(record, org));
        }
    }

    /** An aggregate function under its alias (or exprN); {@code field} is null for COUNT(); {@code formatted} under FORMAT(). */
    public record AggregateColumn(String function, ResolvedField field, String alias, boolean formatted) implements Column {
        /** The SOAP type of its value: counts are ints, sums and averages doubles, MIN and MAX the field's own; formatted ones text. */
        public String soapType() {
            if (formatted) {
                return "xsd:string";
            }
            return switch (function) {
                case "COUNT", "COUNT_DISTINCT" -> "xsd:int";
                case "SUM", "AVG" -> "xsd:double";
                default -> field.field().type().soapType();
            };
        }
    }

    /**
     * A TYPEOF on a polymorphic reference: the fields to show for each type it may point to (by the type's API name;
     * the ELSE fields under every type without a WHEN).
     */
    public record TypeOfColumn(String relationshipName, FieldSchema reference, Map<String, List<FieldSchema>> fieldsByType) implements Column {
        /** The record the reference points to, whichever of its types it is; null when empty or deleted. */
        public StoredRecord target(StoredRecord record, Org org) {
            Object id = record.values().get(reference.name());
            if (id == null) {
                return null;
            }
            for (String type : fieldsByType.keySet()) {
                StoredRecord found = org.store(type).flatMap(s -> s.get(id.toString())).filter(r -> !r.isDeleted()).orElse(null);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
    }

    /** A child relationship subquery: the reference field on the child that points to the parent, and its own plan. */
    public record SubqueryColumn(String relationshipName, FieldSchema childReference, SoqlPlan plan) implements Column {
    }
}
