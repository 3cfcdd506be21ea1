package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Json;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes Bulk 1.0 answers: jobInfo, batchInfo, batchInfoList, result-list and error, each as XML (fields in schema
 * order) or JSON (fields in alphabetical order, as Salesforce writes them).
 */
final class Responses {
    private Responses() {
    }

    static void info(Exchange ex, int status, WireFormat format, InfoDocument document) {
        if (format == WireFormat.JSON) {
            ex.json(status, jsonFields(document));
            return;
        }
        send(ex, status, document.root(), writer -> writeFields(writer, document));
    }

    static void batchList(Exchange ex, WireFormat format, List<InfoDocument> batches) {
        if (format == WireFormat.JSON) {
            List<Object> list = new ArrayList<>();
            batches.forEach(b -> list.add(jsonFields(b)));
            ex.json(200, Map.of("batchInfo", list));
            return;
        }
        send(ex, 200, "batchInfoList", writer -> {
            for (InfoDocument batch : batches) {
                writer.writeStartElement(batch.root());
                writeFields(writer, batch);
                writer.writeEndElement();
            }
        });
    }

    /** The result ids of a query batch: a JSON array, or {@code <result-list><result>752…</result></result-list>}. */
    static void resultList(Exchange ex, WireFormat format, List<String> resultIds) {
        if (format == WireFormat.JSON) {
            ex.json(200, resultIds);
            return;
        }
        send(ex, 200, "result-list", writer -> {
            for (String id : resultIds) {
                XmlSupport.element(writer, "result", id);
            }
        });
    }

    static void error(Exchange ex, WireFormat format, AsyncApiException e) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("exceptionCode", e.code().name());
        fields.put("exceptionMessage", e.getMessage());
        if (format == WireFormat.JSON) {
            ex.json(e.status(), fields);
            return;
        }
        send(ex, e.status(), "error", writer -> writeFields(writer, new InfoDocument("error", fields)));
    }

    private static Map<String, Object> jsonFields(InfoDocument document) {
        Map<String, Object> sorted = new TreeMap<>();
        document.fields().forEach((name, value) -> {
            if (value != null) {
                sorted.put(name, value instanceof Instant instant ? Json.formatDateTime(instant) : value);
            }
        });
        return sorted;
    }

    private static void writeFields(XMLStreamWriter writer, InfoDocument document) throws XMLStreamException {
        for (Map.Entry<String, Object> field : document.fields().entrySet()) {
            if (field.getValue() != null) {
                XmlSupport.element(writer, field.getKey(), field.getValue());
            }
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter writer) throws XMLStreamException;
    }

    private static void send(Exchange ex, int status, String root, Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter writer = XmlSupport.startDocument(out, root);
            body.write(writer);
            writer.writeEndDocument();
            writer.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot write a Bulk API XML answer", e);
        }
        ex.send(status, WireFormat.XML.mediaType(), out.toByteArray());
    }
}
