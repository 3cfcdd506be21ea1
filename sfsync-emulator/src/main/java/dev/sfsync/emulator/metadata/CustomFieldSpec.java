package dev.sfsync.emulator.metadata;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * A CustomField definition as a client sent it, before any check: from a Metadata API {@code <metadata
 * xsi:type="CustomField">} element or a Tooling API {@code Metadata} object (both read into a JSON tree, where XML
 * values are text). Absent values are null; numbers stay text until the definition is checked, so a bad one gets a
 * clear error rather than a parse failure.
 */
public record CustomFieldSpec(String fullName, String type, String label, String length, String precision, String scale,
                              String visibleLines, String defaultValue, boolean required, boolean unique, boolean externalId,
                              boolean caseSensitive, String referenceTo, String relationshipName, ValueSetSpec valueSet) {

    /** A picklist's values as sent: {@code valueSet.valueSetDefinition.value[]}. */
    public record ValueSetSpec(boolean restricted, List<ValueSpec> values) {
        public ValueSetSpec {
            values = List.copyOf(values);
        }
    }

    /** One picklist value: its API name (fullName), label, default flag and whether it is active. */
    public record ValueSpec(String fullName, String label, boolean defaultValue, boolean active) {
    }

    /** Reads a definition; {@code fullName} overrides the one inside (the Tooling API sends it beside Metadata). */
    public static CustomFieldSpec read(String fullName, JsonNode node) {
        String name = fullName != null ? fullName : text(node, "fullName");
        return new CustomFieldSpec(name, text(node, "type"), text(node, "label"), text(node, "length"), text(node, "precision"),
                text(node, "scale"), text(node, "visibleLines"), text(node, "defaultValue"), flag(node, "required"),
                flag(node, "unique"), flag(node, "externalId"), flag(node, "caseSensitive"), text(node, "referenceTo"),
                text(node, "relationshipName"), valueSet(node.path("valueSet")));
    }

    private static ValueSetSpec valueSet(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        List<ValueSpec> values = new ArrayList<>();
        for (JsonNode value : elements(node.path("valueSetDefinition").path("value"))) {
            values.add(new ValueSpec(text(value, "fullName"), text(value, "label"), flag(value, "default"),
                    !value.has("isActive") || value.get("isActive").isNull() || value.get("isActive").asBoolean(true)));
        }
        return new ValueSetSpec(flag(node, "restricted"), values);
    }

    /** A repeated element arrives as an array, a single one as an object; both are a list here. */
    static List<JsonNode> elements(JsonNode node) {
        List<JsonNode> out = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(out::add);
        } else if (!node.isMissingNode() && !node.isNull()) {
            out.add(node);
        }
        return out;
    }

    private static String text(JsonNode node, String key) {
        JsonNode value = node.path(key);
        return value.isMissingNode() || value.isNull() || value.isContainerNode() ? null : value.asText().trim();
    }

    private static boolean flag(JsonNode node, String key) {
        String text = text(node, key);
        return text != null && text.equalsIgnoreCase("true");
    }
}
