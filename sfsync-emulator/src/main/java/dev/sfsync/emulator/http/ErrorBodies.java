package dev.sfsync.emulator.http;

import java.nio.charset.StandardCharsets;

/**
 * The error body for a request no API handler answered (an unknown path, or a request the HTTP layer refused), in the
 * shape of the API its path belongs to: a SOAP fault under /services/Soap, Bulk 1.0's {@code <error>} under
 * /services/async, else the REST error array. Never the HTTP server's own HTML page, which no Salesforce client parses.
 */
public final class ErrorBodies {
    private ErrorBodies() {
    }

    /** A body and its content type. */
    public record Body(String contentType, byte[] bytes) {
    }

    public static Body of(String path, int status, String errorCode, String message) {
        String p = path == null ? "" : path.replaceAll("/{2,}", "/").toLowerCase(java.util.Locale.ROOT);
        if (p.startsWith("/services/soap/")) {
            String faultCode = errorCode == null ? "soapenv:Client" : "sf:" + errorCode;
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\""
                    + " xmlns:sf=\"urn:fault.partner.soap.sforce.com\"><soapenv:Body><soapenv:Fault><faultcode>" + escape(faultCode)
                    + "</faultcode><faultstring>" + escape(errorCode == null ? message : errorCode + ": " + message)
                    + "</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>";
            return new Body("text/xml;charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8));
        }
        if (p.startsWith("/services/async/")) {
            String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\">"
                    + "<exceptionCode>InvalidUrl</exceptionCode><exceptionMessage>" + escape(message) + "</exceptionMessage></error>";
            return new Body("application/xml;charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8));
        }
        String json = "[{\"message\":" + Json.MAPPER.valueToTree(message) + ",\"errorCode\":" + Json.MAPPER.valueToTree(errorCode) + "}]";
        return new Body(Exchange.JSON, json.getBytes(StandardCharsets.UTF_8));
    }

    /** The error code Salesforce gives for an HTTP status the HTTP layer chose. */
    public static String codeFor(int status) {
        return switch (status) {
            case 404 -> "NOT_FOUND";
            case 405 -> "METHOD_NOT_ALLOWED";
            case 413 -> "REQUEST_TOO_LARGE";
            case 415 -> "UNSUPPORTED_MEDIA_TYPE";
            case 431, 414, 400 -> "BAD_REQUEST";
            default -> status >= 500 ? "UNKNOWN_EXCEPTION" : "BAD_REQUEST";
        };
    }

    /** Text made safe inside XML or HTML elements and attribute values. */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
