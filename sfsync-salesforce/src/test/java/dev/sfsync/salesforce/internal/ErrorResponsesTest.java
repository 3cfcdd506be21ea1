package dev.sfsync.salesforce.internal;

import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException.Failure;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorResponsesTest {
    @Test
    void rest_error_arrays_keep_every_error_with_its_fields() {
        Failure failure = failure(400, "[{\"message\":\"Required fields are missing: [Name]\",\"errorCode\":\"REQUIRED_FIELD_MISSING\",\"fields\":[\"Name\"]},"
                + "{\"message\":\"bad\",\"errorCode\":\"STRING_TOO_LONG\",\"fields\":[]}]");

        assertThat(failure.errors()).containsExactly(
                new SalesforceError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", List.of("Name")),
                new SalesforceError("STRING_TOO_LONG", "bad"));
        assertThat(failure.kind()).isEqualTo(ErrorKind.DATA);
    }

    @Test
    void oauth_bulk_and_soap_error_bodies_are_read_too() {
        assertThat(failure(400, "{\"error\":\"invalid_grant\",\"error_description\":\"expired access/refresh token\"}").errors().getFirst())
                .isEqualTo(new SalesforceError("invalid_grant", "expired access/refresh token"));
        assertThat(failure(400, "<?xml version=\"1.0\" encoding=\"UTF-8\"?><error xmlns=\"http://www.force.com/2009/06/asyncapi/dataload\">"
                + "<exceptionCode>InvalidBatch</exceptionCode><exceptionMessage>Field name not found : Nmae</exceptionMessage></error>").errors().getFirst())
                .isEqualTo(new SalesforceError("InvalidBatch", "Field name not found : Nmae"));
        Failure soap = failure(500, "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><soapenv:Fault>"
                + "<faultcode>sf:INVALID_SESSION_ID</faultcode><faultstring>INVALID_SESSION_ID: Invalid Session ID found in SessionHeader</faultstring>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>");
        assertThat(soap.errors().getFirst().code()).isEqualTo("INVALID_SESSION_ID");
        assertThat(soap.kind()).isEqualTo(ErrorKind.AUTHENTICATION);
    }

    @Test
    void a_body_that_is_no_error_document_still_yields_an_error_named_by_status() {
        Failure failure = failure(503, "<html><body>Service Unavailable</body></html>");

        assertThat(failure.errors().getFirst().code()).isEqualTo("HTTP_503");
        assertThat(failure.kind()).isEqualTo(ErrorKind.TRANSIENT);
        assertThat(failure(502, "").kind()).isEqualTo(ErrorKind.SERVER);
        assertThat(failure(404, "").kind()).isEqualTo(ErrorKind.NOT_FOUND);
    }

    @Test
    void a_concurrency_limit_is_transient_while_the_daily_limit_is_not() {
        assertThat(failure(403, "[{\"message\":\"ConcurrentPerOrgLongTxn Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]").kind())
                .isEqualTo(ErrorKind.TRANSIENT);
        assertThat(failure(403, "[{\"message\":\"TotalRequests Limit exceeded.\",\"errorCode\":\"REQUEST_LIMIT_EXCEEDED\"}]").kind())
                .isEqualTo(ErrorKind.LIMIT);
    }

    private static Failure failure(int status, String body) {
        return ErrorResponses.failure("GET /x", status, body.getBytes(StandardCharsets.UTF_8));
    }
}
