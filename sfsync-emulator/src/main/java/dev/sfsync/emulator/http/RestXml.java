package dev.sfsync.emulator.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;
import javax.xml.stream.XMLOutputFactory;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The REST API's XML face: Salesforce answers {@code Accept: application/xml} and reads {@code Content-Type:
 * application/xml} bodies on the same resources as JSON, with the same content. Every REST handler keeps building JSON;
 * this class turns the answer into XML and an XML body into the JSON the handler reads.
 *
 * <p>The shapes are Salesforce's documented ones: a record is an element named by its type with {@code type} and
 * {@code url} attributes (its fields as child elements, nulls as {@code xsi:nil="true"}); a query answer is
 * {@code <QueryResult>} with one {@code <records>} element per record; errors are {@code <Errors><Error>...}; a create
 * answer is {@code <Result>}; a list is the same element repeated. Where the documentation shows no XML example (describe,
 * limits, the resource lists) the root is named after the resource, and the content is the JSON's, element for field.
 */
public final class RestXml {
    public static final String XML = "application/xml;charset=UTF-8";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    private static final Pattern REST_PATH = Pattern.compile("/services/data(?:/v[^/]+(?<rest>/.*)?)?/?");
    private static final Pattern SOBJECT = Pattern.compile("/sobjects/([^/]+)(?:/describe)?/?");

    private RestXml() {
    }

    /** Whether {@code path} is a REST resource that speaks XML; Bulk API 2.0 (jobs) speaks JSON and CSV only. */
    static boolean isRestPath(String path) {
        Matcher m = REST_PATH.matcher(path);
        if (!m.matches()) {
            return false;
        }
        String rest = m.group("rest");
        return rest == null || !rest.startsWith("/jobs");
    }

    /** The client prefers XML: an Accept header naming application/xml (or text/xml) before any JSON type. */
    static boolean prefersXml(String accept) {
        if (accept == null) {
            return false;
        }
        String lower = accept.toLowerCase(Locale.ROOT);
        int xml = Math.min(indexOr(lower, "application/xml"), indexOr(lower, "text/xml"));
        return xml < indexOr(lower, "json");
    }

