package dev.sfsync.emulator.write;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Profile;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Resolves the field names a client sent to the object's fields. Salesforce rejects the whole call when a name is
 * unknown (or hidden from the user by field-level security), before any record is looked at, so this throws
 * INVALID_FIELD instead of producing a per-record error.
 */
public final class FieldInput {
    private FieldInput() {
    }

    /** Fields of one JSON record; {@code "attributes"} is skipped; a nested object on a relationship is a {@link ParentReference}. */
    public static Map<FieldSchema, Object> fromJson(ObjectSchema schema, Profile profile, JsonNode record) {
        if (!record.isObject()) {
            throw new ApiException(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + schema.name() + " from " + record.getNodeType() + " value");
        }
        Map<FieldSchema, Object> fields = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = record.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String name = entry.getKey();
            JsonNode value = entry.getValue();
            if (name.equals("attributes")) {
                continue;
            }
            if (value.isObject()) {
                FieldSchema reference = schema.relationship(name).filter(f -> visible(schema, profile, f))
                        .orElseThrow(() -> noSuchColumn(schema, name));
                fields.put(reference, parentReference(schema, name, value));
                continue;
            }
            fields.put(field(schema, profile, name), scalar(schema, name, value));
        }
        return fields;
    }

    /** Fields of one record given as name → raw value (CSV rows, seed records). */
    public static Map<FieldSchema, Object> fromMap(ObjectSchema schema, Profile profile, Map<String, ?> record) {
        Map<FieldSchema, Object> fields = new LinkedHashMap<>();
        for (Map.Entry<String, ?> entry : record.entrySet()) {
            String name = entry.getKey();
            int dot = name.indexOf('.');
            if (dot > 0) {
                String relationship = name.substring(0, dot);
                FieldSchema reference = schema.relationship(relationship).filter(f -> visible(schema, profile, f))
                        .orElseThrow(() -> noSuchColumn(schema, name));
                fields.put(reference, new ParentReference(relationship, name.substring(dot + 1), entry.getValue()));
            } else {
                fields.put(field(schema, profile, name), entry.getValue());
            }
        }
        return fields;
    }

    public static FieldSchema field(ObjectSchema schema, Profile profile, String name) {
        return schema.field(name).filter(f -> visible(schema, profile, f)).orElseThrow(() -> noSuchColumn(schema, name));
    }

    private static boolean visible(ObjectSchema schema, Profile profile, FieldSchema field) {
        return profile.fieldAccess(schema.name(), field.name()).canRead();
    }

    private static ParentReference parentReference(ObjectSchema schema, String relationship, JsonNode value) {
        List<String> keys = new java.util.ArrayList<>();
        value.fieldNames().forEachRemaining(k -> {
            if (!k.equals("attributes")) {
                keys.add(k);
            }
        });
        if (keys.size() != 1) {
            throw new ApiException(400, "INVALID_FIELD", "The relationship " + relationship + " on " + schema.name()
                    + " must name exactly one external ID field of the parent, e.g. {\"" + relationship + "\": {\"External_Id__c\": \"A-1\"}}");
        }
        JsonNode key = value.get(keys.getFirst());
        return new ParentReference(relationship, keys.getFirst(), key.isNull() ? null : key.isNumber() ? key.decimalValue() : key.asText());
    }

    private static Object scalar(ObjectSchema schema, String name, JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        if (value.isTextual()) {
            return value.textValue();
        }
        throw new ApiException(400, "JSON_PARSER_ERROR", "Cannot deserialize instance of " + name + " on " + schema.name()
                + " from " + value.getNodeType() + " value; send a string, number, boolean or null");
    }

    static ApiException noSuchColumn(ObjectSchema schema, String name) {
        return new ApiException(400, "INVALID_FIELD", "No such column '" + name + "' on sobject of type " + schema.name());
    }
}
