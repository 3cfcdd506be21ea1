package dev.sfsync.emulator.bulk1;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** A result file written as XML in the dataload namespace; closing it ends the document and the file. */
final class XmlFile implements Closeable {
    private final OutputStream out;
    private final XMLStreamWriter writer;

    XmlFile(Path file, String root) throws IOException {
        this.out = Files.newOutputStream(file);
        try {
            this.writer = XmlSupport.startDocument(out, root);
        } catch (XMLStreamException e) {
            out.close();
            throw new IOException(e);
        }
    }

    XMLStreamWriter writer() {
        return writer;
    }

    @Override
    public void close() throws IOException {
        try {
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            out.close();
        }
    }
}
