package dev.sfsync.emulator.soap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A SOAP call as received: the operation element of the body and the session id of the SessionHeader. Elements are
 * matched by local name, so any prefix and any of the ways clients declare namespaces work. SOAP calls are small
 * (a login, up to 200 merges, up to 10 metadata components), so the envelope is read into a DOM.
 */
final class SoapRequest {
    private static final DocumentBuilderFactory FACTORY = factory();

    private final Element operation;
    private final String sessionId;
    private final Element header;

    private SoapRequest(Element operation, String sessionId, Element header) {
        this.operation = operation;
        this.sessionId = sessionId;
        this.header = header;
    }

    static SoapRequest parse(byte[] body) {
        Document document;
        try {
            DocumentBuilder builder = FACTORY.newDocumentBuilder();
            builder.setErrorHandler(null);
            document = builder.parse(new ByteArrayInputStream(body));
        } catch (SAXException | IOException e) {
            throw SoapFault.client("Could not read the request as a SOAP envelope: " + e.getMessage()
                    + " (send text/xml with a soapenv:Envelope holding a soapenv:Body)");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
        Element envelope = document.getDocumentElement();
        if (!"Envelope".equals(envelope.getLocalName()) || !SoapNamespaces.ENVELOPE.equals(envelope.getNamespaceURI())) {
            throw SoapFault.client("The request is not a SOAP 1.1 envelope: its root must be Envelope in namespace " + SoapNamespaces.ENVELOPE);
        }
        Element soapBody = child(envelope, "Body");
        Element operation = soapBody == null ? null : firstChild(soapBody);
        if (operation == null) {
            throw SoapFault.client("The SOAP body is empty: it must hold one operation element, e.g. <login>");
        }
        Element header = child(envelope, "Header");
        Element sessionHeader = header == null ? null : child(header, "SessionHeader");
        return new SoapRequest(operation, sessionHeader == null ? null : text(sessionHeader, "sessionId"), header);
    }

    String operationName() {
        return operation.getLocalName();
    }

    String operationNamespace() {
        return operation.getNamespaceURI() == null ? "" : operation.getNamespaceURI();
    }

    Element operation() {
        return operation;
    }

    String sessionId() {
        return sessionId;
    }

    /** A value inside a SOAP header, e.g. ("QueryOptions", "batchSize"); null when the header or value is absent. */
    String headerValue(String headerName, String valueName) {
        Element element = header == null ? null : child(header, headerName);
        return element == null ? null : text(element, valueName);
    }

    static Element child(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? null : found.getFirst();
    }

    static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && (localName == null || localName.equals(element.getLocalName()))) {
                out.add(element);
            }
        }
        return out;
    }

    /** The trimmed text of a child element; null when it is absent or xsi:nil. */
    static String text(Element parent, String localName) {
        Element element = child(parent, localName);
        return element == null || isNil(element) ? null : element.getTextContent().trim();
    }

    static List<String> texts(Element parent, String localName) {
        List<String> out = new ArrayList<>();
        for (Element element : children(parent, localName)) {
            out.add(element.getTextContent().trim());
        }
        return out;
    }

    /** The xsi:type of an element without its prefix (ns2:CustomField is CustomField); null when absent. */
    static String xsiType(Element element) {
        String type = element.getAttributeNS(SoapNamespaces.XSI, "type");
        if (type == null || type.isEmpty()) {
            return null;
        }
        return type.substring(type.indexOf(':') + 1);
    }

    /** An element as a JSON tree: children become fields, repeated children arrays, leaves text, xsi:nil null. */
    static JsonNode tree(Element element) {
        if (isNil(element)) {
            return JsonNodeFactory.instance.nullNode();
        }
        List<Element> children = children(element, null);
        if (children.isEmpty()) {
            return JsonNodeFactory.instance.textNode(element.getTextContent().trim());
        }
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (Element child : children) {
            String name = child.getLocalName();
            JsonNode value = tree(child);
            JsonNode existing = node.get(name);
            if (existing == null) {
                node.set(name, value);
            } else if (existing instanceof ArrayNode array) {
                array.add(value);
            } else {
                node.putArray(name).add(existing).add(value);
            }
        }
        return node;
    }

    private static boolean isNil(Element element) {
        return "true".equals(element.getAttributeNS(SoapNamespaces.XSI, "nil"));
    }

    private static Element firstChild(Element parent) {
        List<Element> all = children(parent, null);
        return all.isEmpty() ? null : all.getFirst();
    }

    private static DocumentBuilderFactory factory() {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        try {
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser lacks secure processing", e);
        }
        factory.setExpandEntityReferences(false);
        return factory;
    }
}
