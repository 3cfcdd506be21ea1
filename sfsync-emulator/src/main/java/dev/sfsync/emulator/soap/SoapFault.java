package dev.sfsync.emulator.soap;

import dev.sfsync.emulator.http.ApiException;

/**
 * A call-level SOAP failure. Salesforce's faults carry {@code sf:CODE} as faultcode, "CODE: message" as faultstring,
 * and a typed detail (LoginFault, InvalidFieldFault, UnexpectedErrorFault …) repeating code and message; faults of the
 * SOAP layer itself (unknown operation, unreadable envelope) have a {@code soapenv:Client} faultcode and no detail.
 */
final class SoapFault extends RuntimeException {
    private final String code;
    private final String detailType;

    private SoapFault(String code, String message, String detailType) {
        super(message, null, false, false);
        this.code = code;
        this.detailType = detailType;
    }

    /** An API fault: sf:{code} with the given detail type. */
    static SoapFault api(String code, String message, String detailType) {
        return new SoapFault(code, message, detailType);
    }

    static SoapFault unexpected(String code, String message) {
        return new SoapFault(code, message, "UnexpectedErrorFault");
    }

    /** A fault of the SOAP layer (soapenv:Client): no Salesforce code, no detail. */
    static SoapFault client(String message) {
        return new SoapFault(null, message, null);
    }

    static SoapFault noSuchOperation(String namespace, String operation) {
        return client("No operation available for request {" + namespace + "}" + operation + ", please check the WSDL for the service.");
    }

    static SoapFault invalidSession() {
        return unexpected("INVALID_SESSION_ID", "Invalid Session ID found in SessionHeader: Illegal Session");
    }

    /** The REST checks' failures (session, API access, limits, unknown fields) as the SOAP APIs report them. */
    static SoapFault from(ApiException e) {
        ApiException.ErrorItem item = e.errors().getFirst();
        return switch (item.errorCode()) {
            case "INVALID_SESSION_ID" -> invalidSession();
            case "INVALID_FIELD" -> api(item.errorCode(), item.message(), "InvalidFieldFault");
            case "INVALID_TYPE" -> api(item.errorCode(), item.message(), "InvalidSObjectFault");
            case "MALFORMED_ID", "INVALID_ID_FIELD" -> api(item.errorCode(), item.message(), "InvalidIdFault");
            default -> unexpected(item.errorCode(), item.message());
        };
    }

    /** sf:CODE, or soapenv:Client for faults of the SOAP layer. */
    String faultCode() {
        return code == null ? "soapenv:Client" : "sf:" + code;
    }

    String faultString() {
        return code == null ? getMessage() : code + ": " + getMessage();
    }

    String code() {
        return code;
    }

    String detailType() {
        return detailType;
    }
}
