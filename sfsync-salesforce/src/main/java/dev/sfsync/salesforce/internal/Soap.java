package dev.sfsync.salesforce.internal;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SOAP 1.1 envelopes for the partner and Metadata APIs: the session goes in a SessionHeader in the body (so a
 * renewed token means a rebuilt body), answers are read as DOM (they are small), and faults come back as HTTP 500,
 * which the caller's error reading understands.
 */
public final class Soap {
    public static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    public static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    private Soap() {
    }

    /**
     * A request whose envelope declares {@code namespace} as the default and carries the session header.
     *
     * @param extraNamespaces more {@code xmlns:prefix="uri"} declarations, e.g. for sObjects
     */
    public static ApiRequest request(String target, String namespace, String extraNamespaces, String bodyXml, ApiRequest.Idempotency idempotency) {
        return new ApiRequest("POST", target, java.util.Map.of("SOAPAction", "\"\""), token -> RequestBody.bytes(
                envelope(namespace, extraNamespaces, token, bodyXml), "text/xml; charset=UTF-8"), idempotency, ApiRequest.Auth.IN_BODY);
    }

    static byte[] envelope(String namespace, String extraNamespaces, String token, String bodyXml) {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"" + ENVELOPE_NS + "\" xmlns:xsi=\"" + XSI_NS + "\" xmlns=\"" + namespace + "\""
                + (extraNamespaces == null ? "" : " " + extraNamespaces) + ">"
                + "<soapenv:Header><SessionHeader><sessionId>" + escape(token) + "</sessionId></SessionHeader></soapenv:Header>"
                + "<soapenv:Body>" + bodyXml + "</soapenv:Body></soapenv:Envelope>";
        return xml.getBytes(StandardCharsets.UTF_8);
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            return builder.parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new IllegalStateException("Salesforce answered SOAP this client cannot read: " + e.getMessage(), e);
        }
    }

    /** Elements with this local name anywhere below {@code parent}, in document order. */
    public static List<Element> descendants(Node parent, String localName) {
        NodeList nodes = parent instanceof Document document ? document.getElementsByTagNameNS("*", localName)
                : ((Element) parent).getElementsByTagNameNS("*", localName);
        List<Element> out = new ArrayList<>(nodes.getLength());
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add((Element) nodes.item(i));
        }
        return out;
    }

    /** Direct children with this local name. */
    public static List<Element> children(Element parent, String localName) {
        List<Element> out = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && localName.equals(element.getLocalName())) {
                out.add(element);
            }
        }
        return out;
    }

    public static Optional<String> childText(Element parent, String localName) {
        List<Element> found = children(parent, localName);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst().getTextContent());
    }

    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&apos;");
    }
}
