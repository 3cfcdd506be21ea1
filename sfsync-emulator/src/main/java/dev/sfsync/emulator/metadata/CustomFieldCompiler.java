package dev.sfsync.emulator.metadata;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.PicklistValue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a {@link CustomFieldSpec} into the field the org stores, with the checks Salesforce makes per field type
 * (lengths, precision and scale, checkbox defaults, picklist values and their 1,000-value limit, lookups).
 */
final class CustomFieldCompiler {
    static final int MAX_PICKLIST_VALUES = 1000;
    private static final int MAX_LABEL = 40;

    private final Org org;

    CustomFieldCompiler(Org org) {
        this.org = org;
    }

    FieldSchema compile(FieldName name, CustomFieldSpec spec) throws InvalidDefinition {
        if (spec.label() == null || spec.label().isEmpty()) {
            throw InvalidDefinition.missing("label");
        }
        if (spec.label().length() > MAX_LABEL) {
            throw new InvalidDefinition("STRING_TOO_LONG", "Field Label: data value too large: " + spec.label() + " (max length=" + MAX_LABEL + ")", "label");
        }
        if (spec.type() == null || spec.type().isEmpty()) {
            throw InvalidDefinition.missing("type");
        }
        MetadataFieldType type = MetadataFieldType.named(spec.type());
        FieldSchema.Builder field = FieldSchema.builder(name.field(), type.fieldType()).label(spec.label()).custom(true);
        switch (type) {
            case Text -> field.length(number(spec.length(), "length", 1, 255));
            case TextArea -> field.length(255);
            case LongTextArea -> {
                field.length(number(spec.length(), "length", 256, 131_072));
                number(spec.visibleLines(), "visibleLines", 2, 50);
            }
            case Number, Currency, Percent -> {
                int precision = number(spec.precision(), "precision", 1, 18);
                field.precision(precision).scale(number(spec.scale(), "scale", 0, precision));
            }
            case Checkbox -> field.defaultValue(checkboxDefault(spec.defaultValue()));
            case Picklist, MultiselectPicklist -> picklist(type, spec, field);
            case Lookup -> lookup(name, spec, field);
            default -> {
                // Email, Phone, Url, Date and DateTime have nothing to set beyond the label.
            }
        }
        if (spec.externalId() || spec.unique()) {
            if (!type.canBeKey()) {
                throw InvalidDefinition.integrity("A " + type + " field cannot be " + (spec.externalId() ? "an External ID" : "unique")
                        + "; only Text, Number and Email fields can", spec.externalId() ? "externalId" : "unique");
            }
            field.externalId(spec.externalId()).unique(spec.unique()).caseSensitive(spec.unique() && spec.caseSensitive());
        }
        if (spec.required()) {
            if (type == MetadataFieldType.Checkbox) {
                throw InvalidDefinition.integrity("A Checkbox field cannot be required; it is always true or false", "required");
            }
            field.required();
        }
        return field.build();
    }

    private static int number(String text, String element, int min, int max) throws InvalidDefinition {
        if (text == null || text.isEmpty()) {
            throw InvalidDefinition.integrity("Must specify '" + element + "' for this field type (" + min + " to " + max + ")", element);
        }
        int value;
        try {
            value = (int) Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw InvalidDefinition.integrity(element + ": '" + text + "' is not a number", element);
        }
        if (value < min || value > max) {
            throw InvalidDefinition.integrity(element + " must be between " + min + " and " + max + "; it was " + value, element);
        }
        return value;
    }

