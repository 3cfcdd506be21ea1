package dev.sfsync.emulator.soap;

/** The XML namespaces of Salesforce's SOAP APIs. */
final class SoapNamespaces {
    static final String ENVELOPE = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String PARTNER = "urn:partner.soap.sforce.com";
    static final String PARTNER_SOBJECT = "urn:sobject.partner.soap.sforce.com";
    static final String XSD = "http://www.w3.org/2001/XMLSchema";
    static final String PARTNER_FAULT = "urn:fault.partner.soap.sforce.com";
    static final String METADATA = "http://soap.sforce.com/2006/04/metadata";

    private SoapNamespaces() {
    }
}
