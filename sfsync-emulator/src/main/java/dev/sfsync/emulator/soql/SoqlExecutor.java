package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlResult.AggregateRow;
import dev.sfsync.emulator.soql.SoqlResult.AggregateValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a query over the org's records without locking: stored versions are immutable, so a concurrent write is
 * either seen whole or not at all. {@code includeDeleted} is the difference between query and queryAll.
 */
public final class SoqlExecutor {
    /** Aggregate results come in one batch: they cannot be paged with queryMore or nextRecordsUrl. */
    public static final int MAX_AGGREGATE_ROWS = 2000;

    private SoqlExecutor() {
    }

    public static SoqlResult execute(SoqlQuery query, Org org, Profile profile, boolean includeDeleted) {
        return execute(SoqlPlanner.plan(query, org, profile), includeDeleted);
    }

    public static SoqlResult execute(SoqlPlan plan, boolean includeDeleted) {
        List<StoredRecord> matched = matching(plan, includeDeleted);
        return switch (plan.shape()) {
            case RECORDS -> {
                List<StoredRecord> window = window(sorted(matched, plan), plan);
                yield new SoqlResult(plan, window, window.size(), List.of());
            }
            case COUNT -> new SoqlResult(plan, List.of(), window(matched, plan).size(), List.of());
            case AGGREGATE -> {
                List<AggregateRow> rows = aggregate(plan, matched);
                yield new SoqlResult(plan, List.of(), rows.size(), rows);
            }
        };
    }

    /** The records matching the plan's WHERE, in id order. */
    static List<StoredRecord> matching(SoqlPlan plan, boolean includeDeleted) {
        RecordStore store = plan.org().store(plan.object().name())
                .orElseThrow(() -> SoqlError.unsupportedType(plan.query().text(), plan.query().objectPosition(), plan.query().object()));
        List<StoredRecord> matched = new ArrayList<>();
        for (StoredRecord record : store.all()) {
            if ((includeDeleted || !record.isDeleted()) && plan.where().test(record)) {
                matched.add(record);
            }
        }
        return matched;
    }

    static List<StoredRecord> sorted(List<StoredRecord> records, SoqlPlan plan) {
        if (plan.order() != null) {
            records.sort(plan.order());
        }
        return records;
    }

    static <T> List<T> window(List<T> matched, SoqlPlan plan) {
        int from = Math.min(plan.offset(), matched.size());
        int to = plan.limit() == null ? matched.size() : (int) Math.min(matched.size(), (long) from + plan.limit());
        return matched.subList(from, to);
    }

    /** Groups by the GROUP BY values (text ignoring case, as Salesforce groups); without GROUP BY, all records are one group. */
    private static List<AggregateRow> aggregate(SoqlPlan plan, List<StoredRecord> matched) {
        List<List<StoredRecord>> groups = new ArrayList<>();
        if (plan.groupBy().isEmpty()) {
            groups.add(matched);
        } else {
            Map<List<Object>, List<StoredRecord>> byKey = new LinkedHashMap<>();
            for (StoredRecord record : matched) {
                List<Object> key = new ArrayList<>(plan.groupBy().size());
                for (ResolvedField field : plan.groupBy()) {
                    Object value = field.value(record, plan.org());
                    key.add(value instanceof String text ? text.toLowerCase(Locale.ROOT) : value);
                }
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(record);
            }
            groups.addAll(byKey.values());
        }
        if (plan.having() != null) {
            groups.removeIf(group -> !plan.having().test(group));
        }
        if (plan.groupOrder() != null) {
            groups.sort(plan.groupOrder());
        }
        List<List<StoredRecord>> window = window(groups, plan);
        if (window.size() > MAX_AGGREGATE_ROWS) {
            throw SoqlError.malformed(plan.query().text(), 0, "Aggregate query does not support queryMore(), use LIMIT to restrict the "
                    + "results to a single batch (this one has " + window.size() + " groups; at most " + MAX_AGGREGATE_ROWS + " are answered)");
        }
        List<AggregateRow> rows = new ArrayList<>();
        for (List<StoredRecord> group : window) {
            rows.add(row(plan, group));
        }
        return rows;
    }

    private static AggregateRow row(SoqlPlan plan, List<StoredRecord> group) {
        List<AggregateValue> values = new ArrayList<>();
        for (SoqlPlan.Column column : plan.columns()) {
            switch (column) {
                case SoqlPlan.FieldColumn field -> {
                    String key = field.alias() != null ? field.alias() : field.field().field().name();
                    Object value = group.isEmpty() ? null : field.value(group.getFirst(), plan.org());
                    String soapType = field.wrapper() == null ? field.field().field().type().soapType() : "xsd:string";
                    values.add(new AggregateValue(key, value, field.field().field(), soapType));
                }
                case SoqlPlan.AggregateColumn aggregate -> {
                    Object value = Aggregates.compute(aggregate.function(), aggregate.field(), group, plan.org());
                    boolean fieldTyped = aggregate.function().equals("MIN") || aggregate.function().equals("MAX");
                    if (aggregate.formatted() && aggregate.field() != null && !(value instanceof Long)) {
                        value = ValueFormats.apply("FORMAT", aggregate.field().field(), value);
                    }
                    values.add(new AggregateValue(aggregate.alias(), value, fieldTyped ? aggregate.field().field() : null, aggregate.soapType()));
                }
                case SoqlPlan.SubqueryColumn subquery -> throw new IllegalStateException("subqueries are refused in aggregate queries");
                case SoqlPlan.TypeOfColumn typeOf -> throw new IllegalStateException("TYPEOF is refused in aggregate queries");
            }
        }
        return new AggregateRow(values);
    }
}
