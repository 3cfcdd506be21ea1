package dev.sfsync.salesforce.metadata;

import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.ApiRequest;
import dev.sfsync.salesforce.internal.ApiRequest.Idempotency;
import dev.sfsync.salesforce.internal.RawResponse;
import dev.sfsync.salesforce.internal.Soap;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Metadata API (SOAP, /services/Soap/m/{version}) for what a sync needs: create a custom field, and replace a
 * picklist's values. Failures of a component come back as {@link MetadataResult}s; failures of the call throw.
 */
public final class MetadataClient {
    private final ApiCaller caller;
    private final String endpoint;

    public MetadataClient(ApiCaller caller, String apiVersion) {
        this.caller = caller;
        this.endpoint = "/services/Soap/m/" + apiVersion;
    }

    /**
     * createMetadata of one CustomField. ONCE_ONLY: a field created by an attempt whose answer was lost would make a
     * repeat fail with DUPLICATE_DEVELOPER_NAME; {@link #upsertCustomField} is the repeatable form.
     */
    public MetadataResult createCustomField(CustomFieldSpec spec) {
        return call("createMetadata", MetadataXml.customField(spec), Idempotency.ONCE_ONLY).getFirst();
    }

    /** upsertMetadata: creates the field or brings an existing one to this definition. Repeatable. */
    public MetadataResult upsertCustomField(CustomFieldSpec spec) {
        return call("upsertMetadata", MetadataXml.customField(spec), Idempotency.REPEATABLE).getFirst();
    }

    /** The field's definition as the Metadata API reads it; empty when there is no such field. */
    public Optional<CustomFieldDefinition> readCustomField(String object, String field) {
        return readRecord(object + "." + field).map(CustomFieldDefinition::of);
    }

    /**
     * Sets a picklist's values to exactly {@code values} (in that order), keeping the rest of the field's definition:
     * the field is read, its valueSet swapped, and the whole definition written back with updateMetadata.
     */
    public MetadataResult replacePicklistValues(String object, String field, List<String> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a picklist keeps at least one value; give the values it should have");
        }
        return writePicklist(object, field, values.stream().map(v -> new PicklistValueSpec(v, v, true)).toList());
    }

    /** The picklist's values with their labels, inactive ones included (they count towards the 1,000-value limit). */
    public List<PicklistValueSpec> readPicklist(String object, String field) {
        String fullName = object + "." + field;
        Element current = readRecord(fullName).orElseThrow(() -> new IllegalArgumentException("no custom field " + fullName));
        List<PicklistValueSpec> values = new ArrayList<>();
        for (Element definition : Soap.descendants(current, "valueSetDefinition")) {
            for (Element value : Soap.children(definition, "value")) {
                values.add(new PicklistValueSpec(Soap.childText(value, "fullName").orElse(""), Soap.childText(value, "label").orElse(null),
                        Soap.childText(value, "isActive").map(Boolean::parseBoolean).orElse(true)));
            }
        }
        return values;
    }

    /**
     * Sets a picklist's value set to exactly {@code values} (labels and active flags included), keeping the rest of the
     * field's definition: read, valueSet swapped, written back with updateMetadata. Repeatable.
     */
    public MetadataResult writePicklist(String object, String field, List<PicklistValueSpec> values) {
        String fullName = object + "." + field;
        Element current = readRecord(fullName).orElseThrow(() -> new IllegalArgumentException(
                "no custom field " + fullName + " to change; create it first (createCustomField)"));
        CustomFieldDefinition definition = CustomFieldDefinition.of(current);
        if (!definition.type().equals("Picklist") && !definition.type().equals("MultiselectPicklist")) {
            throw new IllegalArgumentException(fullName + " is a " + definition.type() + " field, not a picklist");
        }
        StringBuilder metadata = new StringBuilder("<metadata xsi:type=\"CustomField\">");
        boolean valueSetWritten = false;
        for (Node child = current.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element element)) {
                continue;
            }
            String name = element.getLocalName();
            if (!valueSetWritten && name.compareTo("valueSet") >= 0 && !name.equals("fullName")) {
                metadata.append(MetadataXml.valueSetOf(values, definition.restrictedPicklist()));
                valueSetWritten = true;
            }
            if (!name.equals("valueSet")) {
                metadata.append(serialize(element));
            }
        }
        if (!valueSetWritten) {
            metadata.append(MetadataXml.valueSetOf(values, definition.restrictedPicklist()));
        }
        metadata.append("</metadata>");
        return call("updateMetadata", metadata.toString(), Idempotency.REPEATABLE).getFirst();
    }

    private Optional<Element> readRecord(String fullName) {
        String body = "<readMetadata><type>CustomField</type><fullNames>" + Soap.escape(fullName) + "</fullNames></readMetadata>";
        Document answer = send(Soap.request(endpoint, MetadataXml.NAMESPACE, null, body, Idempotency.REPEATABLE));
        // readMetadata answers an unknown name with a records element that has no fullName.
        return Soap.descendants(answer, "records").stream().filter(r -> Soap.childText(r, "fullName").isPresent()).findFirst();
    }

    private List<MetadataResult> call(String operation, String metadataXml, Idempotency idempotency) {
        String body = "<" + operation + ">" + metadataXml + "</" + operation + ">";
        Document answer = send(Soap.request(endpoint, MetadataXml.NAMESPACE, null, body, idempotency));
        List<MetadataResult> results = new ArrayList<>();
        for (Element result : Soap.descendants(answer, "result")) {
            results.add(result(result));
        }
        if (results.isEmpty()) {
            throw new IllegalStateException("the Metadata API answered " + operation + " without a result");
        }
        return results;
    }

    static MetadataResult result(Element result) {
        List<SalesforceError> errors = new ArrayList<>();
        for (Element error : Soap.children(result, "errors")) {
            List<String> fields = Soap.children(error, "fields").stream().map(Node::getTextContent).toList();
            errors.add(new SalesforceError(Soap.childText(error, "statusCode").orElse("UNKNOWN_EXCEPTION"),
                    Soap.childText(error, "message").orElse(""), fields));
        }
        boolean success = Soap.childText(result, "success").map(Boolean::parseBoolean).orElse(false);
        if (!success && errors.isEmpty()) {
            errors.add(new SalesforceError("UNKNOWN_EXCEPTION", "the Metadata API reported a failure without an error"));
        }
        return new MetadataResult(Soap.childText(result, "fullName").orElse(null), success,
                Soap.childText(result, "created").map(Boolean::parseBoolean).orElse(false), errors);
    }

    private Document send(ApiRequest request) {
        try (RawResponse response = caller.call(request)) {
            return Soap.parse(response.readAll());
        }
    }

    private static String serialize(Element element) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write back a field definition element: " + e.getMessage(), e);
        }
    }
}
