package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlProjector;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** XML query results: {@code <queryResult><records xsi:type="sObject"><type>Account</type><Id>…</Id>…}, streamed. */
final class XmlQueryResults implements QueryResults {
    private final XmlFile file;
    private final XMLStreamWriter xml;
    private final SoqlProjector projector;
    private final SoqlProjector.Renderer renderer = QueryResults.renderer(null, QueryResults.ValueStyle.TEXT);

    XmlQueryResults(Path path, SoqlProjector projector) throws IOException {
        this.projector = projector;
        this.file = new XmlFile(path, "queryResult");
        this.xml = file.writer();
        try {
            xml.writeNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
        } catch (XMLStreamException e) {
            file.close();
            throw new IOException(e);
        }
    }

    @Override
    public void write(StoredRecord record) throws IOException {
        try {
            writeRecord("records", projector.json(record, renderer));
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private void writeRecord(String element, Map<String, Object> record) throws XMLStreamException {
        xml.writeStartElement(element);
        xml.writeAttribute("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "type", "sObject");
        for (Map.Entry<String, Object> field : record.entrySet()) {
            Object value = field.getValue();
            if (field.getKey().equals("attributes")) {
                XmlSupport.element(xml, "type", ((Map<String, Object>) value).get("type"));
            } else if (value instanceof Map<?, ?> parent) {
                writeRecord(field.getKey(), (Map<String, Object>) parent);
            } else if (value == null) {
                xml.writeEmptyElement(field.getKey());
                xml.writeAttribute("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil", "true");
            } else {
                XmlSupport.element(xml, field.getKey(), value);
            }
        }
        xml.writeEndElement();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
