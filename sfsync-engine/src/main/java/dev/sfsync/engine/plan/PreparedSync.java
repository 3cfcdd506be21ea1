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
 */
public record PreparedSync(SyncDefinition definition, Model model, ModelSchema schema, SObjectDescribe object,
                           Map<String, SObjectDescribe> lookupObjects) {
    public PreparedSync {
        Objects.requireNonNull(definition, "definition is null");
        Objects.requireNonNull(model, "model is null");
        Objects.requireNonNull(schema, "schema is null");
        Objects.requireNonNull(object, "object is null");
        lookupObjects = Map.copyOf(lookupObjects);
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
        return columns;
    }
}
