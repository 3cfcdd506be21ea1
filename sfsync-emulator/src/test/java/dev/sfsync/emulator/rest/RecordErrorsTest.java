package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each error code of the REST API, with its HTTP status and body shape. */
class RecordErrorsTest extends EmulatorTest {

    private Http.Response createAccount(Map<String, Object> fields) {
        return http.post(data("/sobjects/Account"), fields);
    }

    private static void assertError(Http.Response response, int status, String code, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        JsonNode error = response.json().get(0);
        assertThat(error.path("errorCode").asText()).isEqualTo(code);
        assertThat(error.path("message").asText()).isNotBlank();
        if (field != null) {
            assertThat(error.path("fields").get(0).asText()).isEqualTo(field);
        }
    }

    private Http as(String username) {
        var user = host.org().user(username).orElseThrow();
        return http.withToken(host.sessions().issue(user, host.org().definition().connectedApps().getFirst(), "api", null).accessToken());
    }

    @Test
    void invalid_session_id_without_or_with_a_bad_token() {
        Http.Response none = new Http(host.baseUrl()).get(data("/sobjects"));
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.body()).isEqualTo("[{\"message\":\"Session expired or invalid\",\"errorCode\":\"INVALID_SESSION_ID\"}]");
        assertThat(http.withToken("00Dbogus!token").get(data("/sobjects")).errorCode()).isEqualTo("INVALID_SESSION_ID");
    }

    @Test
    void expired_access_tokens_are_invalid_sessions() {
        host.sessions().expireAllAccessTokens();
        assertThat(http.get(data("/limits")).errorCode()).isEqualTo("INVALID_SESSION_ID");
    }

    @Test
    void request_limit_exceeded_once_the_daily_allowance_is_spent() {
        host.org().apiUsage().setMax(3);
        host.org().apiUsage().setUsed(2);
        assertThat(http.get(data("/limits")).status()).isEqualTo(200);
        Http.Response refused = http.get(data("/limits"));
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.errorCode()).isEqualTo("REQUEST_LIMIT_EXCEEDED");
        assertThat(refused.json().get(0).path("message").asText()).isEqualTo("TotalRequests Limit exceeded.");
        assertThat(refused.header("Sforce-Limit-Info")).isEqualTo("api-usage=3/3");
    }

    @Test
    void limits_report_the_remaining_daily_requests() {
        host.org().apiUsage().setUsed(10);
        JsonNode limits = http.get(data("/limits")).json();
        assertThat(limits.path("DailyApiRequests").path("Max").asLong()).isEqualTo(100000);
        assertThat(limits.path("DailyApiRequests").path("Remaining").asLong()).isEqualTo(100000 - 11);
    }

    @Test
    void api_disabled_for_the_org_or_for_the_user() {
        assertThat(as("noapi@test.org").get(data("/sobjects")).errorCode()).isEqualTo("API_DISABLED_FOR_ORG");
        host.org().apiEnabled(false);
        Http.Response response = http.get(data("/sobjects"));
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("API_DISABLED_FOR_ORG");
    }

    @Test
    void not_found_for_unknown_objects_records_and_paths() {
        assertError(http.get(data("/sobjects/Nope__c/describe")), 404, "NOT_FOUND", null);
        assertError(http.get(data("/sobjects/Account/001000000000000AAA")), 404, "NOT_FOUND", null);
        assertError(http.get(data("/no/such/resource")), 404, "NOT_FOUND", null);
    }

    @Test
    void malformed_id_for_an_id_of_another_object() {
        String contactId = http.post(data("/sobjects/Contact"), Map.of("LastName", "X")).json().path("id").asText();
        assertError(http.patch(data("/sobjects/Account/" + contactId), Map.of("Name", "x")), 400, "MALFORMED_ID", null);
        Http.Response bad = http.post(data("/composite/sobjects"), Map.of("records", List.of(
                Map.of("attributes", Map.of("type", "Account"), "Name", "x", "ParentId", "not-an-id"))));
        assertThat(bad.json().get(0).path("errors").get(0).path("statusCode").asText()).isEqualTo("MALFORMED_ID");
    }

    @Test
    void invalid_field_for_unknown_or_hidden_fields() {
        Http.Response unknown = createAccount(Map.of("Name", "x", "Emial__c", "a@b.c"));
        assertError(unknown, 400, "INVALID_FIELD", null);
        assertThat(unknown.json().get(0).path("message").asText()).isEqualTo("No such column 'Emial__c' on sobject of type Account");
        assertError(as("sales@test.org").post(data("/sobjects/Account"), Map.of("Name", "x", "Secret_Notes__c", "x")), 400, "INVALID_FIELD", null);
    }

    @Test
    void invalid_field_for_insert_update_on_read_only_fields() {
        assertError(createAccount(Map.of("Name", "x", "CreatedDate", "2020-01-01T00:00:00Z")), 400, "INVALID_FIELD_FOR_INSERT_UPDATE", "CreatedDate");
        assertError(createAccount(Map.of("Name", "x", "Revenue_Band__c", "Large")), 400, "INVALID_FIELD_FOR_INSERT_UPDATE", "Revenue_Band__c");
        assertError(as("sales@test.org").post(data("/sobjects/Account"), Map.of("Name", "x", "AnnualRevenue", 5)), 400,
                "INVALID_FIELD_FOR_INSERT_UPDATE", "AnnualRevenue");
    }

    @Test
    void string_too_long() {
        Http.Response response = createAccount(Map.of("Name", "x".repeat(256)));
        assertError(response, 400, "STRING_TOO_LONG", "Name");
        assertThat(response.json().get(0).path("message").asText()).contains("max length=255");
    }

    @Test
    void required_field_missing_on_create_and_when_cleared() {
        Http.Response response = http.post(data("/sobjects/Opportunity"), Map.of("Name", "Deal"));
        assertThat(response.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(response.json().get(0).path("fields")).extracting(JsonNode::asText).containsExactlyInAnyOrder("StageName", "CloseDate");
        String id = createAccount(Map.of("Name", "x")).json().path("id").asText();
        java.util.Map<String, Object> clear = new java.util.HashMap<>();
        clear.put("Name", null);
        assertError(http.patch(data("/sobjects/Account/" + id), clear), 400, "REQUIRED_FIELD_MISSING", "Name");
    }

    @Test
    void invalid_or_null_for_restricted_picklist_including_multi_select() {
        assertError(createAccount(Map.of("Name", "x", "Tier__c", "Platinum")), 400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Tier__c");
        assertError(createAccount(Map.of("Name", "x", "Regions__c", "EMEA;LATAM")), 400, "INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Regions__c");
        assertThat(createAccount(Map.of("Name", "x", "Regions__c", "EMEA;APAC")).status()).isEqualTo(201);
        assertThat(createAccount(Map.of("Name", "x", "Industry", "Not In The List")).status()).as("unrestricted picklists accept any value").isEqualTo(201);
    }

    @Test
    void invalid_type_on_field_in_record_for_bad_numbers_dates_and_null_booleans() {
        assertError(createAccount(Map.of("Name", "x", "NumberOfEmployees", "many")), 400, "INVALID_TYPE_ON_FIELD_IN_RECORD", "NumberOfEmployees");
        assertError(createAccount(Map.of("Name", "x", "Founded__c", "yesterday")), 400, "INVALID_TYPE_ON_FIELD_IN_RECORD", "Founded__c");
        java.util.Map<String, Object> nullBoolean = new java.util.HashMap<>();
        nullBoolean.put("Name", "x");
        nullBoolean.put("Is_Partner__c", null);
        assertError(createAccount(nullBoolean), 400, "INVALID_TYPE_ON_FIELD_IN_RECORD", "Is_Partner__c");
    }

    @Test
    void invalid_cross_reference_key_for_a_missing_parent() {
        assertError(http.post(data("/sobjects/Contact"), Map.of("LastName", "x", "AccountId", "001000000000001AAA")), 400,
                "INVALID_CROSS_REFERENCE_KEY", "AccountId");
    }

    @Test
    void duplicate_value_on_a_unique_field() {
        String first = createAccount(Map.of("Name", "a", "External_Key__c", "DUP")).json().path("id").asText();
        Http.Response second = createAccount(Map.of("Name", "b", "External_Key__c", "dup"));
        assertError(second, 400, "DUPLICATE_VALUE", null);
        assertThat(second.json().get(0).path("message").asText()).contains(first);
        Http.Response caseSensitive = http.post(data("/sobjects/Invoice__c"), Map.of("Amount__c", 1, "Invoice_Key__c", "ab"));
        assertThat(caseSensitive.status()).isEqualTo(201);
        assertThat(http.post(data("/sobjects/Invoice__c"), Map.of("Amount__c", 1, "Invoice_Key__c", "AB")).status())
                .as("a case-sensitive unique field accepts another casing").isEqualTo(201);
    }

    @Test
    void duplicate_external_id_in_one_upsert_call_and_across_records() {
        Http.Response response = http.patch(data("/composite/sobjects/Account/External_Key__c"), Map.of("records", List.of(
                Map.of("attributes", Map.of("type", "Account"), "Name", "a", "External_Key__c", "SAME"),
                Map.of("attributes", Map.of("type", "Account"), "Name", "b", "External_Key__c", "same"))));
        assertThat(response.json().findValuesAsText("statusCode")).containsExactly("DUPLICATE_EXTERNAL_ID", "DUPLICATE_EXTERNAL_ID");
        createAccount(Map.of("Name", "one", "Legacy_Code__c", "L"));
        createAccount(Map.of("Name", "two", "Legacy_Code__c", "L"));
        Http.Response multiple = http.patch(data("/composite/sobjects/Account/Legacy_Code__c"), Map.of("records", List.of(
                Map.of("attributes", Map.of("type", "Account"), "Name", "c", "Legacy_Code__c", "L"))));
        assertThat(multiple.json().get(0).path("errors").get(0).path("statusCode").asText()).isEqualTo("DUPLICATE_EXTERNAL_ID");
    }

    @Test
    void cannot_update_converted_lead() {
        String id = http.post(data("/sobjects/Lead"), Map.of("LastName", "L", "Company", "C")).json().path("id").asText();
        assertThat(new Http(host.baseUrl()).post("/__admin/leads/" + id + "/convert", "").status()).isEqualTo(204);
        assertError(http.patch(data("/sobjects/Lead/" + id), Map.of("Company", "D")), 400, "CANNOT_UPDATE_CONVERTED_LEAD", null);
        assertThat(http.get(data("/sobjects/Lead/" + id)).json().path("IsConverted").asBoolean()).isTrue();
    }

    @Test
    void insufficient_access_or_readonly_without_object_permission() {
        Http readOnly = as("readonly@test.org");
        assertError(readOnly.post(data("/sobjects/Account"), Map.of("Name", "x")), 400, "INSUFFICIENT_ACCESS_OR_READONLY", null);
        String id = createAccount(Map.of("Name", "x")).json().path("id").asText();
        assertError(readOnly.patch(data("/sobjects/Account/" + id), Map.of("Name", "y")), 400, "INSUFFICIENT_ACCESS_OR_READONLY", null);
        assertThat(readOnly.get(data("/sobjects/Account/" + id)).status()).isEqualTo(200);
    }

    @Test
    void field_custom_validation_exception_from_a_validation_rule() {
        Http.Response response = createAccount(Map.of("Name", "x", "Website", "http://insecure.example"));
        assertError(response, 400, "FIELD_CUSTOM_VALIDATION_EXCEPTION", "Website");
        assertThat(response.json().get(0).path("message").asText()).isEqualTo("Website must start with https://");
        assertThat(createAccount(Map.of("Name", "x", "Website", "https://secure.example")).status()).isEqualTo(201);
    }

    @Test
    void unable_to_lock_row_on_a_locked_record() {
        String id = createAccount(Map.of("Name", "x")).json().path("id").asText();
        new Http(host.baseUrl()).post("/__admin/locks", Map.of("ids", List.of(id)));
        assertError(http.patch(data("/sobjects/Account/" + id), Map.of("Name", "y")), 400, "UNABLE_TO_LOCK_ROW", null);
        new Http(host.baseUrl()).delete("/__admin/locks");
        assertThat(http.patch(data("/sobjects/Account/" + id), Map.of("Name", "y")).status()).isEqualTo(204);
    }

    @Test
    void json_parser_error_for_a_malformed_body() {
        assertError(http.post(data("/sobjects/Account"), "{\"Name\": "), 400, "JSON_PARSER_ERROR", null);
    }

    @Test
    void method_not_allowed_lists_the_allowed_methods() {
        Http.Response response = http.send(http.builder(data("/limits")).DELETE());
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
    }
}
