package dev.sfsync.salesforce.metadata;

import java.util.List;
import java.util.Objects;

/**
 * A custom field to create through the Metadata API. Build one with the factory for its type, then adjust:
 * <pre>{@code
 * CustomFieldSpec.text("Account", "Tier_Code__c", "Tier code", 40).externalId(true).unique(true)
 * CustomFieldSpec.picklist("Account", "Tier__c", "Tier", List.of("Gold", "Silver"), true)
 * }</pre>
 *
 * @param type the Metadata API's field type: Text, Number, Checkbox, Date, DateTime, Email, Phone, Url, Picklist, LongTextArea …
 */
public record CustomFieldSpec(String object, String field, String label, String type, Integer length, Integer precision, Integer scale,
                              List<String> picklistValues, boolean restrictedPicklist, boolean externalId, boolean unique, boolean required,
                              String defaultValue, String description) {
    public CustomFieldSpec {
        Objects.requireNonNull(object, "object is null");
        Objects.requireNonNull(field, "field is null");
        Objects.requireNonNull(label, "label is null");
        Objects.requireNonNull(type, "type is null");
        if (!field.endsWith("__c")) {
            throw new IllegalArgumentException("a custom field's API name ends in __c, e.g. " + field + "__c, not '" + field + "'");
        }
        picklistValues = picklistValues == null ? List.of() : List.copyOf(picklistValues);
        if (type.equals("Picklist") && picklistValues.isEmpty()) {
            throw new IllegalArgumentException("a picklist field needs at least one value");
        }
    }

    public static CustomFieldSpec text(String object, String field, String label, int length) {
        if (length < 1 || length > 255) {
            throw new IllegalArgumentException("a Text field is 1 to 255 characters long, not " + length + "; use LongTextArea for more");
        }
        return new CustomFieldSpec(object, field, label, "Text", length, null, null, List.of(), false, false, false, false, null, null);
    }

    /** @param precision total digits (up to 18), {@code scale} of them after the decimal point */
    public static CustomFieldSpec number(String object, String field, String label, int precision, int scale) {
        if (precision < 1 || precision > 18 || scale < 0 || scale > precision) {
            throw new IllegalArgumentException("a Number field has 1 to 18 digits with at most that many decimals, not " + precision + "," + scale);
        }
        return new CustomFieldSpec(object, field, label, "Number", null, precision, scale, List.of(), false, false, false, false, null, null);
    }

    /** Checkboxes always have a value; Salesforce requires a default. */
    public static CustomFieldSpec checkbox(String object, String field, String label, boolean defaultValue) {
        return new CustomFieldSpec(object, field, label, "Checkbox", null, null, null, List.of(), false, false, false, false,
                Boolean.toString(defaultValue), null);
    }

    public static CustomFieldSpec picklist(String object, String field, String label, List<String> values, boolean restricted) {
        return new CustomFieldSpec(object, field, label, "Picklist", null, null, null, values, restricted, false, false, false, null, null);
    }

    /** Date, DateTime, Email, Phone, Url and other types that need no size. */
    public static CustomFieldSpec ofType(String object, String field, String label, String type) {
        return new CustomFieldSpec(object, field, label, type, null, null, null, List.of(), false, false, false, false, null, null);
    }

    public CustomFieldSpec externalId(boolean value) {
        return new CustomFieldSpec(object, field, label, type, length, precision, scale, picklistValues, restrictedPicklist, value, unique, required, defaultValue, description);
    }

    public CustomFieldSpec unique(boolean value) {
        return new CustomFieldSpec(object, field, label, type, length, precision, scale, picklistValues, restrictedPicklist, externalId, value, required, defaultValue, description);
    }

    public CustomFieldSpec required(boolean value) {
        return new CustomFieldSpec(object, field, label, type, length, precision, scale, picklistValues, restrictedPicklist, externalId, unique, value, defaultValue, description);
    }

    public CustomFieldSpec description(String value) {
        return new CustomFieldSpec(object, field, label, type, length, precision, scale, picklistValues, restrictedPicklist, externalId, unique, required, defaultValue, value);
    }

    /** "Account.Tier__c", the Metadata API's full name. */
    public String fullName() {
        return object + "." + field;
    }
}
