package dev.sfsync.emulator.metadata;

import java.util.regex.Pattern;

/** A field's full name, "Object.Field__c", split and checked. */
record FieldName(String object, String field) {
    private static final Pattern CUSTOM = Pattern.compile("[A-Za-z](?:[A-Za-z0-9]|_(?!_))*(?<!_)__c");

    static FieldName parse(String fullName) throws InvalidDefinition {
        if (fullName == null || fullName.isBlank()) {
            throw InvalidDefinition.missing("fullName");
        }
        int dot = fullName.indexOf('.');
        if (dot <= 0 || dot == fullName.length() - 1 || fullName.indexOf('.', dot + 1) >= 0) {
            throw InvalidDefinition.integrity("fullName '" + fullName + "' must name the object and the field, e.g. Account.Region__c", "fullName");
        }
        return new FieldName(fullName.substring(0, dot), fullName.substring(dot + 1));
    }

    /** Salesforce's rule for custom field names, checked before a field is created. */
    void requireCustomName() throws InvalidDefinition {
        if (!CUSTOM.matcher(field).matches() || field.length() > 43) {
            throw InvalidDefinition.integrity("The Field Name '" + field + "' is not valid: it must end in __c, begin with a letter, contain only "
                    + "letters, digits and single underscores, not end with an underscore before __c, and have at most 40 characters "
                    + "before __c (e.g. Region__c)", "fullName");
        }
    }

    String fullName() {
        return object + "." + field;
    }
}
