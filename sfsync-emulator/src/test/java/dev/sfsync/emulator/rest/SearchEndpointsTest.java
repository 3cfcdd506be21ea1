package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SearchEndpointsTest extends EmulatorTest {
    @Test
    void sosl_finds_whole_words_in_the_returning_objects_with_their_fields() {
        http.post(data("/sobjects/Account"), Map.of("Name", "Acme Rockets"));
        http.post(data("/sobjects/Account"), Map.of("Name", "Acmeco"));
        http.post(data("/sobjects/Contact"), Map.of("LastName", "Acme"));

        JsonNode records = search("FIND {acme} IN ALL FIELDS RETURNING Account(Id, Name), Contact(LastName)");

        assertThat(names(records)).containsExactly("Account:Acme Rockets", "Contact:Acme");
        assertThat(records.get(0).path("attributes").path("url").asText()).contains("/sobjects/Account/");
    }

    @Test
    void wildcards_or_and_per_object_limits_narrow_the_search() {
        http.post(data("/sobjects/Account"), Map.of("Name", "Globex One"));
        http.post(data("/sobjects/Account"), Map.of("Name", "Globex Two"));
        http.post(data("/sobjects/Account"), Map.of("Name", "Initech"));

        assertThat(search("FIND {glob*} RETURNING Account(Name ORDER BY Name LIMIT 1)")).hasSize(1);
        assertThat(names(search("FIND {Initech OR \"Globex Two\"} RETURNING Account(Name ORDER BY Name)")))
                .containsExactly("Account:Globex Two", "Account:Initech");
    }

    @Test
    void parameterized_search_takes_the_term_objects_and_fields_as_parameters() {
        http.post(data("/sobjects/Account"), Map.of("Name", "Umbrella Corp"));

        Http.Response get = http.get(data("/parameterizedSearch?q=umbrella&sobject=Account&Account.fields=Name"));
        Http.Response post = http.post(data("/parameterizedSearch"), Map.of("q", "umbrella", "sobjects", List.of(Map.of("name", "Account")),
                "fields", List.of("Id", "Name")));

        assertThat(names(get.json().path("searchRecords"))).containsExactly("Account:Umbrella Corp");
        assertThat(names(post.json().path("searchRecords"))).containsExactly("Account:Umbrella Corp");
    }

    @Test
    void without_returning_every_searchable_object_is_searched_and_ids_come_back() {
        String id = http.post(data("/sobjects/Lead"), Map.of("LastName", "Zebulon", "Company", "Stripes")).json().path("id").asText();

        JsonNode records = search("FIND {Zebulon}");

        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("Id").asText()).isEqualTo(id);
        assertThat(records.get(0).path("attributes").path("type").asText()).isEqualTo("Lead");
    }

    @Test
    void a_statement_that_is_not_sosl_is_malformed_search() {
        Http.Response response = http.get(data("/search?q=" + URLEncoder.encode("SELECT Id FROM Account", StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get(0).path("errorCode").asText()).isEqualTo("MALFORMED_SEARCH");
    }

    private JsonNode search(String sosl) {
        Http.Response response = http.get(data("/search?q=" + URLEncoder.encode(sosl, StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().path("searchRecords");
    }

    private static List<String> names(JsonNode records) {
        List<String> out = new ArrayList<>();
        for (JsonNode record : records) {
            String name = record.has("Name") ? record.path("Name").asText() : record.path("LastName").asText();
            out.add(record.path("attributes").path("type").asText() + ":" + name);
        }
        return out;
    }
}
