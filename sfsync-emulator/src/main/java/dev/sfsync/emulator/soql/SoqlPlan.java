package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;

import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * A query checked against an org as one user sees it, ready to run any number of times. {@code order} is null when
 * the query has no ORDER BY (records then come in id order); {@code limit} is null without LIMIT.
 */
public record SoqlPlan(SoqlQuery query, Org org, ObjectSchema object, List<Column> columns, Predicate<StoredRecord> where,
                       Comparator<StoredRecord> order, Integer limit, int offset, Shape shape) {

    public SoqlPlan {
        columns = List.copyOf(columns);
    }

    /** RECORDS for a field list, COUNT for SELECT COUNT(), AGGREGATE for COUNT(field) expressions. */
    public enum Shape { RECORDS, COUNT, AGGREGATE }

    /** One selected expression. */
    public sealed interface Column {
    }

    public record FieldColumn(ResolvedField field) implements Column {
    }

    /** COUNT(field) under its alias (or exprN); {@code field} is null for COUNT(). */
    public record CountColumn(ResolvedField field, String alias) implements Column {
    }
}
