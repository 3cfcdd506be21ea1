package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.Http;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Posts hand-written SOAP envelopes, shaped as jsforce and simple-salesforce write them, and reads the answer as XML,
 * so the tests check the wire rather than a SOAP library's reading of it.
 */
final class SoapCall {
    static final String PARTNER = "urn:partner.soap.sforce.com";
    static final String METADATA = "http://soap.sforce.com/2006/04/metadata";

    private SoapCall() {
    }

    /** jsforce's envelope: the API namespace as default on Header and Body, SessionHeader when a session is given. */
    static String envelope(String namespace, String sessionId, String body) {
        String header = sessionId == null ? "" : "<SessionHeader><sessionId>" + sessionId + "</sessionId></SessionHeader>";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<soapenv:Header xmlns=\"" + namespace + "\">" + header + "</soapenv:Header>"
                + "<soapenv:Body xmlns=\"" + namespace + "\">" + body + "</soapenv:Body></soapenv:Envelope>";
    }

    static Answer post(Http http, String path, String envelope) {
        Http.Response response = http.send(http.builder(path).header("Content-Type", "text/xml").header("SOAPAction", "\"\"")
                .POST(HttpRequest.BodyPublishers.ofString(envelope)));
        return new Answer(response.status(), response.body(), response.header("Content-Type"));
    }

    /** An answer: status, raw body and the body parsed namespace-aware. */
    record Answer(int status, String body, String contentType) {
        Document document() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                return factory.newDocumentBuilder().parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
            } catch (Exception e) {
                throw new IllegalStateException("not XML (HTTP " + status + "): " + body, e);
            }
        }

        /** Text of the first element with this local name anywhere in the answer; null when there is none. */
        String text(String localName) {
            NodeList nodes = document().getElementsByTagNameNS("*", localName);
            return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
        }

        List<String> texts(String localName) {
            NodeList nodes = document().getElementsByTagNameNS("*", localName);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent());
            }
            return out;
        }

        List<Element> elements(String localName) {
            NodeList nodes = document().getElementsByTagNameNS("*", localName);
            List<Element> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add((Element) nodes.item(i));
            }
            return out;
        }

        @Override
        public String toString() {
            return "HTTP " + status + " " + body;
        }
    }

    /** Local names of an element's child elements, in order. */
    static List<String> childNames(Element parent) {
        List<String> names = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                names.add(element.getLocalName());
            }
        }
        return names;
    }

    /** Text of a direct child element. */
    static String childText(Element parent, String localName) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && localName.equals(element.getLocalName())) {
                return element.getTextContent();
            }
        }
        return null;
    }
}
