package dev.sfsync.emulator.metadata;

import dev.sfsync.emulator.access.FieldSecurity;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Permission;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.StoredRecord;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, changes, reads and deletes custom fields in the live org schema, as the Metadata API's CRUD calls and the
 * Tooling API's CustomField do. Each call holds the org's write lock, so no record write sees half a change; records
 * are re-homed onto the new schema so every reader sees the field appear or disappear at once.
 */
public final class FieldDefinitions {
    private final Org org;
    private final CustomFieldCompiler compiler;

    public FieldDefinitions(Org org) {
        this.org = org;
        this.compiler = new CustomFieldCompiler(org);
    }

    /** Salesforce lets the Metadata and Tooling APIs change fields only for users who may customize the org. */
    public static boolean mayCustomize(Profile profile) {
        return profile.has(Permission.CustomizeApplication) || profile.has(Permission.ModifyAllData);
    }

    public MetadataResult create(CustomFieldSpec spec) {
        return apply(spec, Mode.CREATE);
    }

    public MetadataResult update(CustomFieldSpec spec) {
        return apply(spec, Mode.UPDATE);
    }

    public MetadataResult upsert(CustomFieldSpec spec) {
        return apply(spec, Mode.UPSERT);
    }

    public MetadataResult delete(String fullName) {
        synchronized (org.writeLock()) {
            try {
                FieldName name = FieldName.parse(fullName);
                ObjectSchema object = object(name);
                FieldSchema field = existingCustom(object, name);
                ObjectSchema changed = object.withoutField(field.name());
                org.putSchema(changed);
                rehome(changed, field.name());
                FieldSecurity.forgetField(org, object.name(), field.name());
                return MetadataResult.saved(object.name() + "." + field.name(), false);
            } catch (InvalidDefinition e) {
                return MetadataResult.failed(fullName, e.error());
            }
        }
    }

    /** The field of a full name, standard or custom, with its object; empty when either does not exist. */
    public Optional<Map.Entry<ObjectSchema, FieldSchema>> read(String fullName) {
        try {
            FieldName name = FieldName.parse(fullName);
            ObjectSchema object = org.schema(name.object()).orElse(null);
            FieldSchema field = object == null ? null : object.field(name.field()).orElse(null);
            return field == null ? Optional.empty() : Optional.of(Map.entry(object, field));
        } catch (InvalidDefinition e) {
            return Optional.empty();
        }
    }

    private enum Mode { CREATE, UPDATE, UPSERT }

    private MetadataResult apply(CustomFieldSpec spec, Mode mode) {
        synchronized (org.writeLock()) {
            try {
                FieldName name = FieldName.parse(spec.fullName());
                ObjectSchema object = object(name);
                Optional<FieldSchema> existing = object.field(name.field());
                boolean creating = existing.isEmpty();
                if (mode == Mode.CREATE && existing.isPresent()) {
                    throw new InvalidDefinition("DUPLICATE_DEVELOPER_NAME", "There is already a field named "
                            + existing.get().name() + " on " + object.name() + ".", "fullName");
                }
                if (mode == Mode.UPDATE && existing.isEmpty()) {
                    throw noSuchField(name);
                }
                FieldSchema field;
                if (creating) {
                    name.requireCustomName();
                    field = compiler.compile(name, spec);
                } else {
                    FieldSchema current = existingCustom(object, name);
                    field = compiler.compile(new FieldName(object.name(), current.name()), spec);
                    checkCompatible(object, current, field);
                }
                ObjectSchema changed = object.withField(field);
                org.putSchema(changed);
                rehome(changed, null);
                if (creating) {
                    FieldSecurity.hideNewField(org, object.name(), field);
                }
                return MetadataResult.saved(object.name() + "." + field.name(), creating);
            } catch (InvalidDefinition e) {
                return MetadataResult.failed(spec.fullName(), e.error());
            }
        }
    }

    private ObjectSchema object(FieldName name) throws InvalidDefinition {
        return org.schema(name.object())
                .orElseThrow(() -> new InvalidDefinition("INVALID_CROSS_REFERENCE_KEY", "In field: fullName - no CustomObject named "
                        + name.object() + " found", "fullName"));
    }

    private static FieldSchema existingCustom(ObjectSchema object, FieldName name) throws InvalidDefinition {
        FieldSchema field = object.field(name.field()).orElseThrow(() -> noSuchField(name));
        if (!field.custom()) {
            throw InvalidDefinition.integrity("Only custom fields (ending in __c) can be changed or deleted this way; "
                    + object.name() + "." + field.name() + " is a standard field", "fullName");
        }
        return field;
    }

    private static InvalidDefinition noSuchField(FieldName name) {
        return new InvalidDefinition("INVALID_CROSS_REFERENCE_KEY", "In field: fullName - no CustomField named " + name.fullName() + " found", "fullName");
    }

    /** Refuses changes that would leave stored values wrong: another type over existing values, uniqueness over duplicates. */
    private void checkCompatible(ObjectSchema object, FieldSchema current, FieldSchema changed) throws InvalidDefinition {
        RecordStore store = org.store(object.name()).orElseThrow();
        Map<String, String> seen = new HashMap<>();
        for (StoredRecord record : store.all()) {
            Object value = record.values().get(current.name());
            if (record.isDeleted() || value == null) {
                continue;
            }
            if (current.type() != changed.type()) {
                throw InvalidDefinition.integrity("Cannot change " + object.name() + "." + current.name() + " from "
                        + CustomFieldCompiler.MetadataFieldType.of(current) + " to " + CustomFieldCompiler.MetadataFieldType.of(changed)
                        + " while records hold values in it (record " + record.id() + "); clear the values first", "type");
            }
            if (changed.unique() && !current.unique()) {
                String key = changed.caseSensitive() ? value.toString() : value.toString().toLowerCase(Locale.ROOT);
                String other = seen.putIfAbsent(key, record.id());
                if (other != null) {
                    throw new InvalidDefinition("DUPLICATE_VALUE", "Cannot make " + object.name() + "." + current.name()
                            + " unique: records " + other + " and " + record.id() + " share the value '" + value + "'", "unique");
                }
            }
        }
    }

    /** Gives every record the new schema (dropping a deleted field's values, so a field created again starts empty). */
    private void rehome(ObjectSchema schema, String droppedField) {
        RecordStore store = org.store(schema.name()).orElseThrow();
        for (StoredRecord record : List.copyOf(store.all())) {
            LinkedHashMap<String, Object> values = new LinkedHashMap<>(record.values());
            if (droppedField != null) {
                values.remove(droppedField);
            }
            store.put(StoredRecord.adopting(record.id(), schema, values));
        }
    }
}
