package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.ChildRelationships;
import dev.sfsync.emulator.org.EntityDefinitions;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.soql.SoqlPlan.Column;
import dev.sfsync.emulator.soql.SoqlQuery.SelectItem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Checks a parsed query against the org and the user's access and compiles it into a {@link SoqlPlan}. */
public final class SoqlPlanner {
    public static final int MAX_OFFSET = 2000;
    /** FIELDS(ALL) and FIELDS(CUSTOM) need a LIMIT of at most this many rows. */
    public static final int MAX_FIELDS_LIMIT = 200;

    private SoqlPlanner() {
    }

    public static SoqlPlan plan(String soql, Org org, Profile profile) {
        return plan(SoqlParser.parse(soql), org, profile);
    }

    /**
     * The query as {@code user} runs it: besides the profile's object and field access, records the org-wide
     * defaults and ownership hide from the user are left out, as Salesforce leaves them out of the user's results.
     */
    public static SoqlPlan plan(String soql, Org org, UserAccount user) {
        SoqlPlan plan = plan(SoqlParser.parse(soql), org, user.profile());
        Predicate<StoredRecord> where = plan.where();
        Predicate<StoredRecord> visible = record -> org.sharing().visible(org, user, record);
        return new SoqlPlan(plan.query(), org, plan.object(), plan.columns(), visible.and(where), plan.order(), plan.limit(), plan.offset(),
                plan.shape(), plan.groupBy(), plan.having(), plan.groupOrder());
    }

    public static SoqlPlan plan(SoqlQuery query, Org org, Profile profile) {
        FieldResolver resolver = new FieldResolver(org, profile, query.text());
        ObjectSchema object = resolver.object(query.object(), query.objectPosition());
        if (object.name().equals(EntityDefinitions.OBJECT)) {
            // Derived records: the schema and org-wide defaults as they are now.
            EntityDefinitions.refresh(org);
        }
        return plan(query, object, org, profile, resolver, true);
    }

    private static SoqlPlan plan(SoqlQuery query, ObjectSchema object, Org org, Profile profile, FieldResolver resolver, boolean topLevel) {
        List<Column> columns = columns(query, object, org, profile, resolver, topLevel);
        SoqlPlan.Shape shape = shape(query, columns);
        LiteralCoercion coercion = new LiteralCoercion(query.text(), LocalDate.ofInstant(org.clock().instant(), ZoneOffset.UTC));
        PredicateBinder binder = new PredicateBinder(org, profile, resolver, object, query.text(), coercion);
        Predicate<StoredRecord> where = query.where() == null ? record -> true : binder.bind(query.where());
        int offset = query.offset() == null ? 0 : query.offset();
        if (offset > MAX_OFFSET) {
            throw new SoqlError(SoqlError.NUMBER_OUTSIDE_VALID_RANGE, "Maximum SOQL offset allowed for apiName " + object.name() + " is " + MAX_OFFSET);
        }
        if (shape != SoqlPlan.Shape.AGGREGATE) {
            if (query.having() != null) {
                throw SoqlError.malformed(query.text(), 0, "HAVING needs GROUP BY or an aggregate function in the SELECT list");
            }
            query.orderBy().stream().filter(item -> item.aggregate() != null).findFirst().ifPresent(item -> {
                throw SoqlError.malformed(query.text(), item.aggregate().position(), "ORDER BY an aggregate function needs GROUP BY");
            });
            Comparator<StoredRecord> order = RecordOrdering.of(query.orderBy(), object, resolver, org);
            return new SoqlPlan(query, org, object, columns, where, order, query.limit(), offset, shape, List.of(), null, null);
        }
        List<ResolvedField> groupBy = new ArrayList<>();
        for (SoqlQuery.FieldPath path : query.groupBy()) {
            ResolvedField field = resolver.resolve(object, path);
            // As describe reports them: long text, numbers, date-times and multi-select picklists are not groupable.
            FieldType type = field.field().type();
            if (type == FieldType.TEXTAREA || type.isNumber() || type == FieldType.DATETIME || type == FieldType.MULTIPICKLIST) {
                throw SoqlError.malformed(query.text(), path.position(), "field '" + field.field().name() + "' can not be grouped in a query call");
            }
            groupBy.add(field);
        }
        checkGrouped(query, columns, groupBy);
        GroupBinder groups = new GroupBinder(org, resolver, object, query.text(), coercion, binder, groupBy);
        Predicate<List<StoredRecord>> having = query.having() == null ? null : groups.having(query.having());
        Comparator<List<StoredRecord>> groupOrder = groups.order(query.orderBy());
        return new SoqlPlan(query, org, object, columns, where, null, query.limit(), offset, shape, groupBy, having, groupOrder);
    }

