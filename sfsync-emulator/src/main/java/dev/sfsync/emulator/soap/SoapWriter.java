package dev.sfsync.emulator.soap;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;

/**
 * Writes a SOAP response the way Salesforce does: the API's namespace is the default one, declared on the envelope,
 * so body elements are unprefixed ({@code <loginResponse><result>…}); clients that match element names without
 * namespaces (jsforce, simple-salesforce) read it as they read Salesforce.
 */
final class SoapWriter {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final XMLStreamWriter xml;

    private SoapWriter(String defaultNamespace, String faultNamespace) {
        this(defaultNamespace, faultNamespace, false);
    }

    private SoapWriter(String defaultNamespace, String faultNamespace, boolean sObjects) {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("soapenv", "Envelope", SoapNamespaces.ENVELOPE);
            xml.writeNamespace("soapenv", SoapNamespaces.ENVELOPE);
            if (defaultNamespace != null) {
                xml.writeDefaultNamespace(defaultNamespace);
            }
            if (faultNamespace != null) {
                xml.writeNamespace("sf", faultNamespace);
            }
            xml.writeNamespace("xsi", SoapNamespaces.XSI);
            if (sObjects) {
                xml.writeNamespace("sf", SoapNamespaces.PARTNER_SOBJECT);
                xml.writeNamespace("xsd", SoapNamespaces.XSD);
            }
        } catch (XMLStreamException e) {
            throw new IllegalStateException("cannot start a SOAP response", e);
        }
    }

    /** A response envelope whose body elements live in {@code namespace}. */
    static SoapWriter response(String namespace) {
        return new SoapWriter(namespace, null);
    }

    /** A partner API response that carries records: {@code sf} is the sObject namespace, {@code xsd} XML Schema's. */
    static SoapWriter partnerResponse() {
        return new SoapWriter(SoapNamespaces.PARTNER, null, true);
    }

    /** An sObject field: {@code <sf:name>value</sf:name>}, with an xsi:type when given, or {@code <sf:name xsi:nil="true"/>}. */
    SoapWriter sObjectField(String name, String xsiType, Object value) {
        try {
            if (value == null) {
                xml.writeEmptyElement("sf", name, SoapNamespaces.PARTNER_SOBJECT);
                xml.writeAttribute("xsi", SoapNamespaces.XSI, "nil", "true");
                return this;
            }
            xml.writeStartElement("sf", name, SoapNamespaces.PARTNER_SOBJECT);
            if (xsiType != null) {
                xml.writeAttribute("xsi", SoapNamespaces.XSI, "type", xsiType);
            }
            xml.writeCharacters(String.valueOf(value));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** {@code <name xsi:type="type">value</name>}, for anyType elements. */
    SoapWriter typedElement(String name, String xsiType, Object value) {
        start(name).attribute("xsi", "type", SoapNamespaces.XSI, xsiType);
        try {
            xml.writeCharacters(String.valueOf(value));
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return end();
    }

    /** The envelope of a fault; {@code sf} is bound to the API's fault namespace. */
    static SoapWriter fault(String faultNamespace) {
        return new SoapWriter(null, faultNamespace);
    }

    SoapWriter start(String name) {
        try {
            xml.writeStartElement(name);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    SoapWriter startPrefixed(String prefix, String name, String namespace) {
        try {
            xml.writeStartElement(prefix, name, namespace);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    SoapWriter attribute(String prefix, String name, String namespace, String value) {
        try {
            xml.writeAttribute(prefix, namespace, name, value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    SoapWriter end() {
        try {
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    /** {@code <name>value</name>}, or {@code <name xsi:nil="true"/>} for null. */
    SoapWriter element(String name, Object value) {
        try {
            if (value == null) {
                xml.writeEmptyElement(name);
                xml.writeAttribute("xsi", SoapNamespaces.XSI, "nil", "true");
                return this;
            }
            xml.writeStartElement(name);
            xml.writeCharacters(String.valueOf(value));
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return this;
    }

    SoapWriter prefixedElement(String prefix, String name, String namespace, String value) {
        startPrefixed(prefix, name, namespace);
        try {
            xml.writeCharacters(value == null ? "" : value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return end();
    }

    /** A tree of maps and lists: a map's entries become child elements, a list repeats its element. */
    SoapWriter tree(String name, Object value) {
        if (value instanceof Map<?, ?> map) {
            start(name);
            map.forEach((key, child) -> tree(String.valueOf(key), child));
            return end();
        }
        if (value instanceof List<?> list) {
            list.forEach(item -> tree(name, item));
            return this;
        }
        return element(name, value);
    }

    byte[] finish() {
        try {
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
        return bytes.toByteArray();
    }

    /** Starts the body (after an optional header written by the caller). */
    SoapWriter body() {
        return startPrefixed("soapenv", "Body", SoapNamespaces.ENVELOPE);
    }

    SoapWriter header() {
        return startPrefixed("soapenv", "Header", SoapNamespaces.ENVELOPE);
    }
}
