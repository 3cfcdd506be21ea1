package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LayoutEndpointsTest extends EmulatorTest {
    @Test
    void describe_layouts_answers_one_layout_with_the_objects_fields_and_the_master_record_type() {
        Http.Response response = http.get(data("/sobjects/Account/describe/layouts/"));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode layout = response.json().path("layouts").get(0);
        JsonNode firstItem = layout.path("detailLayoutSections").get(0).path("layoutRows").get(0).path("layoutItems").get(0);
        assertThat(firstItem.path("layoutComponents").get(0).path("type").asText()).isEqualTo("Field");
        assertThat(response.json().path("recordTypeMappings").get(0).path("master").asBoolean()).isTrue();
        assertThat(response.json().path("recordTypeSelectorRequired").get(0).asBoolean()).isFalse();
    }

    @Test
    void listviews_lists_the_all_view_whose_results_url_answers_the_records() {
        http.post(data("/sobjects/Account"), Map.of("Name", "Listed"));

        JsonNode views = http.get(data("/sobjects/Account/listviews")).json();
        String results = views.path("listviews").get(0).path("resultsUrl").asText();
        JsonNode page = http.get(results).json();

        assertThat(views.path("sobjectType").asText()).isEqualTo("Account");
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("records").get(0).path("columns").get(1).path("value").asText()).isEqualTo("Listed");
    }

    @Test
    void recent_lists_the_last_changed_records_newest_first() {
        http.post(data("/sobjects/Account"), Map.of("Name", "Older"));
        http.post(data("/sobjects/Contact"), Map.of("LastName", "Newer"));

        JsonNode recent = http.get(data("/recent?limit=1")).json();

        assertThat(recent).as(recent.toString()).hasSize(1);
        assertThat(recent.get(0).path("attributes").path("type").asText()).as(recent.toString()).isEqualTo("Contact");
    }

    @Test
    void a_resource_under_an_object_that_does_not_exist_says_so() {
        Http.Response response = http.get(data("/sobjects/Account/listviews/00B000000000000AAA/results"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get(0).path("errorCode").asText()).isEqualTo("NOT_FOUND");
    }
}