    static boolean isXmlContent(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).contains("xml");
    }

    private static int indexOr(String text, String part) {
        int at = text.indexOf(part);
        return at < 0 ? Integer.MAX_VALUE : at;
    }

    /** Renders a REST answer built as JSON for the resource at {@code path}. */
    static byte[] render(String path, JsonNode answer) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            if (isErrorList(answer)) {
                xml.writeStartElement("Errors");
                xml.writeNamespace("xsi", XSI);
                for (JsonNode error : answer) {
                    element(xml, "Error", error);
                }
                xml.writeEndElement();
            } else if (answer.isArray()) {
                String root = rootName(path, answer);
                xml.writeStartElement(root);
                xml.writeNamespace("xsi", XSI);
                String item = root.endsWith("s") ? root.substring(0, root.length() - 1) : "item";
                for (JsonNode each : answer) {
                    element(xml, item, each);
                }
                xml.writeEndElement();
            } else {
                String root = rootName(path, answer);
                xml.writeStartElement(root);
                xml.writeNamespace("xsi", XSI);
                content(xml, answer);
                xml.writeEndElement();
            }
            xml.writeEndDocument();
            xml.close();
            return out.toByteArray();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write an XML answer", e);
        }
    }

    private static boolean isErrorList(JsonNode answer) {
        return answer.isArray() && !answer.isEmpty() && answer.get(0).has("errorCode") && answer.get(0).has("message")
                && !answer.get(0).has("success");
    }

    private static String rootName(String path, JsonNode answer) {
        Matcher rest = REST_PATH.matcher(path);
        String resource = rest.matches() && rest.group("rest") != null ? rest.group("rest") : "";
        if (resource.startsWith("/tooling")) {
            resource = resource.substring("/tooling".length());
        }
        if (resource.startsWith("/query") || resource.startsWith("/queryAll")) {
            return "QueryResult";
        }
        JsonNode attributes = answer.path("attributes");
        if (attributes.hasNonNull("type")) {
            return attributes.get("type").asText();
        }
        if (answer.has("id") && answer.has("success")) {
            return "Result";
        }
        if (resource.isEmpty()) {
            return answer.isArray() ? "Versions" : "urls";
        }
        if (resource.matches("/sobjects/?")) {
            return "DescribeGlobal";
        }
        Matcher sobject = SOBJECT.matcher(resource);
        if (sobject.matches()) {
            return sobject.group(1);
        }
        if (resource.startsWith("/limits")) {
            return "Limits";
        }
        if (resource.startsWith("/search") || resource.startsWith("/parameterizedSearch")) {
            return "SearchResult";
        }
        return answer.isArray() ? "Results" : "Result";
    }

    private static void element(XMLStreamWriter xml, String name, JsonNode value) throws XMLStreamException {
        if (value.isArray()) {
            for (JsonNode each : value) {
                element(xml, name, each);
            }
            return;
        }
        if (value.isNull()) {
            xml.writeEmptyElement(name);
            xml.writeAttribute("xsi", XSI, "nil", "true");
            return;
        }
        xml.writeStartElement(name);
        if (value.isObject()) {
            content(xml, value);
        } else {
            xml.writeCharacters(value.asText());
        }
        xml.writeEndElement();
    }

    /** An object's fields as child elements; its {@code attributes} (type, url) as XML attributes, as records carry them. */
    private static void content(XMLStreamWriter xml, JsonNode object) throws XMLStreamException {
        JsonNode attributes = object.get("attributes");
        if (attributes != null && attributes.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = attributes.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> attribute = it.next();
                if (attribute.getValue().isValueNode() && !attribute.getValue().isNull()) {
                    xml.writeAttribute(attribute.getKey(), attribute.getValue().asText());
                }
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getKey().equals("attributes") && field.getValue().isObject()) {
                continue;
            }
            element(xml, field.getKey(), field.getValue());
        }
    }

    /**
     * Reads an XML request body as the JSON a handler expects: the root element (named after the object, or anything)
     * holds one child element per field; {@code xsi:nil="true"} is null; a child with children of its own is an
     * object (a parent named by external ID, a nested record); a name repeated is a list. Values stay text: Salesforce
     * types them by the field, as it does JSON strings.
     */
    static JsonNode parse(byte[] body) {
        try {
            XMLInputFactory factory = XMLInputFactory.newFactory();
            factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
            while (reader.hasNext() && reader.next() != XMLStreamConstants.START_ELEMENT) {
                // skip the prolog
            }
            if (!reader.isStartElement()) {
                throw new ApiException(400, "XML_PARSER_ERROR", "The request body has no root element; send <sObjectName><Field>value</Field></sObjectName>");
            }
            JsonNode value = readElement(reader);
            return value.isObject() ? value : JsonNodeFactory.instance.objectNode();
        } catch (XMLStreamException e) {
            throw new ApiException(400, "XML_PARSER_ERROR", "The request body is not well-formed XML: " + e.getMessage());
        }
    }

    private static JsonNode readElement(XMLStreamReader reader) throws XMLStreamException {
        boolean nil = "true".equals(reader.getAttributeValue(XSI, "nil"));
        ObjectNode children = null;
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if (children == null) {
                    children = JsonNodeFactory.instance.objectNode();
                }
                String name = reader.getLocalName();
                JsonNode child = readElement(reader);
                JsonNode before = children.get(name);
                if (before == null) {
                    children.set(name, child);
                } else if (before.isArray()) {
                    ((ArrayNode) before).add(child);
                } else {
                    children.putArray(name).add(before).add(child);
                }
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (nil) {
            return JsonNodeFactory.instance.nullNode();
        }
        return children != null ? children : JsonNodeFactory.instance.textNode(text.toString());
    }
}
