package dev.sfsync.emulator.bulk1;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * XML batch records: {@code <sObjects><sObject><Name>Acme</Name>…</sObject></sObjects>}. A child element with
 * elements of its own names a parent by external ID; {@code xsi:nil="true"} sets a field to null.
 */
final class XmlBatchRecords implements BatchRecords {
    private final InputStream in;
    private final XMLStreamReader reader;
    private boolean ended;

    XmlBatchRecords(Path file) throws IOException, MalformedBatch {
        this.in = Files.newInputStream(file);
        try {
            this.reader = XmlSupport.input().createXMLStreamReader(in);
            reader.nextTag();
            if (!reader.getLocalName().equals("sObjects")) {
                in.close();
                throw new MalformedBatch("The root element is <" + reader.getLocalName() + ">; an XML batch is <sObjects xmlns=\""
                        + WireFormat.NAMESPACE + "\"><sObject>…</sObject></sObjects>");
            }
        } catch (XMLStreamException e) {
            in.close();
            throw new MalformedBatch("Failed to parse XML: " + e.getMessage());
        }
    }

    @Override
    public Map<String, Object> next() throws MalformedBatch {
        if (ended) {
            return null;
        }
        try {
            if (reader.nextTag() != XMLStreamConstants.START_ELEMENT) {
                ended = true;
                return null;
            }
            if (!reader.getLocalName().equals("sObject")) {
                throw new MalformedBatch("Unexpected element <" + reader.getLocalName() + "> in <sObjects>; each record is an <sObject>");
            }
            Map<String, Object> record = new LinkedHashMap<>();
            readFields("", record);
            return record;
        } catch (XMLStreamException e) {
            throw new MalformedBatch("Failed to parse XML: " + e.getMessage());
        }
    }

    /** Reads the children of the current element until its end tag. */
    private void readFields(String prefix, Map<String, Object> into) throws XMLStreamException {
        while (reader.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String name = prefix + reader.getLocalName();
            if ("true".equals(reader.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil"))) {
                into.put(name, null);
                reader.getElementText();
                continue;
            }
            readValue(name, into);
        }
    }

    /** The text of a field element, or, when it holds elements, the key fields of a parent (ends on its end tag). */
    private void readValue(String name, Map<String, Object> into) throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                into.put(name + "." + reader.getLocalName(), reader.getElementText());
                readFields(name + ".", into);
                return;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                into.put(name, text.toString());
                return;
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            reader.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            in.close();
        }
    }
}
