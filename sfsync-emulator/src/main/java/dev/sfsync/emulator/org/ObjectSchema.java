package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** An sObject type: its key prefix, fields (looked up case-insensitively, as Salesforce does) and validation rules. */
public final class ObjectSchema {
    private final String name;
    private final String label;
    private final String labelPlural;
    private final String keyPrefix;
    private final boolean custom;
    private final boolean platformEvent;
    private final Map<String, FieldSchema> fieldsByLowerName = new LinkedHashMap<>();
    private final Map<String, FieldSchema> fieldsByName = new HashMap<>();
    private final Map<String, FieldSchema> referencesByLowerRelationship = new LinkedHashMap<>();
    private final List<ValidationRule> validationRules;
    // Subsets the record writer walks on every write; kept here so a write does not filter all fields each time.
    private final List<FieldSchema> uniqueFields;
    private final List<FieldSchema> writableReferences;
    private final List<FieldSchema> defaultedFields;
    private final List<FieldSchema> autoNumberFields;
    private final List<FieldSchema> requiredOnCreate;
    private final SharingModel sharingModel;
    // The record versions of this definition share their field-name layouts; a changed definition starts new ones.
    final RecordLayouts recordLayouts = new RecordLayouts(this);

    /** An object whose org-wide default is Public Read/Write. */
    public ObjectSchema(String name, String label, String labelPlural, String keyPrefix, boolean platformEvent,
                        Collection<FieldSchema> fields, List<ValidationRule> validationRules) {
        this(name, label, labelPlural, keyPrefix, platformEvent, fields, validationRules, SharingModel.ReadWrite);
    }

    public ObjectSchema(String name, String label, String labelPlural, String keyPrefix, boolean platformEvent,
                        Collection<FieldSchema> fields, List<ValidationRule> validationRules, SharingModel sharingModel) {
        this.sharingModel = Objects.requireNonNull(sharingModel, "sharingModel is null");
        this.name = Objects.requireNonNull(name, "name is null");
        this.label = label == null ? name.replace("__c", "").replace('_', ' ') : label;
        this.labelPlural = labelPlural == null ? this.label + "s" : labelPlural;
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix is null");
        this.custom = name.endsWith("__c") || name.endsWith("__e");
        this.platformEvent = platformEvent;
        for (FieldSchema field : fields) {
            fieldsByLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
            fieldsByName.put(field.name(), field);
            if (field.relationshipName() != null) {
                referencesByLowerRelationship.put(field.relationshipName().toLowerCase(Locale.ROOT), field);
            }
        }
        this.validationRules = List.copyOf(validationRules);
        this.uniqueFields = fieldsByLowerName.values().stream().filter(FieldSchema::unique).toList();
        this.writableReferences = fieldsByLowerName.values().stream()
                .filter(f -> f.type() == FieldType.REFERENCE && (f.createable() || f.updateable())).toList();
        this.defaultedFields = fieldsByLowerName.values().stream().filter(f -> f.defaultValue() != null && !f.autoNumber()).toList();
        this.autoNumberFields = fieldsByLowerName.values().stream().filter(FieldSchema::autoNumber).toList();
        this.requiredOnCreate = fieldsByLowerName.values().stream().filter(FieldSchema::requiredOnCreate).toList();
    }

    public String name() { return name; }
    public String label() { return label; }
    public String labelPlural() { return labelPlural; }
    public String keyPrefix() { return keyPrefix; }
    public boolean custom() { return custom; }
    public boolean platformEvent() { return platformEvent; }
    public List<ValidationRule> validationRules() { return validationRules; }
    /** The org-wide default the org starts with (the org file's {@code sharingModel}). */
    public SharingModel sharingModel() { return sharingModel; }
    public List<FieldSchema> uniqueFields() { return uniqueFields; }
    /** Reference fields a user can set (createable or updateable); system references such as CreatedById are not checked. */
    public List<FieldSchema> writableReferences() { return writableReferences; }
    /** Fields with a default value applied on create (auto-numbers excluded: they are numbered instead). */
    public List<FieldSchema> defaultedFields() { return defaultedFields; }
    public List<FieldSchema> autoNumberFields() { return autoNumberFields; }
    public List<FieldSchema> requiredOnCreate() { return requiredOnCreate; }

    public Collection<FieldSchema> fields() {
        return fieldsByLowerName.values();
    }

    public Optional<FieldSchema> field(String fieldName) {
        FieldSchema exact = fieldsByName.get(fieldName);
        return Optional.ofNullable(exact != null ? exact : fieldsByLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    /** The reference field behind a relationship name, e.g. {@code Account} on Contact gives {@code AccountId}. */
    public Optional<FieldSchema> relationship(String relationshipName) {
        return Optional.ofNullable(referencesByLowerRelationship.get(relationshipName.toLowerCase(Locale.ROOT)));
    }

    public boolean isLead() {
        return name.equals("Lead");
    }

    /** A copy with one field added or replaced (used when the Metadata API changes a field). */
    public ObjectSchema withField(FieldSchema field) {
        Map<String, FieldSchema> copy = new LinkedHashMap<>(fieldsByLowerName);
        copy.put(field.name().toLowerCase(Locale.ROOT), field);
        return new ObjectSchema(name, label, labelPlural, keyPrefix, platformEvent, new ArrayList<>(copy.values()), validationRules, sharingModel);
    }

    /** A copy with another org-wide default. */
    public ObjectSchema withSharingModel(SharingModel model) {
        return new ObjectSchema(name, label, labelPlural, keyPrefix, platformEvent, fields(), validationRules, model);
    }

    /** A copy without the named field (used when the Metadata API deletes a field). */
    public ObjectSchema withoutField(String fieldName) {
        Map<String, FieldSchema> copy = new LinkedHashMap<>(fieldsByLowerName);
        copy.remove(fieldName.toLowerCase(Locale.ROOT));
        return new ObjectSchema(name, label, labelPlural, keyPrefix, platformEvent, new ArrayList<>(copy.values()), validationRules, sharingModel);
    }
}
