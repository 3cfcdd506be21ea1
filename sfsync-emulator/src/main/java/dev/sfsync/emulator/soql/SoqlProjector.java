package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.StoredRecord;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders result records for the selected columns, one record at a time so a large result is never copied whole:
 * nested objects per relationship for JSON (child relationship subqueries as nested query results), or flat
 * "Account.Name" columns for CSV.
 */
public final class SoqlProjector {
    /** How values and attributes look on the wire; each API supplies its own. */
    public interface Renderer {
        Map<String, Object> attributes(String object, String id);

        Object value(FieldSchema field, Object stored);
    }

    /** A relationship in the SELECT tree: its children are columns, subqueries or further relationships, in SELECT order. */
    private record Node(ResolvedField.Hop hop, Map<String, Object> children) {
    }

    private final SoqlPlan plan;
    private final List<SoqlPlan.FieldColumn> fields = new ArrayList<>();
    private final Node root = new Node(null, new LinkedHashMap<>());
    /** Per subquery, the matching children by parent id, worked out on first use. */
    private final Map<SoqlPlan.SubqueryColumn, Map<String, List<StoredRecord>>> children = new HashMap<>();

    public SoqlProjector(SoqlPlan plan) {
        this.plan = plan;
        for (SoqlPlan.Column column : plan.columns()) {
            switch (column) {
                case SoqlPlan.FieldColumn field when field.alias() != null -> {
                    fields.add(field);
                    root.children().putIfAbsent(field.alias(), field);
                }
                case SoqlPlan.FieldColumn field -> {
                    fields.add(field);
                    Node node = root;
                    for (ResolvedField.Hop hop : field.field().hops()) {
                        node = (Node) node.children().computeIfAbsent(hop.relationshipName(), k -> new Node(hop, new LinkedHashMap<>()));
                    }
                    node.children().putIfAbsent(field.field().field().name(), field);
                }
                case SoqlPlan.SubqueryColumn subquery -> root.children().put(subquery.relationshipName(), subquery);
                case SoqlPlan.TypeOfColumn typeOf -> root.children().put(typeOf.relationshipName(), typeOf);
                case SoqlPlan.AggregateColumn ignored -> {
                }
            }
        }
    }

    public SoqlPlan plan() {
        return plan;
    }

    /** Column headers for flat output, e.g. Id, Name, Account.Owner.Name. */
    public List<String> columnNames() {
        return fields.stream().map(f -> f.alias() != null ? f.alias() : f.field().path()).toList();
    }

    /** Stored values for {@link #columnNames()}; null where a parent on the path is empty. */
    public List<Object> flatValues(StoredRecord record) {
        List<Object> values = new ArrayList<>(fields.size());
        for (SoqlPlan.FieldColumn field : fields) {
            values.add(field.value(record, plan.org()));
        }
        return values;
    }

    public Map<String, Object> json(StoredRecord record, Renderer renderer) {
        return render(record, root, renderer);
    }

    /** One AggregateResult record: attributes, then each value under its name. */
    public static Map<String, Object> aggregateJson(SoqlResult.AggregateRow row, Renderer renderer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", Map.of("type", "AggregateResult"));
        for (SoqlResult.AggregateValue value : row.values()) {
            Object rendered = switch (value.value()) {
                case null -> null;
                case Long count -> count;
                case BigDecimal number when value.field() == null -> number.doubleValue();
                default -> renderer.value(value.field(), value.value());
            };
            out.put(value.key(), rendered);
        }
        return out;
    }

    private Map<String, Object> render(StoredRecord record, Node node, Renderer renderer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", renderer.attributes(record.objectName(), record.id()));
        for (Map.Entry<String, Object> child : node.children().entrySet()) {
            switch (child.getValue()) {
                case SoqlPlan.FieldColumn field -> out.put(child.getKey(), renderer.value(field.field().field(),
                        ValueFormats.apply(field.wrapper(), field.field().field(), record.values().get(field.field().field().name()))));
                case SoqlPlan.SubqueryColumn subquery -> out.put(child.getKey(), childResult(record, subquery, renderer));
                case SoqlPlan.TypeOfColumn typeOf -> out.put(child.getKey(), typeOfRecord(record, typeOf, renderer));
                default -> {
                    Node relationship = (Node) child.getValue();
                    StoredRecord parent = ResolvedField.parent(record, relationship.hop(), plan.org());
                    out.put(child.getKey(), parent == null ? null : render(parent, relationship, renderer));
                }
            }
        }
        return out;
    }

    /** The record a TYPEOF points to, with the fields chosen for its type; null when the reference is empty. */
    private Map<String, Object> typeOfRecord(StoredRecord record, SoqlPlan.TypeOfColumn typeOf, Renderer renderer) {
        StoredRecord target = typeOf.target(record, plan.org());
        if (target == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", renderer.attributes(target.objectName(), target.id()));
        for (FieldSchema field : typeOf.fieldsByType().getOrDefault(target.objectName(), List.of())) {
            out.put(field.name(), renderer.value(field, target.values().get(field.name())));
        }
        return out;
    }

    /** A subquery's records as a nested query result (totalSize, done, records); null when there are none, as Salesforce answers. */
    private Map<String, Object> childResult(StoredRecord parent, SoqlPlan.SubqueryColumn subquery, Renderer renderer) {
        List<StoredRecord> matched = children.computeIfAbsent(subquery, this::childrenByParent).getOrDefault(parent.id(), List.of());
        List<StoredRecord> window = SoqlExecutor.window(matched, subquery.plan());
        if (window.isEmpty()) {
            return null;
        }
        SoqlProjector projector = new SoqlProjector(subquery.plan());
        List<Object> records = new ArrayList<>(window.size());
        for (StoredRecord child : window) {
            records.add(projector.json(child, renderer));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("totalSize", window.size());
        result.put("done", true);
        result.put("records", records);
        return result;
    }

    private Map<String, List<StoredRecord>> childrenByParent(SoqlPlan.SubqueryColumn subquery) {
        Map<String, List<StoredRecord>> byParent = new HashMap<>();
        for (StoredRecord child : SoqlExecutor.sorted(SoqlExecutor.matching(subquery.plan(), false), subquery.plan())) {
            Object parentId = child.values().get(subquery.childReference().name());
            if (parentId != null) {
                byParent.computeIfAbsent(parentId.toString(), k -> new ArrayList<>()).add(child);
            }
        }
        return byParent;
    }
}
