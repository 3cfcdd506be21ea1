package dev.sfsync.emulator.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformEventsTest extends EmulatorTest {

    @Test
    void publishing_answers_201_with_an_event_id_and_the_enqueued_uuid() {
        Http.Response response = http.post(data("/sobjects/Low_Ink__e"), Map.of("Printer_Model__c", "XZO-5"));
        assertThat(response.status()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("id").asText()).startsWith("e0").hasSize(18);
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("errors")).hasSize(1);
        assertThat(body.path("errors").get(0).path("statusCode").asText()).isEqualTo("OPERATION_ENQUEUED");
        String uuid = body.path("errors").get(0).path("message").asText();
        assertThat(uuid).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

        JsonNode published = admin().get("/__admin/events/Low_Ink__e").json();
        assertThat(published).hasSize(1);
        assertThat(published.get(0).path("EventUuid").asText()).isEqualTo(uuid);
        assertThat(published.get(0).path("Printer_Model__c").asText()).isEqualTo("XZO-5");
        assertThat(published.get(0).path("ReplayId").asText()).isEqualTo("1");
        assertThat(published.get(0).path("CreatedById").asText()).isEqualTo(host.org().defaultUser().id());
        assertThat(published.get(0).path("CreatedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+0000");
    }

    @Test
    void collections_publish_several_events_in_order_and_invalid_ones_fail_alone() {
        JsonNode results = http.post(data("/composite/sobjects"), Map.of("records", List.of(
                event("A-1"), Map.of("attributes", Map.of("type", "Low_Ink__e"), "Ink_Level__c", 5), event("A-3")))).json();
        assertThat(results.findValuesAsText("success")).containsExactly("true", "false", "true");
        assertThat(results.get(1).path("errors").get(0).path("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");

        JsonNode published = admin().get("/__admin/events/Low_Ink__e").json();
        assertThat(published.findValuesAsText("Printer_Model__c")).containsExactly("A-1", "A-3");
        assertThat(published.findValuesAsText("ReplayId")).containsExactly("1", "2");
    }

    @Test
    void published_events_cannot_be_updated_or_deleted() {
        String id = http.post(data("/sobjects/Low_Ink__e"), Map.of("Printer_Model__c", "XZO-5")).json().path("id").asText();

        Http.Response update = http.patch(data("/sobjects/Low_Ink__e/" + id), Map.of("Printer_Model__c", "other"));
        assertThat(update.status()).isEqualTo(400);
        assertThat(update.errorCode()).isEqualTo("INVALID_TYPE_FOR_OPERATION");
        Http.Response delete = http.delete(data("/sobjects/Low_Ink__e/" + id));
        assertThat(delete.errorCode()).isEqualTo("INVALID_TYPE_FOR_OPERATION");
        JsonNode collectionDelete = http.delete(data("/composite/sobjects?ids=" + id)).json();
        assertThat(collectionDelete.get(0).path("errors").get(0).path("statusCode").asText()).isEqualTo("INVALID_TYPE_FOR_OPERATION");

        assertThat(admin().get("/__admin/events/Low_Ink__e").json().get(0).path("Printer_Model__c").asText()).isEqualTo("XZO-5");
    }

    @Test
    void events_are_not_queryable() {
        http.post(data("/sobjects/Low_Ink__e"), Map.of("Printer_Model__c", "XZO-5"));
        Http.Response response = http.get(data("/query?q=SELECT+Id+FROM+Low_Ink__e"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("INVALID_TYPE");
        assertThat(response.json().path(0).path("message").asText()).contains("sObject type 'Low_Ink__e' is not supported");
    }

    @Test
    void the_admin_endpoint_names_what_is_wrong_with_an_unknown_event() {
        Http.Response response = admin().get("/__admin/events/Account");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path(0).path("message").asText()).contains("no platform event named 'Account'");
    }

    private static Map<String, Object> event(String model) {
        return Map.of("attributes", Map.of("type", "Low_Ink__e"), "Printer_Model__c", model);
    }

    private static Http admin() {
        return new Http(host.baseUrl());
    }
}
