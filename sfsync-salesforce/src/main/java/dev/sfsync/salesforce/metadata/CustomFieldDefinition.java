package dev.sfsync.salesforce.metadata;

import dev.sfsync.salesforce.internal.Soap;
import org.w3c.dom.Element;

import java.util.List;

/** The parts of a read CustomField a sync looks at. */
public record CustomFieldDefinition(String fullName, String label, String type, Integer length, List<String> picklistValues,
                                    boolean restrictedPicklist, boolean externalId, boolean unique, boolean required) {
    public CustomFieldDefinition {
        picklistValues = List.copyOf(picklistValues);
    }

    static CustomFieldDefinition of(Element record) {
        List<String> values = Soap.descendants(record, "valueSetDefinition").stream()
                .flatMap(d -> Soap.children(d, "value").stream())
                .map(v -> Soap.childText(v, "fullName").orElse(""))
                .toList();
        boolean restricted = Soap.children(record, "valueSet").stream()
                .anyMatch(v -> Soap.childText(v, "restricted").map(Boolean::parseBoolean).orElse(false));
        return new CustomFieldDefinition(Soap.childText(record, "fullName").orElse(null), Soap.childText(record, "label").orElse(null),
                Soap.childText(record, "type").orElse(""), Soap.childText(record, "length").map(Integer::valueOf).orElse(null), values, restricted,
                flag(record, "externalId"), flag(record, "unique"), flag(record, "required"));
    }

    private static boolean flag(Element record, String name) {
        return Soap.childText(record, name).map(Boolean::parseBoolean).orElse(false);
    }
}
