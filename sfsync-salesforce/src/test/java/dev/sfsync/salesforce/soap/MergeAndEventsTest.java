package dev.sfsync.salesforce.soap;

import dev.sfsync.salesforce.AgainstEmulatedOrg;
import dev.sfsync.salesforce.internal.Json;
import dev.sfsync.salesforce.rest.SaveResult;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MergeAndEventsTest extends AgainstEmulatedOrg {
    @Test
    void merge_deletes_the_victims_and_moves_their_children_to_the_master() {
        String master = client.rest().create("Account", Map.of("Name", "Master")).id();
        String victim = client.rest().create("Account", Map.of("Name", "Victim")).id();
        String contact = client.rest().create("Contact", Map.of("LastName", "Child", "AccountId", victim)).id();

        MergeResult result = client.partner().merge("Account", master, List.of(victim), Map.of("Website", "https://kept.example"));

        assertThat(result.success()).as(String.valueOf(result.errors())).isTrue();
        assertThat(result.id()).isEqualTo(master);
        assertThat(result.mergedRecordIds()).containsExactly(victim);
        assertThat(result.updatedRelatedIds()).contains(contact);
        assertThat(org.records("Account")).singleElement().satisfies(a -> assertThat(a).containsEntry("Website", "https://kept.example"));
        try (var deleted = client.rest().queryAll("SELECT Id, MasterRecordId FROM Account WHERE IsDeleted = true")) {
            assertThat(deleted.stream().toList()).singleElement().satisfies(d -> assertThat(d).containsEntry("MasterRecordId", master));
        }
    }

    @Test
    void a_merge_salesforce_refuses_is_a_failed_result() {
        String master = client.rest().create("Account", Map.of("Name", "Master")).id();
        String victim = client.rest().create("Account", Map.of("Name", "Victim")).id();
        client.rest().delete("Account", victim);

        MergeResult result = client.partner().merge("Account", master, List.of(victim));

        assertThat(result.success()).isFalse();
        assertThat(result.firstError()).isNotNull();
        assertThatThrownBy(() -> client.partner().merge("Account", master, List.of("a", "b", "c"))).hasMessageContaining("one or two");
    }

    @Test
    void platform_events_publish_one_or_many_and_report_their_uuids() throws Exception {
        SaveResult one = client.rest().publish("Order_Event__e", Map.of("Order_Number__c", "A-1", "Has_Shipped__c", false));
        List<SaveResult> many = client.rest().publishAll("Order_Event__e", List.of(Map.of("Order_Number__c", "A-2"), Map.of("Order_Number__c", "A-3")));
        SaveResult refused = client.rest().publish("Order_Event__e", Map.of("Has_Shipped__c", true));

        assertThat(one.success()).isTrue();
        assertThat(one.eventUuid()).isPresent();
        assertThat(many).allSatisfy(r -> assertThat(r.eventUuid()).isPresent());
        assertThat(refused.firstError().code()).isEqualTo("REQUIRED_FIELD_MISSING");
        HttpResponse<String> published = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(org.instanceUrl() + "/__admin/events/Order_Event__e")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(Json.read(published.body().getBytes()).findValuesAsText("Order_Number__c")).containsExactly("A-1", "A-2", "A-3");
        assertThatThrownBy(() -> client.rest().publish("Account", Map.of())).hasMessageContaining("__e");
    }
}
