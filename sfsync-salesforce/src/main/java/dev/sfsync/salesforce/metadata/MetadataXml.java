package dev.sfsync.salesforce.metadata;

import dev.sfsync.salesforce.internal.Soap;

import java.util.List;

/**
 * CustomField as Metadata API XML. The API validates element order against its schema (fullName first, then the
 * rest alphabetically), so elements are written in that order.
 */
final class MetadataXml {
    static final String NAMESPACE = "http://soap.sforce.com/2006/04/metadata";

    private MetadataXml() {
    }

    static String customField(CustomFieldSpec spec) {
        StringBuilder xml = new StringBuilder("<metadata xsi:type=\"CustomField\">");
        element(xml, "fullName", spec.fullName());
        element(xml, "defaultValue", spec.defaultValue());
        element(xml, "description", spec.description());
        if (spec.externalId()) {
            element(xml, "externalId", "true");
        }
        element(xml, "label", spec.label());
        element(xml, "length", spec.length());
        element(xml, "precision", spec.precision());
        if (spec.required()) {
            element(xml, "required", "true");
        }
        element(xml, "scale", spec.scale());
        element(xml, "type", spec.type());
        if (spec.unique()) {
            element(xml, "unique", "true");
        }
        if (!spec.picklistValues().isEmpty()) {
            xml.append(valueSet(spec.picklistValues(), spec.restrictedPicklist()));
        }
        return xml.append("</metadata>").toString();
    }

    /** A picklist's values: {@code <valueSet><restricted/><valueSetDefinition><sorted/><value>…}. */
    static String valueSet(List<String> values, boolean restricted) {
        return valueSetOf(values.stream().map(v -> new PicklistValueSpec(v, v, true)).toList(), restricted);
    }

    /** A value set with labels and inactive values (deactivated values stay in it: records keep them). */
    static String valueSetOf(List<PicklistValueSpec> values, boolean restricted) {
        StringBuilder xml = new StringBuilder("<valueSet>");
        element(xml, "restricted", Boolean.toString(restricted));
        xml.append("<valueSetDefinition>");
        element(xml, "sorted", "false");
        for (PicklistValueSpec value : values) {
            xml.append("<value>");
            element(xml, "fullName", value.fullName());
            element(xml, "default", "false");
            if (!value.active()) {
                element(xml, "isActive", "false");
            }
            element(xml, "label", value.label());
            xml.append("</value>");
        }
        return xml.append("</valueSetDefinition></valueSet>").toString();
    }

    private static void element(StringBuilder xml, String name, Object value) {
        if (value != null) {
            xml.append('<').append(name).append('>').append(Soap.escape(value.toString())).append("</").append(name).append('>');
        }
    }
}
