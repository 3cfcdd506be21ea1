package dev.sfsync.emulator.bulk1;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.OutputStream;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The StAX factories of the Bulk API (DTDs and external entities off) and its XML date-time format. */
final class XmlSupport {
    /** Bulk 1.0 XML writes date-times as 2015-12-15T21:41:45.000Z (its JSON uses +0000 instead of Z). */
    static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private static final XMLInputFactory INPUT = inputFactory();
    private static final XMLOutputFactory OUTPUT = XMLOutputFactory.newFactory();

    private XmlSupport() {
    }

    static XMLInputFactory input() {
        return INPUT;
    }

    /** A writer that has written the XML declaration and opened {@code root} in the dataload namespace. */
    static XMLStreamWriter startDocument(OutputStream out, String root) throws XMLStreamException {
        XMLStreamWriter writer = OUTPUT.createXMLStreamWriter(out, "UTF-8");
        writer.writeStartDocument("UTF-8", "1.0");
        writer.writeStartElement(root);
        writer.writeDefaultNamespace(WireFormat.NAMESPACE);
        return writer;
    }

    static void element(XMLStreamWriter writer, String name, Object value) throws XMLStreamException {
        writer.writeStartElement(name);
        writer.writeCharacters(value instanceof Instant instant ? DATETIME.format(instant) : String.valueOf(value));
        writer.writeEndElement();
    }

    private static XMLInputFactory inputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }
}
