package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.Collection;
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
    private final Map<String, FieldSchema> referencesByLowerRelationship = new LinkedHashMap<>();
    private final List<ValidationRule> validationRules;

    public ObjectSchema(String name, String label, String labelPlural, String keyPrefix, boolean platformEvent,
                        Collection<FieldSchema> fields, List<ValidationRule> validationRules) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.label = label == null ? name.replace("__c", "").replace('_', ' ') : label;
        this.labelPlural = labelPlural == null ? this.label + "s" : labelPlural;
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix is null");
        this.custom = name.endsWith("__c") || name.endsWith("__e");
        this.platformEvent = platformEvent;
        for (FieldSchema field : fields) {
            fieldsByLowerName.put(field.name().toLowerCase(Locale.ROOT), field);
            if (field.relationshipName() != null) {
                referencesByLowerRelationship.put(field.relationshipName().toLowerCase(Locale.ROOT), field);
            }
        }
        this.validationRules = List.copyOf(validationRules);
    }

    public String name() { return name; }
    public String label() { return label; }
    public String labelPlural() { return labelPlural; }
    public String keyPrefix() { return keyPrefix; }
    public boolean custom() { return custom; }
    public boolean platformEvent() { return platformEvent; }
    public List<ValidationRule> validationRules() { return validationRules; }

    public Collection<FieldSchema> fields() {
        return fieldsByLowerName.values();
    }

    public Optional<FieldSchema> field(String fieldName) {
        return Optional.ofNullable(fieldsByLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
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
        return new ObjectSchema(name, label, labelPlural, keyPrefix, platformEvent, new ArrayList<>(copy.values()), validationRules);
    }
}
