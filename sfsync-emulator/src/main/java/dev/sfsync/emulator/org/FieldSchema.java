package dev.sfsync.emulator.org;

import java.util.List;
import java.util.Objects;

/**
 * One field of an sObject as the org defines it. Field-level security is applied on top of this per user,
 * so {@code createable}/{@code updateable} here are the field's own capabilities.
 */
public record FieldSchema(
        String name,
        String label,
        FieldType type,
        int length,
        int precision,
        int scale,
        boolean custom,
        boolean nillable,
        boolean createable,
        boolean updateable,
        boolean defaultedOnCreate,
        boolean externalId,
        boolean unique,
        boolean caseSensitive,
        boolean idLookup,
        boolean nameField,
        boolean calculated,
        String calculatedFormula,
        boolean autoNumber,
        Object defaultValue,
        List<PicklistValue> picklistValues,
        boolean restrictedPicklist,
        List<String> referenceTo,
        String relationshipName) {

    /**
     * Name and type identify a field within its object; hashing all 24 components made every field-keyed map slow.
     * Equal fields still have equal hashes, so the record's own equals stays.
     */
    @Override
    public int hashCode() {
        return 31 * name.hashCode() + type.hashCode();
    }

    public FieldSchema {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
        label = label == null ? name : label;
        picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
        referenceTo = referenceTo == null ? List.of() : List.copyOf(referenceTo);
    }

    /** Whether a value must be present when a record is created (what Salesforce reports as REQUIRED_FIELD_MISSING). */
    public boolean requiredOnCreate() {
        return !nillable && createable && !defaultedOnCreate && type != FieldType.BOOLEAN;
    }

    public boolean isSystemManaged() {
        return !createable && !updateable;
    }

    public FieldSchema withPicklistValues(List<PicklistValue> values) {
        return new FieldSchema(name, label, type, length, precision, scale, custom, nillable, createable, updateable,
                defaultedOnCreate, externalId, unique, caseSensitive, idLookup, nameField, calculated, calculatedFormula,
                autoNumber, defaultValue, values, restrictedPicklist, referenceTo, relationshipName);
    }

    public static Builder builder(String name, FieldType type) {
        return new Builder(name, type);
    }

    /** Builds a field with Salesforce's defaults: nillable, createable, updateable, not custom. */
    public static final class Builder {
        private final String name;
        private final FieldType type;
        private String label;
        private int length;
        private int precision;
        private int scale;
        private boolean custom;
        private boolean nillable = true;
        private boolean createable = true;
        private boolean updateable = true;
        private boolean defaultedOnCreate;
        private boolean externalId;
        private boolean unique;
        private boolean caseSensitive;
        private boolean idLookup;
        private boolean nameField;
        private boolean calculated;
        private String formula;
        private boolean autoNumber;
        private Object defaultValue;
        private List<PicklistValue> picklist = List.of();
        private boolean restricted;
        private List<String> referenceTo = List.of();
        private String relationshipName;

        private Builder(String name, FieldType type) {
            this.name = name;
            this.type = type;
            this.custom = name.endsWith("__c");
            this.length = switch (type) {
                case ID, REFERENCE -> 18;
                case STRING, PICKLIST, URL, COMBOBOX -> 255;
                case TEXTAREA -> 32768;
                case EMAIL -> 80;
                case PHONE -> 40;
                case MULTIPICKLIST -> 4099;
                default -> 0;
            };
            if (type == FieldType.DOUBLE || type == FieldType.CURRENCY || type == FieldType.PERCENT) {
                precision = 18;
                scale = 2;
            }
            if (type == FieldType.INT) {
                precision = 9;
            }
            if (type == FieldType.BOOLEAN) {
                nillable = false;
                defaultedOnCreate = true;
                defaultValue = Boolean.FALSE;
            }
        }

        public Builder label(String value) { label = value; return this; }
        public Builder length(int value) { length = value; return this; }
        public Builder precision(int value) { precision = value; return this; }
        public Builder scale(int value) { scale = value; return this; }
        public Builder custom(boolean value) { custom = value; return this; }
        public Builder required() { nillable = false; return this; }
        public Builder nillable(boolean value) { nillable = value; return this; }
        public Builder createable(boolean value) { createable = value; return this; }
        public Builder updateable(boolean value) { updateable = value; return this; }
        public Builder readOnly() { createable = false; updateable = false; return this; }
        public Builder defaultedOnCreate(boolean value) { defaultedOnCreate = value; return this; }
        public Builder externalId(boolean value) { externalId = value; if (value) { idLookup = true; } return this; }
        public Builder unique(boolean value) { unique = value; if (value) { idLookup = true; } return this; }
        public Builder caseSensitive(boolean value) { caseSensitive = value; return this; }
        public Builder idLookup(boolean value) { idLookup = value; return this; }
        public Builder nameField() { nameField = true; idLookup = true; return this; }
        public Builder formula(String value) { calculated = true; formula = value; return readOnly(); }
        public Builder autoNumber() { autoNumber = true; defaultedOnCreate = true; idLookup = true; return readOnly(); }
        public Builder defaultValue(Object value) { defaultValue = value; if (value != null) { defaultedOnCreate = true; } return this; }
        public Builder picklist(List<PicklistValue> values, boolean restrictedValues) { picklist = values; restricted = restrictedValues; return this; }
        public Builder references(String object, String relationship) { referenceTo = List.of(object); relationshipName = relationship; return this; }
        /** A polymorphic reference (Task.WhoId to a Contact or a Lead). */
        public Builder referencesAny(String relationship, String... objects) { referenceTo = List.of(objects); relationshipName = relationship; return this; }

        public FieldSchema build() {
            if (type == FieldType.BOOLEAN && defaultValue == null) {
                defaultValue = Boolean.FALSE;
            }
            return new FieldSchema(name, label, type, length, precision, scale, custom, nillable, createable, updateable,
                    defaultedOnCreate, externalId, unique, caseSensitive, idLookup, nameField, calculated, formula,
                    autoNumber, defaultValue, picklist, restricted, referenceTo, relationshipName);
        }
    }
}