    private static List<Column> columns(SoqlQuery query, ObjectSchema object, Org org, Profile profile, FieldResolver resolver, boolean topLevel) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unnamed = 0;
        for (SelectItem item : query.select()) {
            switch (item) {
                case SoqlQuery.SelectField field -> {
                    ResolvedField resolved = resolver.resolve(object, field.path());
                    if (field.wrapper() != null && field.wrapper().equals("TOLABEL") && !resolved.field().type().name().contains("PICKLIST")) {
                        throw SoqlError.malformed(query.text(), field.path().position(), "toLabel() is only valid on picklist fields; "
                                + resolved.field().name() + " is a " + resolved.field().type().wireName() + " field");
                    }
                    // Salesforce answers a repeated plain field once rather than failing; a wrapped one needs an alias.
                    String key = field.alias() != null ? field.alias() : resolved.path();
                    if (seen.add(key.toLowerCase(Locale.ROOT))) {
                        columns.add(new SoqlPlan.FieldColumn(resolved, field.wrapper(), field.alias()));
                    } else if (field.wrapper() != null || field.alias() != null) {
                        throw SoqlError.malformed(query.text(), field.path().position(), "duplicate field selected: " + key
                                + (field.alias() == null ? " (give the " + field.wrapper().toLowerCase(Locale.ROOT).replace("tolabel", "toLabel")
                                + "() of a field that is also selected an alias)" : ""));
                    }
                }
                case SoqlQuery.SelectFields fields -> {
                    if (!fields.group().equals("STANDARD") && (query.limit() == null || query.limit() > MAX_FIELDS_LIMIT)) {
                        throw SoqlError.malformed(query.text(), fields.position(), "The SOQL FIELDS function must have a LIMIT of at most "
                                + MAX_FIELDS_LIMIT);
                    }
                    for (FieldSchema schemaField : object.fields()) {
                        boolean wanted = switch (fields.group()) {
                            case "CUSTOM" -> schemaField.custom();
                            case "STANDARD" -> !schemaField.custom();
                            default -> true;
                        };
                        if (wanted && profile.fieldAccess(object.name(), schemaField.name()).canRead()) {
                            if (!seen.add(schemaField.name().toLowerCase(Locale.ROOT))) {
                                throw SoqlError.malformed(query.text(), fields.position(), "duplicate field selected: " + schemaField.name());
                            }
                            columns.add(new SoqlPlan.FieldColumn(new ResolvedField(schemaField.name(), List.of(), schemaField, object)));
                        }
                    }
                }
                case SoqlQuery.SelectAggregate aggregate -> {
                    ResolvedField field = aggregate.path() == null ? null : resolver.resolve(object, aggregate.path());
                    checkAggregatable(query.text(), aggregate, field);
                    String alias = aggregate.alias() != null ? aggregate.alias() : aggregate.path() == null ? null : "expr" + unnamed++;
                    columns.add(new SoqlPlan.AggregateColumn(aggregate.function(), field, alias, aggregate.formatted()));
                }
                case SoqlQuery.SelectSubquery subquery -> columns.add(subquery(query, subquery, object, org, profile, topLevel));
                case SoqlQuery.SelectTypeOf typeOf -> {
                    SoqlPlan.TypeOfColumn column = typeOf(query.text(), typeOf, object, resolver);
                    if (!seen.add(column.relationshipName().toLowerCase(Locale.ROOT))) {
                        throw SoqlError.malformed(query.text(), typeOf.position(), "duplicate field selected: " + column.relationshipName());
                    }
                    columns.add(column);
                }
            }
        }
        return columns;
    }

    /**
     * Checks a TYPEOF against the schema: the relationship must be polymorphic, each WHEN one of the types it points to,
     * and each field one of that type's own fields the user can read (ELSE fields on every type left without a WHEN).
     */
    private static SoqlPlan.TypeOfColumn typeOf(String text, SoqlQuery.SelectTypeOf typeOf, ObjectSchema object, FieldResolver resolver) {
        FieldSchema reference = resolver.relationship(object, typeOf.relationship())
                .orElseThrow(() -> SoqlError.badRelationship(text, typeOf.position(), typeOf.relationship()));
        if (reference.referenceTo().size() < 2) {
            throw SoqlError.malformed(text, typeOf.position(), "TYPEOF is only valid on polymorphic relationships; " + object.name() + "."
                    + reference.relationshipName() + " always points to " + reference.referenceTo().getFirst() + " (select "
                    + reference.relationshipName() + ".Name instead)");
        }
        Map<String, List<FieldSchema>> byType = new LinkedHashMap<>();
        for (Map.Entry<String, List<SoqlQuery.FieldPath>> when : typeOf.whens().entrySet()) {
            String type = reference.referenceTo().stream().filter(t -> t.equalsIgnoreCase(when.getKey())).findFirst()
                    .orElseThrow(() -> SoqlError.malformed(text, typeOf.position(), "TYPEOF " + reference.relationshipName() + ": WHEN "
                            + when.getKey() + " is not a type " + reference.relationshipName() + " can point to; it points to "
                            + String.join(", ", reference.referenceTo())));
            if (byType.containsKey(type)) {
                throw SoqlError.malformed(text, typeOf.position(), "TYPEOF " + reference.relationshipName() + " names WHEN " + type + " twice");
            }
            byType.put(type, typeFields(text, type, when.getValue(), resolver));
        }
        for (String type : reference.referenceTo()) {
            if (!byType.containsKey(type) && resolver.readable(type)) {
                byType.put(type, typeFields(text, type, typeOf.otherwise(), resolver));
            }
        }
        return new SoqlPlan.TypeOfColumn(reference.relationshipName(), reference, byType);
    }

    private static List<FieldSchema> typeFields(String text, String type, List<SoqlQuery.FieldPath> paths, FieldResolver resolver) {
        List<FieldSchema> fields = new ArrayList<>();
        ObjectSchema target = resolver.object(type, 0);
        for (SoqlQuery.FieldPath path : paths) {
            if (path.parts().size() > 1) {
                throw SoqlError.malformed(text, path.position(), "TYPEOF fields are fields of the type itself; "
                        + String.join(".", path.parts()) + " walks a relationship");
            }
            fields.add(resolver.resolve(target, path).field());
        }
        return fields;
    }

    private static Column subquery(SoqlQuery parent, SoqlQuery.SelectSubquery item, ObjectSchema object, Org org, Profile profile, boolean topLevel) {
        SoqlQuery sub = item.query();
        if (!topLevel) {
            throw SoqlError.malformed(parent.text(), item.position(), "a child relationship subquery cannot hold another subquery");
        }
        ChildRelationships.ChildRelationship relationship = ChildRelationships.named(object, org.schemas(), sub.object())
                .filter(r -> new FieldResolver(org, profile, parent.text()).readable(r.child().name()))
                .orElseThrow(() -> SoqlError.at(SoqlError.INVALID_TYPE, parent.text(), sub.objectPosition(), "Didn't understand relationship '"
                        + sub.object() + "' in FROM part of query call. If you are attempting to use a custom relationship, be sure to append "
                        + "the '__r' after the custom relationship name. Please reference your WSDL or the describe call for the appropriate names."));
        FieldResolver childResolver = new FieldResolver(org, profile, parent.text());
        SoqlPlan plan = plan(sub, relationship.child(), org, profile, childResolver, false);
        if (plan.shape() != SoqlPlan.Shape.RECORDS) {
            throw SoqlError.malformed(parent.text(), item.position(), "aggregate functions and GROUP BY are not allowed in a child relationship subquery");
        }
        return new SoqlPlan.SubqueryColumn(relationship.relationshipName(), relationship.field(), plan);
    }

    private static void checkAggregatable(String text, SoqlQuery.SelectAggregate aggregate, ResolvedField field) {
        if (field == null) {
            return;
        }
        FieldType type = field.field().type();
        boolean ok = switch (aggregate.function()) {
            case "SUM", "AVG" -> type.isNumber();
            case "MIN", "MAX" -> type != FieldType.TEXTAREA && type != FieldType.MULTIPICKLIST && type != FieldType.BOOLEAN;
            default -> type != FieldType.TEXTAREA && type != FieldType.MULTIPICKLIST;
        };
        if (!ok) {
            throw SoqlError.malformed(text, aggregate.path().position(), "field " + field.field().name() + " does not support aggregate operator "
                    + aggregate.function());
        }
    }

    private static SoqlPlan.Shape shape(SoqlQuery query, List<Column> columns) {
        boolean countAll = columns.stream().anyMatch(c -> c instanceof SoqlPlan.AggregateColumn a && a.field() == null);
        boolean aggregates = columns.stream().anyMatch(c -> c instanceof SoqlPlan.AggregateColumn);
        if (countAll) {
            if (columns.size() > 1 || !query.groupBy().isEmpty()) {
                throw SoqlError.malformed(query.text(), 0, "COUNT() must be the only element in the SELECT list"
                        + (query.groupBy().isEmpty() ? "." : ", without GROUP BY; use COUNT(Id) to count each group"));
            }
            return SoqlPlan.Shape.COUNT;
        }
        if (aggregates && query.groupBy().isEmpty() && query.limit() != null) {
            throw SoqlError.malformed(query.text(), 0, "LIMIT cannot be used in a query with aggregate functions but no GROUP BY; "
                    + "it returns one row already");
        }
        if (aggregates || !query.groupBy().isEmpty()) {
            return SoqlPlan.Shape.AGGREGATE;
        }
        for (SelectItem item : query.select()) {
            if (item instanceof SoqlQuery.SelectField field && field.alias() != null && field.wrapper() == null) {
                throw SoqlError.malformed(query.text(), field.path().position(), "unexpected token: '" + field.alias()
                        + "' (a plain field takes an alias only in an aggregate query)");
            }
        }
        return SoqlPlan.Shape.RECORDS;
    }

    /** Every plain field of an aggregate query must be one of its GROUP BY fields. */
    private static void checkGrouped(SoqlQuery query, List<Column> columns, List<ResolvedField> groupBy) {
        Set<String> grouped = new HashSet<>();
        groupBy.forEach(field -> grouped.add(field.path().toLowerCase(Locale.ROOT)));
        for (Column column : columns) {
            if (column instanceof SoqlPlan.TypeOfColumn) {
                throw SoqlError.malformed(query.text(), 0, "TYPEOF cannot be combined with aggregate functions or GROUP BY");
            }
            if (column instanceof SoqlPlan.SubqueryColumn) {
                throw SoqlError.malformed(query.text(), 0, "a child relationship subquery cannot be combined with aggregate functions or GROUP BY");
            }
            if (column instanceof SoqlPlan.FieldColumn field && !grouped.contains(field.field().path().toLowerCase(Locale.ROOT))) {
                throw SoqlError.malformed(query.text(), 0, "Field must be grouped or aggregated: " + field.field().field().name());
            }
        }
    }
}
