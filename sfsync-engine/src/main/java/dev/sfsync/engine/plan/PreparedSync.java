package dev.sfsync.engine.plan;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.engine.sync.FieldMapping;
import dev.sfsync.engine.sync.Lookup;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.engine.sync.SyncMode;
import dev.sfsync.salesforce.describe.FieldDescribe;
import dev.sfsync.salesforce.describe.SObjectDescribe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A sync checked against the org and its model: the definition with the describes and columns it was validated
 * with. Only a sync without remote problems is prepared, so every field named here exists and is writable.
 *
 * @param lookupObjects describes of the objects lookups search, by the lookup's reference field
 * @param fullResync    the run resends every row whatever the snapshot says ({@code sfsync run --full}): insert mode
 *                      creates records again for rows it created before
 * @param recordTypes   the record types the run may set, resolved once per run
 * @param merge         a merge sync's groups, read from the whole model once per run; null for other syncs
 */
public record PreparedSync(SyncDefinition definition, Model model, ModelSchema schema, SObjectDescribe object,
                           Map<String, SObjectDescribe> lookupObjects, boolean fullResync, RecordTypeIds recordTypes, MergeGroups merge) {
    public PreparedSync {
        Objects.requireNonNull(definition, "definition is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(schema, "schema is null");
        Objects.requireNonNull(object, "object is null");
        lookupObjects = Map.copyOf(lookupObjects);
        recordTypes = recordTypes == null ? RecordTypeIds.NONE : recordTypes;
    }

    public FieldDescribe field(String name) {
        return object.field(name).orElseThrow(() -> new IllegalStateException(object.name() + "." + name + " vanished after validation"));
    }

    /** Fields an upsert sends only when it creates the record: Salesforce refuses them on update. */
    public Set<String> createOnlyFields() {
        if (definition.mode() != SyncMode.UPSERT) {
            return Set.of();
        }
        return mappedFields().stream().map(this::field).filter(f -> f.createable() && !f.updateable())
                .map(FieldDescribe::name).collect(Collectors.toUnmodifiableSet());
    }

    /** Every field the sync sets, mappings then lookups, as the describe names them. */
    public List<String> mappedFields() {
        List<String> fields = new java.util.ArrayList<>(definition.mappings().stream().map(m -> field(m.field()).name()).toList());
        definition.lookups().forEach(l -> fields.add(field(l.field()).name()));
        return fields;
    }

    /** What change detection compares: target to model column, so a row is resent only when a mapped column changed. */
    public static Map<String, String> mappedColumns(SyncDefinition definition) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (FieldMapping mapping : definition.mappings()) {
            if (mapping.source() instanceof FieldMapping.Column column) {
                columns.put(mapping.field(), column.name());
            }
        }
        for (Lookup lookup : definition.lookups()) {
            columns.put(lookup.field(), lookup.column());
        }
        definition.match().ifPresent(match -> columns.put(match.field(), match.column()));
        if (definition.options().recordType().orElse(null) instanceof dev.sfsync.engine.sync.RecordTypeChoice.FromColumn column) {
            columns.put("RecordTypeId", column.column());
        }
        definition.options().orLead().ifPresent(lead -> lead.mappings().forEach(m -> {
            if (m.source() instanceof FieldMapping.Column column) {
                columns.put("Lead." + m.field(), column.name());
            }
        }));
        return columns;
    }

    /**
     * What change detection remembers of the constant mappings: target to the value's type and text, so that changing
     * a constant (even only its kind, e.g. 1 to "1") resends every synced row once.
     */
    public static Map<String, String> constants(SyncDefinition definition) {
        Map<String, String> constants = new LinkedHashMap<>();
        for (FieldMapping mapping : definition.mappings()) {
            if (mapping.source() instanceof FieldMapping.Constant constant) {
                constants.put(mapping.field(), switch (constant.value()) {
                    case null -> "null";
                    case List<?> items -> "list:" + items;
                    case Boolean flag -> "boolean:" + flag;
                    case Number number -> "number:" + number;
                    case Object text -> "text:" + text;
                });
            }
        }
        if (definition.options().recordType().orElse(null) instanceof dev.sfsync.engine.sync.RecordTypeChoice.Named named) {
            constants.put("RecordTypeId", "recordtype:" + named.developerName());
        }
        return constants;
    }

    /**
     * Columns whose values must be unique across the model: the column matched to an external ID, since rows sharing
     * a value would write the same record (or be refused together in one call).
     */
    public static Set<String> uniqueColumns(SyncDefinition definition) {
        return definition.match().filter(match -> !match.bySalesforceId()).map(match -> Set.of(match.column())).orElse(Set.of());
    }
}