    private static Boolean checkboxDefault(String text) throws InvalidDefinition {
        if (text == null || !(text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            throw InvalidDefinition.integrity("A Checkbox field must specify 'defaultValue' as true or false", "defaultValue");
        }
        return Boolean.parseBoolean(text.toLowerCase(Locale.ROOT));
    }

    private static void picklist(MetadataFieldType type, CustomFieldSpec spec, FieldSchema.Builder field) throws InvalidDefinition {
        if (spec.valueSet() == null || spec.valueSet().values().isEmpty()) {
            throw InvalidDefinition.integrity("A " + type + " field needs its values in valueSet.valueSetDefinition.value "
                    + "(each with a fullName)", "valueSet");
        }
        if (type == MetadataFieldType.MultiselectPicklist) {
            number(spec.visibleLines(), "visibleLines", 3, 10);
        }
        List<CustomFieldSpec.ValueSpec> values = spec.valueSet().values();
        if (values.size() > MAX_PICKLIST_VALUES) {
            throw new InvalidDefinition("LIMIT_EXCEEDED", "Picklist values exceed the limit: a picklist can have at most "
                    + MAX_PICKLIST_VALUES + " values, active and inactive together; this one has " + values.size()
                    + " (deactivated values count too: remove unused ones)", "valueSet");
        }
        List<PicklistValue> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int defaults = 0;
        for (CustomFieldSpec.ValueSpec value : values) {
            if (value.fullName() == null || value.fullName().isEmpty()) {
                throw InvalidDefinition.missing("valueSet.valueSetDefinition.value.fullName");
            }
            if (value.fullName().length() > 255) {
                throw new InvalidDefinition("STRING_TOO_LONG", "Picklist value too long: " + value.fullName() + " (max length=255)", "valueSet");
            }
            if (!seen.add(value.fullName().toLowerCase(Locale.ROOT))) {
                throw new InvalidDefinition("DUPLICATE_DEVELOPER_NAME", "Duplicate picklist value: " + value.fullName()
                        + " (picklist values are compared case-insensitively)", "valueSet");
            }
            defaults += value.defaultValue() ? 1 : 0;
            out.add(new PicklistValue(value.fullName(), value.label() == null ? value.fullName() : value.label(), value.active(), value.defaultValue()));
        }
        if (type == MetadataFieldType.Picklist && defaults > 1) {
            throw InvalidDefinition.integrity("A Picklist can have only one default value; " + defaults + " are marked default", "valueSet");
        }
        field.picklist(out, spec.valueSet().restricted());
        if (type == MetadataFieldType.Picklist) {
            out.stream().filter(PicklistValue::defaultValue).findFirst().ifPresent(v -> field.defaultValue(v.value()));
        }
    }

    private void lookup(FieldName name, CustomFieldSpec spec, FieldSchema.Builder field) throws InvalidDefinition {
        if (spec.referenceTo() == null) {
            throw InvalidDefinition.integrity("A Lookup field must specify 'referenceTo', the object it points to", "referenceTo");
        }
        ObjectSchema target = org.schema(spec.referenceTo()).filter(o -> !o.platformEvent())
                .orElseThrow(() -> new InvalidDefinition("INVALID_CROSS_REFERENCE_KEY", "In field: referenceTo - no CustomObject named "
                        + spec.referenceTo() + " found", "referenceTo"));
        if (spec.relationshipName() == null) {
            throw InvalidDefinition.integrity("A Lookup field must specify 'relationshipName', the name of the child relationship", "relationshipName");
        }
        String base = name.field().substring(0, name.field().length() - 3);
        field.references(target.name(), base + "__r");
    }

    /** The Metadata API's field types the emulator supports, with the describe type each becomes. */
    enum MetadataFieldType {
        Text(FieldType.STRING), TextArea(FieldType.TEXTAREA), LongTextArea(FieldType.TEXTAREA), Email(FieldType.EMAIL),
        Phone(FieldType.PHONE), Url(FieldType.URL), Number(FieldType.DOUBLE), Currency(FieldType.CURRENCY),
        Percent(FieldType.PERCENT), Checkbox(FieldType.BOOLEAN), Date(FieldType.DATE), DateTime(FieldType.DATETIME),
        Picklist(FieldType.PICKLIST), MultiselectPicklist(FieldType.MULTIPICKLIST), Lookup(FieldType.REFERENCE);

        private final FieldType fieldType;

        MetadataFieldType(FieldType fieldType) {
            this.fieldType = fieldType;
        }

        FieldType fieldType() {
            return fieldType;
        }

        boolean canBeKey() {
            return this == Text || this == Number || this == Email;
        }

        static MetadataFieldType named(String type) throws InvalidDefinition {
            for (MetadataFieldType candidate : values()) {
                if (candidate.name().equalsIgnoreCase(type)) {
                    return candidate;
                }
            }
            throw InvalidDefinition.integrity("type '" + type + "' is not a field type the emulator supports; use one of "
                    + java.util.Arrays.toString(values()), "type");
        }

        /** The Metadata API type of a stored field. */
        static String of(FieldSchema field) {
            return switch (field.type()) {
                case STRING, ID, COMBOBOX -> field.autoNumber() ? "AutoNumber" : "Text";
                case TEXTAREA -> field.length() > 255 ? "LongTextArea" : "TextArea";
                case EMAIL -> "Email";
                case PHONE -> "Phone";
                case URL -> "Url";
                case INT, DOUBLE -> "Number";
                case CURRENCY -> "Currency";
                case PERCENT -> "Percent";
                case BOOLEAN -> "Checkbox";
                case DATE -> "Date";
                case DATETIME -> "DateTime";
                case PICKLIST -> "Picklist";
                case MULTIPICKLIST -> "MultiselectPicklist";
                case REFERENCE -> "Lookup";
            };
        }
    }
}
