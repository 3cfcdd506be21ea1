package dev.sfsync.emulator.soap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PartnerMergeTest extends EmulatorTest {

    @Test
    void merge_updates_the_master_deletes_the_others_and_moves_their_children() {
        String master = create("Account", Map.of("Name", "Acme"));
        String victim1 = create("Account", Map.of("Name", "ACME Inc"));
        String victim2 = create("Account", Map.of("Name", "Acme Corp"));
        String contact = create("Contact", Map.of("LastName", "Jones", "AccountId", victim1));
        String opportunity = create("Opportunity", Map.of("Name", "Deal", "StageName", "Prospecting", "CloseDate", "2030-01-01", "AccountId", victim2));
        String untouched = create("Contact", Map.of("LastName", "Other", "AccountId", master));

        SoapCall.Answer answer = merge(request("Account", master, "<sf:Phone>555-0100</sf:Phone>", victim1, victim2));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        Element result = answer.elements("result").getFirst();
        assertThat(SoapCall.childNames(result)).containsExactly("id", "mergedRecordIds", "mergedRecordIds", "success",
                "updatedRelatedIds", "updatedRelatedIds");
        assertThat(answer.text("success")).isEqualTo("true");
        assertThat(answer.text("id")).isEqualTo(master);
        assertThat(answer.texts("mergedRecordIds")).containsExactly(victim1, victim2);
        assertThat(answer.texts("updatedRelatedIds")).containsExactlyInAnyOrder(contact, opportunity).doesNotContain(untouched);
        assertThat(answer.texts("current")).hasSize(1);

        assertThat(http.get(data("/sobjects/Account/" + master)).json().path("Phone").asText()).isEqualTo("555-0100");
        assertThat(http.get(data("/sobjects/Contact/" + contact)).json().path("AccountId").asText()).isEqualTo(master);
        assertThat(http.get(data("/sobjects/Opportunity/" + opportunity)).json().path("AccountId").asText()).isEqualTo(master);
        JsonNode merged = queryAll("SELECT Id, MasterRecordId FROM Account WHERE IsDeleted = true");
        assertThat(merged.findValuesAsText("Id")).containsExactlyInAnyOrder(victim1, victim2);
        assertThat(merged.findValuesAsText("MasterRecordId")).containsOnly(master);
    }

    @Test
    void each_request_is_its_own_transaction_with_its_own_result() {
        String lead = create("Lead", Map.of("LastName", "A", "Company", "X"));
        String leadVictim = create("Lead", Map.of("LastName", "B", "Company", "X"));
        String master = create("Contact", Map.of("LastName", "Master"));
        String a = create("Contact", Map.of("LastName", "A"));
        String b = create("Contact", Map.of("LastName", "B"));
        String c = create("Contact", Map.of("LastName", "C"));

        SoapCall.Answer answer = merge(request("Lead", lead, "", leadVictim) + request("Contact", master, "", a, b, c));

        List<Element> results = answer.elements("result");
        assertThat(results).hasSize(2);
        assertThat(SoapCall.childText(results.get(0), "success")).isEqualTo("true");
        assertThat(SoapCall.childText(results.get(1), "success")).isEqualTo("false");
        Element error = (Element) results.get(1).getElementsByTagNameNS("*", "errors").item(0);
        assertThat(SoapCall.childNames(error)).containsExactly("message", "statusCode");
        assertThat(SoapCall.childText(error, "statusCode")).isEqualTo("LIMIT_EXCEEDED");
        assertThat(http.get(data("/sobjects/Contact/" + a)).status()).as("nothing of the failed request happened").isEqualTo(200);
        assertThat(http.get(data("/sobjects/Lead/" + leadVictim)).errorCode()).isEqualTo("ENTITY_IS_DELETED");
    }

    @Test
    void bad_requests_fail_per_request_with_salesforces_codes() {
        String master = create("Account", Map.of("Name", "Acme"));
        String deleted = create("Account", Map.of("Name", "Gone"));
        http.delete(data("/sobjects/Account/" + deleted));
        String contact = create("Contact", Map.of("LastName", "C"));

        assertThat(merge(request("Account", master, "", deleted)).text("statusCode")).isEqualTo("ENTITY_IS_DELETED");
        assertThat(merge(request("Account", master, "", contact)).text("statusCode")).isEqualTo("INVALID_ID_FIELD");
        assertThat(merge(request("Account", master, "", master)).text("statusCode")).isEqualTo("INVALID_ID_FIELD");
        assertThat(merge(request("Account", master, "")).text("statusCode")).isEqualTo("MISSING_ARGUMENT");
        String victim = create("Account", Map.of("Name", "Dup"));
        SoapCall.Answer readOnly = SoapCall.post(http, "/services/Soap/u/60.0",
                SoapCall.envelope(SoapCall.PARTNER, sessionOf("readonly@test.org"), "<merge>" + request("Account", master, "", victim) + "</merge>"));
        assertThat(readOnly.text("statusCode")).isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
        assertThat(http.get(data("/sobjects/Account/" + victim)).status()).isEqualTo(200);
    }

    @Test
    void an_unknown_field_or_type_on_the_master_record_is_a_fault() {
        String master = create("Account", Map.of("Name", "Acme"));
        String victim = create("Account", Map.of("Name", "Dup"));
        SoapCall.Answer field = merge(request("Account", master, "<sf:Nope__c>x</sf:Nope__c>", victim));
        assertThat(field.text("faultcode")).isEqualTo("sf:INVALID_FIELD");
        assertThat(field.elements("InvalidFieldFault")).hasSize(1);
        SoapCall.Answer type = merge(request("Nope__c", master, "", victim));
        assertThat(type.text("faultcode")).isEqualTo("sf:INVALID_TYPE");
    }

    @Test
    void objects_other_than_account_contact_lead_and_individual_cannot_be_merged() {
        String opportunity = create("Opportunity", Map.of("Name", "D", "StageName", "Prospecting", "CloseDate", "2030-01-01"));
        String opportunity2 = create("Opportunity", Map.of("Name", "E", "StageName", "Prospecting", "CloseDate", "2030-01-01"));
        SoapCall.Answer answer = merge(request("Opportunity", opportunity, "", opportunity2));
        assertThat(answer.status()).isEqualTo(500);
        assertThat(answer.text("faultstring")).isEqualTo("INVALID_TYPE_FOR_OPERATION: entity type does not support merge");
    }

    @Test
    void merge_requests_are_read_whatever_their_element_is_named_as_jsforce_names_them_merge_requests() {
        String master = create("Individual", Map.of("LastName", "Master"));
        String victim = create("Individual", Map.of("LastName", "Victim"));
        String contact = create("Contact", Map.of("LastName", "C", "IndividualId", victim));
        SoapCall.Answer answer = merge(request("Individual", master, "", victim).replace("request>", "mergeRequests>"));
        assertThat(answer.text("success")).as(answer.body()).isEqualTo("true");
        assertThat(answer.texts("updatedRelatedIds")).containsExactly(contact);
    }

    private static String request(String type, String masterId, String fields, String... mergeIds) {
        StringBuilder out = new StringBuilder("<request><masterRecord xmlns:sf=\"urn:sobject.partner.soap.sforce.com\"><sf:type>")
                .append(type).append("</sf:type><sf:Id>").append(masterId).append("</sf:Id>").append(fields).append("</masterRecord>");
        for (String id : mergeIds) {
            out.append("<recordToMergeIds>").append(id).append("</recordToMergeIds>");
        }
        return out.append("</request>").toString();
    }

    private SoapCall.Answer merge(String requests) {
        return SoapCall.post(http, "/services/Soap/u/60.0", SoapCall.envelope(SoapCall.PARTNER, http.token(), "<merge>" + requests + "</merge>"));
    }

    private String create(String object, Map<String, Object> fields) {
        Http.Response response = http.post(data("/sobjects/" + object), fields);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().path("id").asText();
    }

    private JsonNode queryAll(String soql) {
        return http.get(data("/queryAll?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8))).json().path("records");
    }

    private static String sessionOf(String username) {
        var user = host.org().user(username).orElseThrow();
        return host.sessions().issue(user, null, "api", null).accessToken();
    }
}
