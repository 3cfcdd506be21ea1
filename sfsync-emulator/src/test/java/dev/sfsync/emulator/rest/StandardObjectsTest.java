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

class StandardObjectsTest extends EmulatorTest {
    @Test
    void the_organization_record_answers_the_query_the_salesforce_cli_makes() {
        JsonNode result = query("SELECT Name, TrialExpirationDate, IsSandbox, NamespacePrefix, InstanceName, OrganizationType FROM Organization");

        assertThat(result.path("totalSize").asInt()).isEqualTo(1);
        JsonNode org = result.path("records").get(0);
        assertThat(org.path("attributes").path("type").asText()).isEqualTo("Organization");
        assertThat(org.path("IsSandbox").asBoolean()).isFalse();
        assertThat(org.path("OrganizationType").asText()).isEqualTo("Developer Edition");
        assertThat(org.path("TrialExpirationDate").isNull()).isTrue();
        assertThat(org.path("NamespacePrefix").isNull()).isTrue();
        assertThat(org.path("InstanceName").asText()).isNotBlank();
        assertThat(http.get(data("/sobjects/Organization/" + host.org().id())).json().path("Name").asText()).isEqualTo(host.org().name());
    }

    @Test
    void the_organization_cannot_be_written_through_the_api() {
        Http.Response insert = http.post(data("/sobjects/Organization"), Map.of("Phone", "1"));
        Http.Response update = http.patch(data("/sobjects/Organization/" + host.org().id()), Map.of());
        Http.Response delete = http.delete(data("/sobjects/Organization/" + host.org().id()));

        assertThat(insert.status()).isEqualTo(400);
        assertThat(update.status()).isEqualTo(400);
        assertThat(delete.status()).isEqualTo(400);
        assertThat(delete.json().get(0).path("errorCode").asText()).isEqualTo("INVALID_TYPE_FOR_OPERATION");
        assertThat(query("SELECT Id FROM Organization").path("totalSize").asInt()).isEqualTo(1);
    }

    @Test
    void describe_global_lists_the_standard_objects_of_a_developer_edition_org_with_their_key_prefixes() {
        Map<String, String> prefixes = new java.util.HashMap<>();
        for (JsonNode object : http.get(data("/sobjects")).json().path("sobjects")) {
            prefixes.put(object.path("name").asText(), object.path("keyPrefix").asText());
        }

        assertThat(prefixes).containsEntry("Organization", "00D").containsEntry("Task", "00T").containsEntry("Event", "00U")
                .containsEntry("Case", "500").containsEntry("Campaign", "701").containsEntry("CampaignMember", "00v")
                .containsEntry("OpportunityContactRole", "00K").containsEntry("Attachment", "00P")
                .containsEntry("ContentVersion", "068").containsEntry("UserRole", "00E").containsEntry("Group", "00G");
    }

    @Test
    void a_task_points_at_a_lead_or_a_contact_through_its_polymorphic_who_id() {
        String lead = http.post(data("/sobjects/Lead"), Map.of("LastName", "Lee", "Company", "Acme")).json().path("id").asText();
        Http.Response task = http.post(data("/sobjects/Task"), Map.of("Subject", "Call", "WhoId", lead));

        assertThat(task.status()).as(task.body()).isEqualTo(201);
        JsonNode saved = http.get(data("/sobjects/Task/" + task.json().path("id").asText())).json();
        assertThat(saved.path("Status").asText()).isEqualTo("Not Started");
        assertThat(saved.path("WhoId").asText()).isEqualTo(lead);
        List<String> children = new ArrayList<>();
        http.get(data("/sobjects/Lead/describe")).json().path("childRelationships")
                .forEach(r -> children.add(r.path("childSObject").asText() + "." + r.path("field").asText()));
        assertThat(children).contains("Task.WhoId", "CampaignMember.LeadId");
    }

    private JsonNode query(String soql) {
        Http.Response response = http.get(data("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
