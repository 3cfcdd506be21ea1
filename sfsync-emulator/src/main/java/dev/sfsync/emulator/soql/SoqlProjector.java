package dev.sfsync.emulator.soql;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.StoredRecord;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders result records for the selected columns, one record at a time so a large result is never copied whole:
 * nested objects per relationship for JSON, or flat "Account.Name" columns for CSV.
 */
public final class SoqlProjector {
    /** How values and attributes look on the wire; the REST endpoint supplies its own. */
    public interface Renderer {
        Map<String, Object> attributes(String object, String id);

        Object value(FieldSchema field, Object stored);
    }

    /** A relationship in the SELECT tree: its children are field names or further relationships, in SELECT order. */
    private record Node(ResolvedField.Hop hop, Map<String, Object> children) {
    }

    private final SoqlPlan plan;
    private final List<ResolvedField> fields = new ArrayList<>();
    private final Node root = new Node(null, new LinkedHashMap<>());

    public SoqlProjector(SoqlPlan plan) {
        this.plan = plan;
        for (SoqlPlan.Column column : plan.columns()) {
            if (column instanceof SoqlPlan.FieldColumn(ResolvedField field)) {
                fields.add(field);
                Node node = root;
                for (ResolvedField.Hop hop : field.hops()) {
                    node = (Node) node.children().computeIfAbsent(hop.relationshipName(), k -> new Node(hop, new LinkedHashMap<>()));
                }
                node.children().putIfAbsent(field.field().name(), field.field());
            }
        }
    }

    public SoqlPlan plan() {
        return plan;
    }

    /** Column headers for flat output, e.g. Id, Name, Account.Owner.Name. */
    public List<String> columnNames() {
        return fields.stream().map(ResolvedField::path).toList();
    }

    /** Stored values for {@link #columnNames()}; null where a parent on the path is empty. */
    public List<Object> flatValues(StoredRecord record) {
        List<Object> values = new ArrayList<>(fields.size());
        for (ResolvedField field : fields) {
            values.add(field.value(record, plan.org()));
        }
        return values;
    }

    public Map<String, Object> json(StoredRecord record, Renderer renderer) {
        return render(record, root, renderer);
    }

    /** The single row of a COUNT(field) query. */
    public Map<String, Object> aggregateJson(Map<String, Long> counts) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("attributes", Map.of("type", "AggregateResult"));
        row.putAll(counts);
        return row;
    }

    private Map<String, Object> render(StoredRecord record, Node node, Renderer renderer) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("attributes", renderer.attributes(record.objectName(), record.id()));
        for (Map.Entry<String, Object> child : node.children().entrySet()) {
            if (child.getValue() instanceof FieldSchema field) {
                out.put(field.name(), renderer.value(field, record.values().get(field.name())));
            } else {
                Node relationship = (Node) child.getValue();
                StoredRecord parent = ResolvedField.parent(record, relationship.hop(), plan.org());
                out.put(child.getKey(), parent == null ? null : render(parent, relationship, renderer));
            }
        }
        return out;
    }
}
