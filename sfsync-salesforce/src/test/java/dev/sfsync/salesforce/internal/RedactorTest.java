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
    void a_body_of_records_is_left_as_it_is_and_a_secret_among_them_is_masked_in_any_case_of_its_name() {
        String records = "{\"allOrNone\":false,\"records\":[" + "{\"attributes\":{\"type\":\"Account\"},\"Name\":\"Acme = 1\",\"Website\":\"https://a.example.com/?q=1\"},".repeat(50)
                + "{\"Name\":\"last\"}]}";
        assertThat(redactor.text(records)).isSameAs(records);
        assertThat(redactor.text(records + " bEaReR abcdefgh12345")).endsWith(" bEaReR [REDACTED]");
        assertThat(redactor.text(records.replace("\"last\"", "\"last\",\"token\":\"t0k3n\""))).contains("\"token\":\"[REDACTED]\"").doesNotContain("t0k3n");
        assertThat(redactor.text(records + " https://x/cb?token=abc")).endsWith("?token=[REDACTED]");
        assertThat(redactor.text(records + " eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.abc")).endsWith(" [REDACTED]");
        assertThat(redactor.text(records + "<s:password>pw</s:password>")).endsWith("<s:password>[REDACTED]</s:password>");
    }

    @Test
    void a_remembered_secret_is_masked_wherever_it_stands_as_a_whole_value() {
        redactor.remember("00Dxx0000001gPL!AQ4AQFakeToken");
        redactor.remember("s3cr3t-Pa55word");

        assertThat(redactor.text("token in an odd place: 00Dxx0000001gPL!AQ4AQFakeToken."))
                .isEqualTo("token in an odd place: [REDACTED].");
        assertThat(redactor.text("the secret is s3cr3t-Pa55word. Really: s3cr3t-Pa55word!")).isEqualTo("the secret is [REDACTED]. Really: [REDACTED]!");
        assertThat(redactor.text("{\"Description\":\"s3cr3t-Pa55word\"}")).isEqualTo("{\"Description\":\"[REDACTED]\"}");
        assertThat(redactor.text("Name,Note\nAcme,s3cr3t-Pa55word\n")).isEqualTo("Name,Note\nAcme,[REDACTED]\n");
        assertThat(redactor.text("<Note>s3cr3t-Pa55word</Note>")).isEqualTo("<Note>[REDACTED]</Note>");
        assertThat(redactor.uri(URI.create("http://localhost/cb?code=abc&state=xyz")))
                .hasToString("http://localhost/cb?code=REDACTED&state=xyz");
    }

    @Test
    void a_remembered_secret_is_masked_inside_urls_and_paths_where_their_separators_end_it() {
        redactor.remember("s3cr3t-Pa55word");
        redactor.remember("emulator");

        assertThat(redactor.text("could not reach https://ada:s3cr3t-Pa55word@db.example.com:5432/app"))
                .isEqualTo("could not reach https://ada:[REDACTED]@db.example.com:5432/app");
        assertThat(redactor.text("no such file /keys/s3cr3t-Pa55word/id.pem")).isEqualTo("no such file /keys/[REDACTED]/id.pem");
        assertThat(redactor.text("GET /vaults/s3cr3t-Pa55word?x=1#s3cr3t-Pa55word")).isEqualTo("GET /vaults/[REDACTED]?x=1#[REDACTED]");
        assertThat(redactor.text("smtp://mailer:emulator@smtp.example/")).isEqualTo("smtp://mailer:[REDACTED]@smtp.example/");
        assertThat(redactor.uri(URI.create("https://ada:s3cr3t-Pa55word@db.example.com/app")))
                .hasToString("https://ada:REDACTED@db.example.com/app");
        // A host or a file named with the word is not the secret.
        assertThat(redactor.text("https://emulator.example/emulator.pem and admin@emulator and /srv/emulator-2/"))
                .isEqualTo("https://emulator.example/emulator.pem and admin@emulator and /srv/emulator-2/");
    }

    @Test
    void a_remembered_secret_inside_a_longer_word_is_left_alone() {
        redactor.remember("emulator");

        assertThat(redactor.text("{\"Username\":\"admin@emulator.sfsync.dev\",\"Site\":\"https://emulator.example/x\"}"))
                .isEqualTo("{\"Username\":\"admin@emulator.sfsync.dev\",\"Site\":\"https://emulator.example/x\"}");
        assertThat(redactor.text("emulators and my_emulator")).isEqualTo("emulators and my_emulator");
        assertThat(redactor.text("{\"Note\":\"emulator\"}")).isEqualTo("{\"Note\":\"[REDACTED]\"}");
        assertThat(redactor.text("grant_type=password&username=admin%40emulator.dev&password=emulator"))
                .isEqualTo("grant_type=password&username=admin%40emulator.dev&password=[REDACTED]");
    }

    @Test
    void a_remembered_secret_is_masked_url_encoded_and_json_escaped_too() {
        redactor.remember("p@ss \"word\"/x");

        assertThat(redactor.text("x=p%40ss+%22word%22%2Fx&y=1")).isEqualTo("x=[REDACTED]&y=1");
        assertThat(redactor.text("{\"Note\":\"p@ss \\\"word\\\"\\/x\"}")).isEqualTo("{\"Note\":\"[REDACTED]\"}");
    }

    @Test
    void tokens_are_masked_by_their_shape_wherever_they_are() {
        String accessToken = "00D5g000004ABCD!AQ0AQNz8.mXVH3jKq_5iTfZ4yW1OxxRLmQ2ePuD9c";
        String refreshToken = "5Aep861TSESvWeug_xvFHRBTTbf_YrTWgEyjBJrdq8Uw.7sBq2kC9oXVRVmPazBmdw9Qp";
        String jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIzTVZHOSJ9.c2lnbmF0dXJl";

        assertThat(redactor.text("session " + accessToken + " refresh " + refreshToken + " assertion " + jwt))
                .isEqualTo("session [REDACTED] refresh [REDACTED] assertion [REDACTED]");
        assertThat(redactor.text("INVALID_SESSION_ID: sent Authorization: Bearer abcdefgh12345678 and OAuth zyxwvuts98765432"))
                .isEqualTo("INVALID_SESSION_ID: sent Authorization: Bearer [REDACTED] and OAuth [REDACTED]");
        assertThat(redactor.text("Account 001000000000001AAA of org 00D000000000001EAA")).as("ids are not tokens")
                .isEqualTo("Account 001000000000001AAA of org 00D000000000001EAA");
    }

    @Test
    void what_is_shown_on_a_terminal_or_page_loses_its_control_characters_but_line_breaks_and_tabs() {
        assertThat(redactor.forDisplay("{\"Name\":\"\u001b]0;owned\u0007\u001b[31mred\u001b[0m\"}\n\tnext\r\u202eline"))
                .isEqualTo("{\"Name\":\"]0;owned[31mred[0m\"}\n\tnextline");
        assertThat(redactor.forDisplay("password=hunter22&x=1")).isEqualTo("password=[REDACTED]&x=1");
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
