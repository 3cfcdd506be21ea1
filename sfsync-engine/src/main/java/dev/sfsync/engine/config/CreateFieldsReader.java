package dev.sfsync.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.engine.sync.SyncDefinition;
import dev.sfsync.salesforce.metadata.CustomFieldSpec;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A sync's {@code create_fields:}: the custom fields it needs on its object, which 'sfsync apply' creates through the
 * Metadata API. e.g. {@code create_fields: [{name: Source_Score__c, type: Number, precision: 5, scale: 2, label: Source score}]}.
 */
final class CreateFieldsReader {
    static final List<String> TYPES = List.of("Text", "Number", "Checkbox", "Date", "DateTime", "Email", "Phone", "Url", "Picklist",
            "LongTextArea", "Currency", "Percent");
    private static final Set<String> KEYS = Set.of("name", "type", "label", "length", "precision", "scale", "values", "external_id",
            "unique", "description");

    private final YamlFields fields;

    CreateFieldsReader(YamlFields fields) {
        this.fields = fields;
    }

    Map<String, List<CustomFieldSpec>> read(JsonNode root, Map<String, SyncDefinition> syncs) {
        Map<String, List<CustomFieldSpec>> out = new LinkedHashMap<>();
        JsonNode section = root.path("syncs");
        for (Iterator<Map.Entry<String, JsonNode>> it = section.isObject() ? section.fields() : java.util.Collections.emptyIterator(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            JsonNode list = entry.getValue().path("create_fields");
            SyncDefinition sync = syncs.get(entry.getKey());
            if (list.isMissingNode() || list.isNull() || sync == null) {
                continue;
            }
            String path = "syncs." + entry.getKey() + ".create_fields";
            if (!list.isArray()) {
                fields.problem(path, "create_fields must be a list of fields", "write create_fields: [{name: Score__c, type: Number, precision: 5, scale: 2}]");
                continue;
            }
            List<CustomFieldSpec> specs = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                field(sync.object(), list.get(i), path + "[" + i + "]").ifPresent(specs::add);
            }
            out.put(entry.getKey(), specs);
        }
        return out;
    }

    private Optional<CustomFieldSpec> field(String object, JsonNode def, String path) {
        if (!def.isObject()) {
            fields.problem(path, "each field is a mapping", "write {name: Score__c, type: Number, precision: 5, scale: 2}");
            return Optional.empty();
        }
        fields.onlyKeys(def, path, KEYS);
        Optional<String> name = fields.text(def, "name", path, "give the field's API name, ending in __c");
        Optional<String> type = fields.text(def, "type", path, "set the type: one of " + String.join(", ", TYPES));
        if (name.isEmpty() || type.isEmpty()) {
            return Optional.empty();
        }
        if (!name.get().matches("[A-Za-z][A-Za-z0-9_]*__c") || name.get().contains("___")) {
            fields.problem(path + ".name", "'" + name.get() + "' is not a custom field's API name",
                    "letters, digits and single underscores, starting with a letter and ending in __c, e.g. Source_Score__c");
            return Optional.empty();
        }
        String typeName = TYPES.stream().filter(t -> t.equalsIgnoreCase(type.get())).findFirst().orElse(null);
        if (typeName == null) {
            fields.problem(path + ".type", "unknown field type '" + type.get() + "'", NearestName.fix(type.get(), TYPES, "type"));
            return Optional.empty();
        }
        String label = fields.text(def, "label", path, null).orElse(name.get().substring(0, name.get().length() - 3).replace('_', ' '));
        try {
            CustomFieldSpec spec = switch (typeName) {
                case "Text" -> CustomFieldSpec.text(object, name.get(), label, fields.integer(def, "length", path, 1, 255).orElse(255));
                case "Number", "Currency", "Percent" -> {
                    int precision = fields.integer(def, "precision", path, 1, 18).orElse(18);
                    int scale = fields.integer(def, "scale", path, 0, 17).orElse(0);
                    CustomFieldSpec.number(object, name.get(), label, precision, scale); // checks precision and scale
                    yield new CustomFieldSpec(object, name.get(), label, typeName, null, precision, scale, List.of(), false, false, false, false,
                            null, null);
                }
                case "Checkbox" -> CustomFieldSpec.checkbox(object, name.get(), label, false);
                case "Picklist" -> CustomFieldSpec.picklist(object, name.get(), label, fields.textList(def, "values", path,
                        "list the picklist's values, e.g. values: [Gold, Silver]"), false);
                case "LongTextArea" -> new CustomFieldSpec(object, name.get(), label, typeName, fields.integer(def, "length", path, 256, 131_072)
                        .orElse(32_768), null, null, List.of(), false, false, false, false, null, null);
                default -> CustomFieldSpec.ofType(object, name.get(), label, typeName);
            };
            boolean externalId = def.path("external_id").asBoolean(false);
            boolean unique = def.path("unique").asBoolean(false);
            Optional<String> description = fields.text(def, "description", path, null);
            return Optional.of(spec.externalId(externalId).unique(unique).description(description.orElse("Created by sfsync")));
        } catch (IllegalArgumentException e) {
            fields.problem(path, e.getMessage(), "fix the field's definition");
            return Optional.empty();
        }
    }
}
