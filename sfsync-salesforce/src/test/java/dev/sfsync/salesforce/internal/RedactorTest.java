package dev.sfsync.salesforce.internal;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RedactorTest {
    private final Redactor redactor = new Redactor();

    @Test
    void secret_form_fields_json_keys_and_soap_elements_are_masked_by_name() {
        assertThat(redactor.text("grant_type=password&client_id=abc&client_secret=s3cr3t&password=pw&username=u"))
                .isEqualTo("grant_type=password&client_id=abc&client_secret=[REDACTED]&password=[REDACTED]&username=u");
        assertThat(redactor.text("{\"access_token\":\"00D!x\",\"instance_url\":\"https://x\",\"refresh_token\" : \"5Aep\\\"x\"}"))
                .isEqualTo("{\"access_token\":\"[REDACTED]\",\"instance_url\":\"https://x\",\"refresh_token\" : \"[REDACTED]\"}");
        assertThat(redactor.text("<env:Header><SessionHeader><sessionId>00D!abc</sessionId></SessionHeader>"))
                .isEqualTo("<env:Header><SessionHeader><sessionId>[REDACTED]</sessionId></SessionHeader>");
    }

    @Test
    void a_remembered_secret_is_masked_wherever_it_appears() {
        redactor.remember("00Dxx0000001gPL!AQ4AQFakeToken");

        assertThat(redactor.text("token in an odd place: 00Dxx0000001gPL!AQ4AQFakeToken."))
                .isEqualTo("token in an odd place: [REDACTED].");
        assertThat(redactor.uri(URI.create("http://localhost/cb?code=abc&state=xyz")))
                .hasToString("http://localhost/cb?code=REDACTED&state=xyz");
    }

    @Test
    void authorization_and_session_headers_are_masked_whole() {
        Map<String, List<String>> headers = redactor.headers(Map.of("Authorization", List.of("Bearer abc"), "X-SFDC-Session", List.of("abc"),
                "Content-Type", List.of("application/json")));

        assertThat(headers).containsEntry("Authorization", List.of("[REDACTED]")).containsEntry("X-SFDC-Session", List.of("[REDACTED]"))
                .containsEntry("Content-Type", List.of("application/json"));
    }

    @Test
    void a_secret_cut_open_by_a_preview_limit_is_masked_too() {
        redactor.remember("00Dxx0000001gPL!AQ4AQFakeToken");

        assertThat(redactor.cutText("{\"id\":\"x\",\"access_token\":\"00Dxx00000")).isEqualTo("{\"id\":\"x\",\"access_token\":\"[REDACTED]");
        assertThat(redactor.cutText("<result><sessionId>00Dxx0000001g")).isEqualTo("<result><sessionId>[REDACTED]");
        assertThat(redactor.cutText("grant_type=password&password=hunt")).isEqualTo("grant_type=password&password=[REDACTED]");
        assertThat(redactor.cutText("an echo of 00Dxx0000001gPL!AQ")).isEqualTo("an echo of [REDACTED]");
        assertThat(redactor.cutText("{\"Name\":\"Acme\"")).isEqualTo("{\"Name\":\"Acme\"");
    }
}
