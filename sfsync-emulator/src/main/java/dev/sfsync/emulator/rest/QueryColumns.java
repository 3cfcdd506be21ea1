package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.soql.ResolvedField;
import dev.sfsync.emulator.soql.SoqlPlan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code query?q=...&columns=true}: the query's columns without running it. Salesforce's docs do not
 * describe this resource; the shape here is what the Salesforce CLI's {@code data query} reads (columnMetadata entries
 * with columnName, displayName, aggregate and joinColumns for relationship paths), and what Salesforce sends it.
 */
final class QueryColumns {
    private QueryColumns() {
    }

    static Map<String, Object> of(SoqlPlan plan) {
        List<Object> columns = columnsOf(plan);
        if (plan.shape() == SoqlPlan.Shape.COUNT && columns.isEmpty()) {
            columns.add(column("expr0", "COUNT()", "Integer", true, true, List.of()));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("columnMetadata", columns);
        body.put("entityName", plan.object().name());
        body.put("groupBy", !plan.groupBy().isEmpty());
        body.put("idSelected", plan.columns().stream().anyMatch(c -> c instanceof SoqlPlan.FieldColumn f
                && f.field().hops().isEmpty() && f.field().field().name().equals("Id")));
        body.put("keyPrefix", plan.object().keyPrefix());
        return body;
    }

    private static List<Object> columnsOf(SoqlPlan plan) {
        List<Object> columns = new ArrayList<>();
        int expression = 0;
        for (SoqlPlan.Column column : plan.columns()) {
            switch (column) {
                case SoqlPlan.FieldColumn field -> columns.add(fieldColumn(field.field()));
                case SoqlPlan.AggregateColumn aggregate -> {
                    String name = aggregate.alias() != null ? aggregate.alias() : "expr" + expression++;
                    String apexType = aggregate.formatted() ? "String" : switch (aggregate.function()) {
                        case "COUNT", "COUNT_DISTINCT" -> "Integer";
                        case "SUM", "AVG" -> "Double";
                        default -> apexType(aggregate.field().field().type());
                    };
                    columns.add(column(name, name, apexType, true, !"String".equals(apexType), List.of()));
                }
                // A child subquery is one column whose join columns are the subquery's own, as for a parent path.
                case SoqlPlan.TypeOfColumn typeOf -> columns.add(column(typeOf.relationshipName(), typeOf.relationshipName(), null, false, false,
                        typeOf.fieldsByType().values().stream().flatMap(List::stream).map(f -> f.name()).distinct()
                                .map(name -> (Object) column(name, name, null, false, false, List.of())).toList()));
                case SoqlPlan.SubqueryColumn subquery ->
                        columns.add(column(subquery.relationshipName(), subquery.relationshipName(), null, false, false, columnsOf(subquery.plan())));
            }
        }
        return columns;
    }

    /** Account.Owner.Name is Account's column with a join to Owner, whose join column is Name. */
    private static Map<String, Object> fieldColumn(ResolvedField resolved) {
        FieldSchema field = resolved.field();
        Map<String, Object> leaf = column(field.name(), field.label(), apexType(field.type()), false, field.type().isNumber(), List.of());
        leaf.put("insertable", field.createable());
        leaf.put("updatable", field.updateable());
        Map<String, Object> current = leaf;
        List<ResolvedField.Hop> hops = resolved.hops();
        for (int i = hops.size() - 1; i >= 0; i--) {
            ResolvedField.Hop hop = hops.get(i);
            current = column(hop.relationshipName(), hop.relationshipName(), null, false, false, List.of(current));
            current.put("foreignKeyName", hop.reference().name());
        }
        return current;
    }

    private static Map<String, Object> column(String name, String label, String apexType, boolean aggregate, boolean number,
                                              List<Object> joins) {
        Map<String, Object> column = new LinkedHashMap<>();
        column.put("aggregate", aggregate);
        column.put("apexType", apexType);
        column.put("booleanType", "Boolean".equals(apexType));
        column.put("columnName", name);
        column.put("custom", name.endsWith("__c"));
        column.put("displayName", label);
        column.put("foreignKeyName", null);
        column.put("insertable", false);
        column.put("joinColumns", joins);
        column.put("numberType", number);
        column.put("textType", "String".equals(apexType));
        column.put("updatable", false);
        return column;
    }

    private static String apexType(FieldType type) {
        return switch (type) {
            case ID, REFERENCE -> "Id";
            case BOOLEAN -> "Boolean";
            case INT -> "Integer";
            case DOUBLE, CURRENCY, PERCENT -> "Double";
            case DATE -> "Date";
            case DATETIME -> "Datetime";
            default -> "String";
        };
    }
}
