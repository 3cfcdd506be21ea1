package dev.sfsync.emulator.soql;

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
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;

/** Checks a parsed query against the org and the user's access and compiles it into a {@link SoqlPlan}. */
public final class SoqlPlanner {
    public static final int MAX_OFFSET = 2000;

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
                plan.shape());
    }

    public static SoqlPlan plan(SoqlQuery query, Org org, Profile profile) {
        FieldResolver resolver = new FieldResolver(org, profile, query.text());
        ObjectSchema object = resolver.object(query.object(), query.objectPosition());
        List<Column> columns = columns(query, object, resolver);
        SoqlPlan.Shape shape = shape(query, columns);
        Predicate<StoredRecord> where = record -> true;
        if (query.where() != null) {
            LiteralCoercion coercion = new LiteralCoercion(query.text(), LocalDate.ofInstant(org.clock().instant(), ZoneOffset.UTC));
            where = new PredicateBinder(org, profile, resolver, object, query.text(), coercion).bind(query.where());
        }
        Comparator<StoredRecord> order = RecordOrdering.of(query.orderBy(), object, resolver, org);
        int offset = query.offset() == null ? 0 : query.offset();
        if (offset > MAX_OFFSET) {
            throw new SoqlError(SoqlError.NUMBER_OUTSIDE_VALID_RANGE, "Maximum SOQL offset allowed for apiName " + object.name() + " is " + MAX_OFFSET);
        }
        return new SoqlPlan(query, org, object, columns, where, order, query.limit(), offset, shape);
    }

    private static List<Column> columns(SoqlQuery query, ObjectSchema object, FieldResolver resolver) {
        List<Column> columns = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int unnamed = 0;
        for (SelectItem item : query.select()) {
            switch (item) {
                case SoqlQuery.SelectField field -> {
                    ResolvedField resolved = resolver.resolve(object, field.path());
                    // Salesforce answers a repeated field once rather than failing.
                    if (seen.add(resolved.path().toLowerCase(Locale.ROOT))) {
                        columns.add(new SoqlPlan.FieldColumn(resolved));
                    }
                }
                case SoqlQuery.SelectCount count when count.path() == null -> columns.add(new SoqlPlan.CountColumn(null, count.alias()));
                case SoqlQuery.SelectCount count -> {
                    String alias = count.alias() != null ? count.alias() : "expr" + unnamed++;
                    columns.add(new SoqlPlan.CountColumn(resolver.resolve(object, count.path()), alias));
                }
            }
        }
        return columns;
    }

    private static SoqlPlan.Shape shape(SoqlQuery query, List<Column> columns) {
        boolean countAll = columns.stream().anyMatch(c -> c instanceof SoqlPlan.CountColumn count && count.field() == null);
        boolean aggregates = columns.stream().anyMatch(c -> c instanceof SoqlPlan.CountColumn);
        if (countAll) {
            if (columns.size() > 1) {
                throw SoqlError.malformed(query.text(), 0, "COUNT() must be the only element in the SELECT list.");
            }
            return SoqlPlan.Shape.COUNT;
        }
        if (aggregates) {
            for (SelectItem item : query.select()) {
                if (item instanceof SoqlQuery.SelectField field) {
                    throw SoqlError.malformed(query.text(), field.path().position(), "Field must be grouped or aggregated: "
                            + field.path().parts().getLast());
                }
            }
            return SoqlPlan.Shape.AGGREGATE;
        }
        return SoqlPlan.Shape.RECORDS;
    }
}
