package dev.sfsync.engine.plan;

import dev.sfsync.core.model.Row;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.sync.PicklistTarget;
import dev.sfsync.salesforce.metadata.PicklistValueSpec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a picklist value sync changes: the model's rows become the active values (matched on their API name, which
 * Salesforce compares ignoring case), values that left the model are deactivated, never deleted (records keep them),
 * and inactive values back in the model are reactivated. Rows Salesforce would refuse are rejected before sending;
 * more than {@value PicklistTarget#MAX_VALUES} values in all (active and inactive) refuses the whole change.
 *
 * @param values    the value set to write, current order first, new values after
 * @param outcomes  one per model row: updated (added, relabelled, reactivated), unchanged, or rejected
 * @param refusal   why nothing may be sent (too many values), or null
 */
public record PicklistChange(List<PicklistValueSpec> values, int added, int relabelled, int deactivated, int reactivated,
                             List<RowOutcome> outcomes, String refusal) {
    public static final String LIMIT_EXCEEDED = "PICKLIST_LIMIT_EXCEEDED";

    public boolean changes() {
        return refusal == null && added + relabelled + deactivated + reactivated > 0;
    }

    public static PicklistChange of(PicklistTarget target, List<Row> rows, List<String> keyColumns, List<PicklistValueSpec> current) {
        Map<String, PicklistValueSpec> wanted = new LinkedHashMap<>();
        Map<String, RowKey> keys = new HashMap<>();
        List<RowOutcome> outcomes = new ArrayList<>();
        Map<String, List<RowKey>> byValue = new HashMap<>();
        Map<String, List<RowKey>> byLabel = new HashMap<>();
        for (Row row : rows) {
            RowKey key = new RowKey(keyColumns.stream().map(k -> String.valueOf(row.get(k))).toList());
            Object value = row.get(target.valueColumn());
            if (value == null || value.toString().isBlank()) {
                outcomes.add(new RowOutcome.RejectedLocally(key, RowError.of("REQUIRED_FIELD_MISSING", "column " + target.valueColumn()
                        + " is empty: a picklist value needs its API name")));
                continue;
            }
            Object label = target.labelColumn() == null ? null : row.get(target.labelColumn());
            String name = value.toString().trim();
            PicklistValueSpec spec = new PicklistValueSpec(name, label == null || label.toString().isBlank() ? name : label.toString().trim(), true);
            byValue.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(key);
            byLabel.computeIfAbsent(spec.label().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(key);
            wanted.put(name.toLowerCase(Locale.ROOT), spec);
            keys.put(name.toLowerCase(Locale.ROOT), key);
        }
        for (Map.Entry<String, List<RowKey>> value : byValue.entrySet()) {
            if (value.getValue().size() > 1) {
                wanted.remove(value.getKey());
                value.getValue().forEach(k -> outcomes.add(new RowOutcome.RejectedLocally(k, RowError.of("DUPLICATE_VALUE", "rows "
                        + value.getValue() + " share the value '" + value.getKey() + "': API names are unique in a picklist (ignoring case)"))));
            }
        }
        for (Map.Entry<String, List<RowKey>> label : byLabel.entrySet()) {
            if (label.getValue().size() > 1) {
                label.getValue().stream().filter(k -> wanted.values().removeIf(v -> keys.get(v.fullName().toLowerCase(Locale.ROOT)) == k))
                        .forEach(k -> outcomes.add(new RowOutcome.RejectedLocally(k, RowError.of("DUPLICATE_VALUE", "rows " + label.getValue()
                                + " share the label '" + label.getKey() + "': labels are unique among a picklist's active values"))));
            }
        }
        // A value whose rows were refused is left as it is: a bad row must not deactivate what it meant to keep.
        java.util.Set<String> refused = new java.util.HashSet<>(byValue.keySet());
        refused.removeAll(wanted.keySet());
        List<PicklistValueSpec> next = new ArrayList<>();
        int added = 0;
        int relabelled = 0;
        int deactivated = 0;
        int reactivated = 0;
        for (PicklistValueSpec existing : current) {
            PicklistValueSpec row = wanted.remove(existing.fullName().toLowerCase(Locale.ROOT));
            if (row == null && refused.contains(existing.fullName().toLowerCase(Locale.ROOT))) {
                next.add(existing);
                continue;
            }
            if (row == null) {
                deactivated += existing.active() ? 1 : 0;
                next.add(new PicklistValueSpec(existing.fullName(), existing.label(), false));
                continue;
            }
            RowKey key = keys.get(existing.fullName().toLowerCase(Locale.ROOT));
            boolean relabel = !row.label().equals(existing.label());
            relabelled += relabel ? 1 : 0;
            reactivated += existing.active() ? 0 : 1;
            next.add(new PicklistValueSpec(existing.fullName(), row.label(), true));
            outcomes.add(relabel || !existing.active() ? new RowOutcome.Updated(key, null) : new RowOutcome.Unchanged(key));
        }
        for (PicklistValueSpec fresh : wanted.values()) {
            added++;
            next.add(fresh);
            outcomes.add(new RowOutcome.Updated(keys.get(fresh.fullName().toLowerCase(Locale.ROOT)), null));
        }
        String refusal = null;
        if (next.size() > PicklistTarget.MAX_VALUES) {
            refusal = "the picklist would hold " + next.size() + " values (" + next.stream().filter(PicklistValueSpec::active).count() + " active, "
                    + next.stream().filter(v -> !v.active()).count() + " inactive), over Salesforce's limit of " + PicklistTarget.MAX_VALUES
                    + " active and inactive values together. Fix: remove values from the model, or delete unused inactive values in Setup"
                    + " (Object Manager → Fields → the field → Inactive Values)";
            String message = refusal;
            outcomes.replaceAll(o -> o.succeeded() ? new RowOutcome.RejectedLocally(o.key(), RowError.of(LIMIT_EXCEEDED, message)) : o);
        }
        return new PicklistChange(next, added, relabelled, deactivated, reactivated, outcomes, refusal);
    }

    /** For the plan: one line of what changes. */
    public String summary(String field) {
        return refusal != null ? "picklist " + field + ": nothing is sent: " + refusal
                : "picklist " + field + ": " + added + " values added, " + relabelled + " relabelled, " + deactivated + " deactivated (kept on records),"
                + " " + reactivated + " reactivated; " + values.size() + " values in all of " + PicklistTarget.MAX_VALUES
                + (changes() ? "; one readMetadata and one updateMetadata call" : "; nothing to send");
    }
}
