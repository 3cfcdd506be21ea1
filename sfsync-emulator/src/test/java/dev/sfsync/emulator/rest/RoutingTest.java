package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class RoutingTest extends EmulatorTest {
    @Test
    void a_path_with_empty_segments_is_served_as_the_path_without_them() {
        Http.Response response = http.get("//services/data/v60.0//sobjects/Account/describe");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("name").asText()).isEqualTo("Account");
    }

    @Test
    void an_unknown_rest_path_answers_salesforce_not_found_json() {
        Http.Response response = http.get("/services/data/v60.0/no/such/resource");

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get(0).path("errorCode").asText()).isEqualTo("NOT_FOUND");
        assertThat(response.json().get(0).path("message").asText()).isEqualTo("The requested resource does not exist");
    }

    @Test
    void an_unknown_bulk_1_path_answers_bulk_1_xml_and_an_unknown_soap_path_a_soap_fault() {
        Http.Response bulk = http.get("/services/async/60.0/nothing/here");
        Http.Response soap = http.post("/services/Soap/x/60.0", "{}");

        assertThat(bulk.status()).isEqualTo(400);
        assertThat(bulk.body()).contains("<exceptionCode>").doesNotContainIgnoringCase("<html");
        assertThat(soap.body()).contains("<soapenv:Fault>");
    }

    @Test
    void a_request_the_http_layer_cannot_parse_is_answered_in_json_not_an_html_page() throws Exception {
        URI base = URI.create(host.baseUrl());
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write("GET /services/data/v60.0/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).doesNotContainIgnoringCase("<html").contains("\"errorCode\":\"BAD_REQUEST\"");
        }
    }
}
