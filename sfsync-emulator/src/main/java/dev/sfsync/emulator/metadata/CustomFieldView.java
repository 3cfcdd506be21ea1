package dev.sfsync.emulator.metadata;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.PicklistValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A stored field as a CustomField definition: the elements readMetadata returns (in the WSDL's order) and the Tooling
 * API's Metadata object holds. Values are Booleans, Integers, Strings, nested maps and lists of maps.
 */
public final class CustomFieldView {
    private CustomFieldView() {
    }

    public static Map<String, Object> of(ObjectSchema object, FieldSchema field) {
        String type = CustomFieldCompiler.MetadataFieldType.of(field);
        boolean keyType = type.equals("Text") || type.equals("Number") || type.equals("Email");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fullName", object.name() + "." + field.name());
        if (field.unique() && field.type().isText()) {
            out.put("caseSensitive", field.caseSensitive());
        }
        if (field.type() == FieldType.BOOLEAN) {
            out.put("defaultValue", String.valueOf(Boolean.TRUE.equals(field.defaultValue())));
        }
        if (keyType) {
            out.put("externalId", field.externalId());
        }
        if (field.calculated()) {
            out.put("formula", field.calculatedFormula());
        }
        out.put("label", field.label());
        if (type.equals("Text") || type.equals("LongTextArea")) {
            out.put("length", field.length());
        }
        if (field.type().isNumber()) {
            out.put("precision", field.precision());
        }
        if (field.type() == FieldType.REFERENCE && !field.referenceTo().isEmpty()) {
            out.put("referenceTo", field.referenceTo().getFirst());
            out.put("relationshipName", field.relationshipName() == null ? null : field.relationshipName().replace("__r", ""));
        }
        out.put("required", !field.nillable() && field.type() != FieldType.BOOLEAN);
        if (field.type().isNumber()) {
            out.put("scale", field.scale());
        }
        out.put("type", type);
        if (keyType) {
            out.put("unique", field.unique());
        }
        if (field.type() == FieldType.PICKLIST || field.type() == FieldType.MULTIPICKLIST) {
            out.put("valueSet", valueSet(field));
        }
        if (type.equals("LongTextArea") || type.equals("MultiselectPicklist")) {
            out.put("visibleLines", type.equals("LongTextArea") ? 3 : 4);
        }
        return out;
    }

    private static Map<String, Object> valueSet(FieldSchema field) {
        List<Map<String, Object>> values = new ArrayList<>();
        for (PicklistValue value : field.picklistValues()) {
            Map<String, Object> v = new LinkedHashMap<>();
            v.put("fullName", value.value());
            v.put("default", value.defaultValue() || value.value().equals(field.defaultValue()));
            if (!value.active()) {
                v.put("isActive", false);
            }
            v.put("label", value.label());
            values.add(v);
        }
        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("sorted", false);
        definition.put("value", values);
        Map<String, Object> valueSet = new LinkedHashMap<>();
        valueSet.put("restricted", field.restrictedPicklist());
        valueSet.put("valueSetDefinition", definition);
        return valueSet;
    }
}
