package dev.sfsync.emulator.tooling;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ToolingCustomFieldTest extends EmulatorTest {

    @Test
    void create_answers_201_with_a_custom_field_id_and_the_field_is_live() {
        Http.Response response = http.post(tooling("/sobjects/CustomField"), Map.of("FullName", "Account.Region__c",
                "Metadata", Map.of("type", "Text", "length", 40, "label", "Region", "externalId", true)));

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        assertThat(body.path("id").asText()).startsWith("00N").hasSize(18);
        assertThat(body.path("success").asBoolean()).isTrue();
        assertThat(body.path("errors")).isEmpty();
        assertThat(body.has("warnings")).isTrue();
        assertThat(http.patch(data("/sobjects/Account/Region__c/R-1"), Map.of("Name", "Acme")).status()).isEqualTo(201);

        JsonNode record = http.get(tooling("/sobjects/CustomField/" + body.path("id").asText())).json();
        assertThat(record.path("attributes").path("type").asText()).isEqualTo("CustomField");
        assertThat(record.path("FullName").asText()).isEqualTo("Account.Region__c");
        assertThat(record.path("DeveloperName").asText()).isEqualTo("Region");
        assertThat(record.path("Metadata").path("type").asText()).isEqualTo("Text");
        assertThat(record.path("Metadata").path("length").asInt()).isEqualTo(40);
        assertThat(record.path("Metadata").path("externalId").asBoolean()).isTrue();
    }

    @Test
    void query_lists_custom_fields_with_the_id_create_returned() {
        String id = http.post(tooling("/sobjects/CustomField"), Map.of("FullName", "Account.Tier2__c",
                "Metadata", Map.of("type", "Picklist", "label", "Tier 2", "valueSet", Map.of("restricted", true,
                        "valueSetDefinition", Map.of("value", List.of(Map.of("fullName", "A", "default", false, "label", "A"))))))).json().path("id").asText();

        JsonNode result = query("SELECT Id, DeveloperName, TableEnumOrId FROM CustomField WHERE TableEnumOrId = 'Account' AND DeveloperName = 'Tier2'");
        assertThat(result.path("size").asInt()).isEqualTo(1);
        assertThat(result.path("totalSize").asInt()).isEqualTo(1);
        assertThat(result.path("done").asBoolean()).isTrue();
        assertThat(result.path("entityTypeName").asText()).isEqualTo("CustomField");
        JsonNode row = result.path("records").get(0);
        assertThat(row.path("Id").asText()).isEqualTo(id);
        assertThat(row.path("TableEnumOrId").asText()).isEqualTo("Account");
        assertThat(row.path("attributes").path("url").asText()).isEqualTo("/services/data/v60.0/tooling/sobjects/CustomField/" + id);

        JsonNode all = query("SELECT DeveloperName FROM CustomField WHERE TableEnumOrId = 'Account'");
        assertThat(all.path("records").findValuesAsText("DeveloperName")).contains("External_Key", "Tier", "Tier2");
        JsonNode one = query("SELECT FullName, Metadata FROM CustomField WHERE Id = '" + id + "'");
        assertThat(one.path("records").get(0).path("Metadata").path("valueSet").path("restricted").asBoolean()).isTrue();
    }

    @Test
    void full_name_and_metadata_can_only_be_queried_for_one_row() {
        Http.Response response = http.get(tooling("/query?q=" + encode("SELECT FullName FROM CustomField WHERE TableEnumOrId = 'Account'")));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(response.json().path(0).path("message").asText()).contains("no more than one row");
    }

    @Test
    void errors_come_in_the_rest_error_format() {
        Map<String, Object> text = Map.of("type", "Text", "length", 10, "label", "X");
        Http.Response duplicate = http.post(tooling("/sobjects/CustomField"), Map.of("FullName", "Account.External_Key__c", "Metadata", text));
        assertThat(duplicate.status()).isEqualTo(400);
        assertThat(duplicate.errorCode()).isEqualTo("DUPLICATE_DEVELOPER_NAME");
        assertThat(duplicate.json().path(0).path("fields").get(0).asText()).isEqualTo("fullName");
        assertThat(http.post(tooling("/sobjects/CustomField"), Map.of("FullName", "Nope__c.X__c", "Metadata", text)).errorCode())
                .isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(http.post(tooling("/sobjects/CustomField"), Map.of("FullName", "Account.X__c",
                "Metadata", Map.of("type", "Text", "length", 256, "label", "X"))).errorCode()).isEqualTo("FIELD_INTEGRITY_EXCEPTION");
        assertThat(http.post(tooling("/sobjects/CustomField"), Map.of("Metadata", text)).errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(http.get(tooling("/sobjects/CustomField/00N8d0000000001")).status()).isEqualTo(404);

        var sales = host.org().user("sales@test.org").orElseThrow();
        Http salesHttp = http.withToken(host.sessions().issue(sales, null, "api", null).accessToken());
        assertThat(salesHttp.post(tooling("/sobjects/CustomField"), Map.of("FullName", "Account.Y__c", "Metadata", text)).errorCode())
                .isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
    }

    @Test
    void update_and_delete_by_id_change_the_live_field() {
        String id = http.post(tooling("/sobjects/CustomField"), Map.of("FullName", "Contact.Code__c",
                "Metadata", Map.of("type", "Text", "length", 10, "label", "Code"))).json().path("id").asText();
        assertThat(http.patch(tooling("/sobjects/CustomField/" + id), Map.of("Metadata", Map.of("type", "Text", "length", 30, "label", "Code")))
                .status()).isEqualTo(204);
        assertThat(http.get(tooling("/sobjects/CustomField/" + id)).json().path("Length").asInt()).isEqualTo(30);
        assertThat(http.delete(tooling("/sobjects/CustomField/" + id)).status()).isEqualTo(204);
        assertThat(http.get(data("/query?q=SELECT+Code__c+FROM+Contact")).errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(http.get(tooling("/sobjects/CustomField/" + id)).status()).isEqualTo(404);
    }

    private JsonNode query(String soql) {
        Http.Response response = http.get(tooling("/query?q=" + encode(soql)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static String encode(String soql) {
        return URLEncoder.encode(soql, StandardCharsets.UTF_8);
    }

    private static String tooling(String path) {
        return "/services/data/v60.0/tooling" + path;
    }
}
