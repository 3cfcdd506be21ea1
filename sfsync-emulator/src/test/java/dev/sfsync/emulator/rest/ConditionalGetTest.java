package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalGetTest extends EmulatorTest {
    private static final String LATER = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusDays(1));
    private static final String EARLIER = "Tue, 10 Aug 2015 00:00:00 GMT";

    @Test
    void describes_answer_304_when_the_schema_did_not_change_since_the_given_time() {
        assertThat(conditional(data("/sobjects"), LATER).status()).isEqualTo(304);
        assertThat(conditional(data("/sobjects/Account/describe"), LATER).status()).isEqualTo(304);
        Http.Response changed = conditional(data("/sobjects/Account/describe"), EARLIER);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("Last-Modified")).endsWith("GMT");
    }

    @Test
    void a_record_answers_304_until_it_changes() {
        String id = http.post(data("/sobjects/Account"), Map.of("Name", "Stamped")).json().path("id").asText();

        assertThat(conditional(data("/sobjects/Account/" + id), LATER).status()).isEqualTo(304);
        assertThat(conditional(data("/sobjects/Account/" + id), EARLIER).json().path("Name").asText()).isEqualTo("Stamped");
    }

    private Http.Response conditional(String path, String since) {
        return http.send(http.builder(path).header("If-Modified-Since", since).GET());
    }
}
