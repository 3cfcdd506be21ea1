package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SObjectEndpointsTest extends EmulatorTest {

    private String createAccount(Map<String, Object> fields) {
        Http.Response response = http.post(data("/sobjects/Account"), fields);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    @Test
    void versions_list_runs_from_50_to_the_newest_without_authentication() {
        Http.Response response = new Http(host.baseUrl()).get("/services/data");
        assertThat(response.status()).isEqualTo(200);
        JsonNode versions = response.json();
        assertThat(versions.get(0).path("version").asText()).isEqualTo("50.0");
        assertThat(versions.get(0).path("label").asText()).isEqualTo("Winter '21");
        assertThat(versions.get(0).path("url").asText()).isEqualTo("/services/data/v50.0");
        assertThat(versions.get(versions.size() - 1).path("version").asText()).isEqualTo("68.0");
    }

    @Test
    void an_unsupported_version_is_not_found() {
        assertThat(http.get("/services/data/v49.0/sobjects").status()).isEqualTo(404);
        assertThat(http.get("/services/data/v69.0/sobjects").errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void every_response_carries_the_limit_info_header() {
        Http.Response response = http.get(data("/sobjects"));
        assertThat(response.header("Sforce-Limit-Info")).matches("api-usage=\\d+/100000");
        Http.Response error = http.get(data("/sobjects/Nope__c/describe"));
        assertThat(error.header("Sforce-Limit-Info")).startsWith("api-usage=");
    }

    @Test
    void describe_global_lists_standard_and_custom_objects() {
        JsonNode body = http.get(data("/sobjects")).json();
        assertThat(body.path("encoding").asText()).isEqualTo("UTF-8");
        assertThat(body.path("maxBatchSize").asInt()).isEqualTo(200);
        assertThat(body.path("sobjects").findValuesAsText("name")).contains("Account", "Contact", "Lead", "Opportunity", "Individual", "Invoice__c");
        JsonNode invoice = findByName(body.path("sobjects"), "Invoice__c");
        assertThat(invoice.path("custom").asBoolean()).isTrue();
        assertThat(invoice.path("urls").path("describe").asText()).isEqualTo("/services/data/v60.0/sobjects/Invoice__c/describe");
    }

    @Test
    void describe_reports_the_documented_field_properties() {
        JsonNode describe = http.get(data("/sobjects/Account/describe")).json();
        assertThat(describe.path("name").asText()).isEqualTo("Account");
        assertThat(describe.path("keyPrefix").asText()).isEqualTo("001");
        JsonNode ext = findByName(describe.path("fields"), "External_Key__c");
        assertThat(ext.path("externalId").asBoolean()).isTrue();
        assertThat(ext.path("unique").asBoolean()).isTrue();
        assertThat(ext.path("length").asInt()).isEqualTo(64);
        assertThat(ext.path("type").asText()).isEqualTo("string");
        assertThat(ext.path("soapType").asText()).isEqualTo("xsd:string");
        JsonNode tier = findByName(describe.path("fields"), "Tier__c");
        assertThat(tier.path("restrictedPicklist").asBoolean()).isTrue();
        assertThat(tier.path("picklistValues").findValuesAsText("value")).containsExactly("Gold", "Silver", "Bronze");
        JsonNode formula = findByName(describe.path("fields"), "Revenue_Band__c");
        assertThat(formula.path("calculated").asBoolean()).isTrue();
        assertThat(formula.path("updateable").asBoolean()).isFalse();
        JsonNode createdOnly = findByName(describe.path("fields"), "Created_Only__c");
        assertThat(createdOnly.path("createable").asBoolean()).isTrue();
        assertThat(createdOnly.path("updateable").asBoolean()).isFalse();
        JsonNode parent = findByName(describe.path("fields"), "ParentId");
        assertThat(parent.path("referenceTo").get(0).asText()).isEqualTo("Account");
        assertThat(parent.path("relationshipName").asText()).isEqualTo("Parent");
        JsonNode name = findByName(describe.path("fields"), "Name");
        assertThat(name.path("nillable").asBoolean()).isFalse();
        assertThat(name.path("nameField").asBoolean()).isTrue();
        JsonNode id = findByName(describe.path("fields"), "Id");
        assertThat(id.path("defaultedOnCreate").asBoolean()).isTrue();
        assertThat(describe.path("childRelationships").findValuesAsText("childSObject")).contains("Contact", "Opportunity", "Invoice__c");
        assertThat(childRelationship(describe, "Contact", "AccountId").path("relationshipName").asText()).isEqualTo("Contacts");
        assertThat(childRelationship(describe, "Account", "ParentId").path("relationshipName").asText())
                .as("the account hierarchy, as jsforce's describe shows it").isEqualTo("ChildAccounts");
    }

    private static JsonNode childRelationship(JsonNode describe, String childSObject, String field) {
        for (JsonNode relationship : describe.path("childRelationships")) {
            if (relationship.path("childSObject").asText().equals(childSObject) && relationship.path("field").asText().equals(field)) {
                return relationship;
            }
        }
        throw new AssertionError("no child relationship " + childSObject + "." + field);
    }

    @Test
    void describe_applies_field_level_security_of_the_caller() {
        Http sales = salesUser();
        JsonNode fields = sales.get(data("/sobjects/Account/describe")).json().path("fields");
        assertThat(fields.findValuesAsText("name")).doesNotContain("Secret_Notes__c");
        JsonNode revenue = findByName(fields, "AnnualRevenue");
        assertThat(revenue.path("createable").asBoolean()).isFalse();
        assertThat(revenue.path("updateable").asBoolean()).isFalse();
    }

    @Test
    void create_retrieve_update_delete_round_trip() {
        String id = createAccount(Map.of("Name", "Acme", "Tier__c", "Gold", "NumberOfEmployees", 12, "Is_Partner__c", true,
                "Founded__c", "2001-02-03", "Last_Seen__c", "2024-05-06T07:08:09.000+0000", "Score__c", 12.345));
        assertThat(id).startsWith("001").hasSize(18);

        JsonNode record = http.get(data("/sobjects/Account/" + id)).json();
        assertThat(record.path("attributes").path("type").asText()).isEqualTo("Account");
        assertThat(record.path("attributes").path("url").asText()).isEqualTo("/services/data/v60.0/sobjects/Account/" + id);
        assertThat(record.path("Name").asText()).isEqualTo("Acme");
        assertThat(record.path("NumberOfEmployees").asInt()).isEqualTo(12);
        assertThat(record.path("Is_Partner__c").asBoolean()).isTrue();
        assertThat(record.path("Founded__c").asText()).isEqualTo("2001-02-03");
        assertThat(record.path("Last_Seen__c").asText()).isEqualTo("2024-05-06T07:08:09.000+0000");
        assertThat(record.path("Score__c").asDouble()).isEqualTo(12.35);
        assertThat(record.path("CreatedDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
        assertThat(record.path("OwnerId").asText()).startsWith("005");
        assertThat(record.path("IsDeleted").asBoolean()).isFalse();

        JsonNode selected = http.get(data("/sobjects/Account/" + id + "?fields=Name,Tier__c")).json();
        assertThat(selected.size()).isEqualTo(3);

        assertThat(http.patch(data("/sobjects/Account/" + id), Map.of("Name", "Acme Corp")).status()).isEqualTo(204);
        assertThat(http.get(data("/sobjects/Account/" + id.substring(0, 15))).json().path("Name").asText()).isEqualTo("Acme Corp");

        assertThat(http.delete(data("/sobjects/Account/" + id)).status()).isEqualTo(204);
        Http.Response gone = http.get(data("/sobjects/Account/" + id));
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.errorCode()).isEqualTo("ENTITY_IS_DELETED");
        assertThat(host.org().store("Account").orElseThrow().get(id).orElseThrow().isDeleted()).isTrue();
    }

    @Test
    void upsert_creates_with_201_then_updates_with_200_and_created_false() {
        Http.Response created = http.patch(data("/sobjects/Account/External_Key__c/K-1"), Map.of("Name", "First"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("created").asBoolean()).isTrue();
        assertThat(created.json().path("success").asBoolean()).isTrue();

        Http.Response updated = http.patch(data("/sobjects/Account/External_Key__c/K-1"), Map.of("Name", "Second"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().path("created").asBoolean()).isFalse();
        assertThat(updated.json().path("id").asText()).isEqualTo(created.json().path("id").asText());
        assertThat(http.get(data("/sobjects/Account/External_Key__c/K-1")).json().path("Name").asText()).isEqualTo("Second");
    }

    @Test
    void upsert_matching_several_records_answers_300_with_their_urls() {
        createAccount(Map.of("Name", "One", "Legacy_Code__c", "L-1"));
        createAccount(Map.of("Name", "Two", "Legacy_Code__c", "L-1"));
        Http.Response response = http.patch(data("/sobjects/Account/Legacy_Code__c/L-1"), Map.of("Name", "Three"));
        assertThat(response.status()).isEqualTo(300);
        assertThat(response.json()).hasSize(2);
        assertThat(response.json().get(0).asText()).startsWith("/services/data/v60.0/sobjects/Account/001");
    }

    @Test
    void upsert_refuses_a_field_that_is_not_an_external_id() {
        Http.Response response = http.patch(data("/sobjects/Account/Phone/123"), Map.of("Name", "x"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(http.patch(data("/sobjects/Account/Nope__c/1"), Map.of("Name", "x")).errorCode()).isEqualTo("NOT_FOUND");
    }

    @Test
    void upsert_of_an_existing_record_refuses_create_only_fields() {
        http.patch(data("/sobjects/Account/External_Key__c/K-2"), Map.of("Name", "A", "Created_Only__c", "set once"));
        Http.Response again = http.patch(data("/sobjects/Account/External_Key__c/K-2"), Map.of("Name", "A", "Created_Only__c", "changed"));
        assertThat(again.errorCode()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
        assertThat(again.json().get(0).path("fields").get(0).asText()).isEqualTo("Created_Only__c");
    }

    @Test
    void a_lookup_can_be_set_through_the_parents_external_id() {
        String accountId = createAccount(Map.of("Name", "Parent", "External_Key__c", "P-1"));
        Http.Response contact = http.post(data("/sobjects/Contact"), Map.of("LastName", "Child", "Account", Map.of("External_Key__c", "P-1")));
        assertThat(contact.status()).as(contact.toString()).isEqualTo(201);
        assertThat(http.get(data("/sobjects/Contact/" + contact.json().path("id").asText())).json().path("AccountId").asText()).isEqualTo(accountId);
        Http.Response missing = http.post(data("/sobjects/Contact"), Map.of("LastName", "Orphan", "Account", Map.of("External_Key__c", "P-404")));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get(0).path("message").asText()).contains("P-404");
    }

    @Test
    void person_names_are_derived_and_auto_numbers_assigned() {
        Http.Response contact = http.post(data("/sobjects/Contact"), Map.of("FirstName", "Grace", "LastName", "Hopper"));
        assertThat(http.get(data("/sobjects/Contact/" + contact.json().path("id").asText())).json().path("Name").asText()).isEqualTo("Grace Hopper");
        Http.Response invoice = http.post(data("/sobjects/Invoice__c"), Map.of("Amount__c", 10));
        assertThat(invoice.status()).as(invoice.toString()).isEqualTo(201);
        assertThat(http.get(data("/sobjects/Invoice__c/" + invoice.json().path("id").asText())).json().path("Name").asText()).isEqualTo("A-0001");
    }

    static JsonNode findByName(JsonNode array, String name) {
        for (JsonNode node : array) {
            if (node.path("name").asText().equals(name)) {
                return node;
            }
        }
        throw new AssertionError("no element named " + name + " in " + array);
    }

    private Http salesUser() {
        var user = host.org().user("sales@test.org").orElseThrow();
        return http.withToken(host.sessions().issue(user, host.org().definition().connectedApps().getFirst(), "api", null).accessToken());
    }
}
