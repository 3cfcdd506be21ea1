package dev.sfsync.emulator.faults;

import dev.sfsync.emulator.http.Exchange;
import org.eclipse.jetty.http.HttpStatus;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Writes an injected call error in the shape of the call's API, as that API's clients parse it. */
final class ErrorResponses {
    private static final String ASYNC_NS = "http://www.force.com/2009/06/asyncapi/dataload";

    private ErrorResponses() {
    }

    static void send(Exchange exchange, ApiKind api, InjectedCallError error) {
        if (error.errorCode() == null) {
            edgePage(exchange, error.status());
            return;
        }
        switch (api) {
            case REST, BULK2 -> exchange.json(error.status(), List.of(restItem(error)));
            case OAUTH -> exchange.json(error.status(), oauthBody(error));
            case BULK1 -> bulk1(exchange, error);
            case SOAP -> soapFault(exchange, error);
        }
    }

    private static Map<String, Object> restItem(InjectedCallError error) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("message", error.message());
        item.put("errorCode", error.errorCode());
        return item;
    }

    /** The token endpoint's {"error","error_description"}; an overloaded login answers unknown_error / retry. */
    private static Map<String, String> oauthBody(InjectedCallError error) {
        Map<String, String> body = new LinkedHashMap<>();
        boolean generic = !error.codeGiven() && error.status() >= 500;
        body.put("error", generic ? "unknown_error" : error.errorCode());
        body.put("error_description", generic ? "retry your request" : error.message());
        return body;
    }

    /** Bulk API 1.0 answers an {@code <error>} document, or its JSON twin when the client speaks JSON. */
    private static void bulk1(Exchange exchange, InjectedCallError error) {
        String type = exchange.header("Content-Type");
        if (type != null && type.toLowerCase().contains("json")) {
            Map<String, String> body = new LinkedHashMap<>();
            body.put("exceptionCode", error.errorCode());
            body.put("exceptionMessage", error.message());
            exchange.json(error.status(), body);
            return;
        }
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<error xmlns=\"" + ASYNC_NS + "\"><exceptionCode>" + escape(error.errorCode()) + "</exceptionCode>"
                + "<exceptionMessage>" + escape(error.message()) + "</exceptionMessage></error>";
        exchange.send(error.status(), "application/xml;charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8));
    }

    /** SOAP faults travel as HTTP 500 unless the rule asked for another status. */
    private static void soapFault(Exchange exchange, InjectedCallError error) {
        int status = error.statusGiven() ? error.status() : 500;
        String code = escape(error.errorCode());
        String message = escape(error.message());
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" xmlns:sf=\"urn:fault.partner.soap.sforce.com\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:" + code + "</faultcode><faultstring>" + code + ": " + message + "</faultstring>"
                + "<detail><sf:UnexpectedErrorFault xsi:type=\"sf:UnexpectedErrorFault\"><sf:exceptionCode>" + code + "</sf:exceptionCode>"
                + "<sf:exceptionMessage>" + message + "</sf:exceptionMessage></sf:UnexpectedErrorFault></detail>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>";
        exchange.send(status, "text/xml;charset=UTF-8", xml.getBytes(StandardCharsets.UTF_8));
    }

    /** A gateway status (502, 504 …) comes from the edge in front of Salesforce, as a bare HTML page. */
    private static void edgePage(Exchange exchange, int status) {
        String reason = HttpStatus.getMessage(status);
        String html = "<html><head><title>" + status + " " + reason + "</title></head><body><h1>" + status + " " + reason
                + "</h1></body></html>";
        exchange.send(status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
