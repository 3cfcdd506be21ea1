package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.WriteResult;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.IOException;
import java.nio.file.Path;

/** {@code <results><result><id/><success/><created/><errors/></result></results>}, streamed. */
final class XmlIngestResults implements IngestResults {
    private final XmlFile file;
    private final XMLStreamWriter xml;

    XmlIngestResults(Path path) throws IOException {
        this.file = new XmlFile(path, "results");
        this.xml = file.writer();
    }

    @Override
    public void write(WriteResult result) throws IOException {
        try {
            xml.writeStartElement("result");
            if (result.id() != null) {
                XmlSupport.element(xml, "id", result.id());
            }
            XmlSupport.element(xml, "success", result.success());
            XmlSupport.element(xml, "created", result.created());
            for (RecordError error : result.errors()) {
                xml.writeStartElement("errors");
                for (String field : error.fields()) {
                    XmlSupport.element(xml, "fields", field);
                }
                XmlSupport.element(xml, "message", error.message());
                XmlSupport.element(xml, "statusCode", error.statusCode());
                xml.writeEndElement();
            }
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
