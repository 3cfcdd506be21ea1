package dev.sfsync.salesforce.bulk1;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bulk API 1.0's XML: flat {@code <jobInfo>} / {@code <batchInfo>} documents in the asyncapi namespace, read with
 * StAX (no external entities) and written by hand, elements in the order the schema's sequence requires.
 */
final class AsyncXml {
    static final String NAMESPACE = "http://www.force.com/2009/06/asyncapi/dataload";
    private static final XMLInputFactory INPUT = createInput();

    private AsyncXml() {
    }

    /** A jobInfo of the given elements, in the order given. */
    static byte[] jobInfo(Map<String, String> elements) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<jobInfo xmlns=\"").append(NAMESPACE).append("\">");
        elements.forEach((name, value) -> {
            if (value != null) {
                xml.append('<').append(name).append('>').append(escape(value)).append("</").append(name).append('>');
            }
        });
        return xml.append("</jobInfo>").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The child elements of the document's root (or of each {@code repeated} element) as name → text. */
    static List<Map<String, String>> records(byte[] body, String repeated) {
        List<Map<String, String>> out = new ArrayList<>();
        try {
            XMLStreamReader xml = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
            Map<String, String> current = null;
            int depth = 0;
            int recordDepth = -1;
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    if (current == null && (repeated == null ? depth == 1 : xml.getLocalName().equals(repeated))) {
                        current = new LinkedHashMap<>();
                        recordDepth = depth;
                    } else if (current != null && depth == recordDepth + 1) {
                        current.put(xml.getLocalName(), xml.getElementText());
                        depth--;
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    if (current != null && depth == recordDepth) {
                        out.add(current);
                        current = null;
                    }
                    depth--;
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Bulk API 1.0 answered XML this client cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    /** The text of every element of that name, in document order (a result list's {@code <result>} ids). */
    static List<String> texts(byte[] body, String element) {
        List<String> out = new ArrayList<>();
        try {
            XMLStreamReader xml = INPUT.createXMLStreamReader(new ByteArrayInputStream(body));
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals(element)) {
                    out.add(xml.getElementText().strip());
                }
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Bulk API 1.0 answered XML this client cannot read: " + e.getMessage(), e);
        }
        return out;
    }

    static Map<String, String> record(byte[] body) {
        List<Map<String, String>> records = records(body, null);
        if (records.isEmpty()) {
            throw new IllegalStateException("Bulk API 1.0 answered an empty XML document");
        }
        return records.getFirst();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static XMLInputFactory createInput() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
