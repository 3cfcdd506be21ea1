package dev.sfsync.salesforce.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class SoapTest {
    @Test
    void an_envelope_carries_the_session_header_escaped_and_the_body() {
        String envelope = new String(Soap.envelope("http://soap.sforce.com/2006/04/metadata", null, "00D!a<b", "<x/>"), StandardCharsets.UTF_8);

        assertThat(envelope).contains("<soapenv:Header><SessionHeader><sessionId>00D!a&lt;b</sessionId></SessionHeader></soapenv:Header>",
                "xmlns=\"http://soap.sforce.com/2006/04/metadata\"", "<soapenv:Body><x/></soapenv:Body>");
    }

    @Test
    void a_rebuilt_request_puts_the_new_token_in_the_body() {
        ApiRequest request = Soap.request("/services/Soap/u/62.0", "urn:partner.soap.sforce.com", null, "<merge/>", ApiRequest.Idempotency.ONCE_ONLY);

        assertThat(new String(request.body().apply("first-token").preview(10_000), StandardCharsets.UTF_8)).contains("first-token");
        assertThat(new String(request.body().apply("second-token").preview(10_000), StandardCharsets.UTF_8)).contains("second-token");
        assertThat(request.headers()).containsEntry("SOAPAction", "\"\"");
    }
}
