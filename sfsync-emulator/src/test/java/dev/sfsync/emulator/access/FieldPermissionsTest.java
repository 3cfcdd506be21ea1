package dev.sfsync.emulator.access;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FieldPermissionsTest extends EmulatorTest {

    @Test
    void the_org_files_field_grants_are_queryable_as_field_permissions_of_profile_owned_sets() {
        JsonNode records = query("SELECT Field, PermissionsRead, PermissionsEdit, Parent.Profile.Name FROM FieldPermissions "
                + "WHERE SobjectType = 'Account'").path("records");
        assertThat(records).hasSize(1);
        assertThat(records.get(0).path("Field").asText()).isEqualTo("Account.AnnualRevenue");
        assertThat(records.get(0).path("PermissionsRead").asBoolean()).isTrue();
        assertThat(records.get(0).path("PermissionsEdit").asBoolean()).isFalse();
        assertThat(records.get(0).path("Parent").path("Profile").path("Name").asText()).isEqualTo("Sales User");
    }

    @Test
    void a_row_on_a_profile_owned_set_changes_that_profiles_field_access_until_it_is_changed_or_deleted() {
        Http sales = as("sales@test.org");
        assertThat(sales.post(data("/sobjects/Account"), Map.of("Name", "x", "Secret_Notes__c", "s")).errorCode()).isEqualTo("INVALID_FIELD");

        Http.Response granted = http.post(data("/sobjects/FieldPermissions"), row(ownedSetOf("Sales User"), "account.secret_notes__c", true, true));
        assertThat(granted.status()).isEqualTo(201);
        String rowId = granted.json().path("id").asText();
        assertThat(rowId).startsWith("01k");
        assertThat(sales.post(data("/sobjects/Account"), Map.of("Name", "x", "Secret_Notes__c", "s")).status()).isEqualTo(201);
        assertThat(query("SELECT Field FROM FieldPermissions WHERE Id = '" + rowId + "'").path("records").get(0).path("Field").asText())
                .as("names are stored in their canonical spelling").isEqualTo("Account.Secret_Notes__c");

        assertThat(http.patch(data("/sobjects/FieldPermissions/" + rowId), Map.of("PermissionsEdit", false)).status()).isEqualTo(204);
        assertThat(sales.post(data("/sobjects/Account"), Map.of("Name", "x", "Secret_Notes__c", "s")).errorCode())
                .isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
        assertThat(sales.get(data("/query?q=SELECT+Secret_Notes__c+FROM+Account")).status()).isEqualTo(200);

        assertThat(http.delete(data("/sobjects/FieldPermissions/" + rowId)).status()).isEqualTo(204);
        assertThat(sales.get(data("/query?q=SELECT+Secret_Notes__c+FROM+Account")).errorCode()).isEqualTo("INVALID_FIELD");
    }

    @Test
    void a_custom_permission_set_grants_its_fields_to_the_users_it_is_assigned_to() {
        Http sales = as("sales@test.org");
        String setId = http.post(data("/sobjects/PermissionSet"), Map.of("Name", "Sync_Integration", "Label", "Sync Integration"))
                .json().path("id").asText();
        assertThat(setId).startsWith("0PS");
        assertThat(http.post(data("/sobjects/FieldPermissions"), row(setId, "Account.AnnualRevenue", true, true)).status()).isEqualTo(201);
        assertThat(sales.post(data("/sobjects/Account"), Map.of("Name", "x", "AnnualRevenue", 5)).errorCode())
                .as("not assigned yet").isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");

        String userId = host.org().user("sales@test.org").orElseThrow().id();
        String assignmentId = http.post(data("/sobjects/PermissionSetAssignment"), Map.of("AssigneeId", userId, "PermissionSetId", setId))
                .json().path("id").asText();
        assertThat(sales.post(data("/sobjects/Account"), Map.of("Name", "x", "AnnualRevenue", 5)).status()).isEqualTo(201);

        Http.Response again = http.post(data("/sobjects/PermissionSetAssignment"), Map.of("AssigneeId", userId, "PermissionSetId", setId));
        assertThat(again.errorCode()).isEqualTo("DUPLICATE_VALUE");
        assertThat(http.delete(data("/sobjects/PermissionSet/" + setId)).errorCode()).as("still assigned").isEqualTo("DELETE_FAILED");

        assertThat(http.delete(data("/sobjects/PermissionSetAssignment/" + assignmentId)).status()).isEqualTo(204);
        assertThat(sales.post(data("/sobjects/Account"), Map.of("Name", "x", "AnnualRevenue", 5)).errorCode())
                .isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    }

    @Test
    void bad_rows_are_refused_with_salesforces_errors() {
        String owned = ownedSetOf("Sales User");
        assertThat(http.post(data("/sobjects/FieldPermissions"), row(owned, "Account.Nope__c", true, false)).errorCode())
                .isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(http.post(data("/sobjects/FieldPermissions"), row(owned, "Contact.Website", true, false)).errorCode())
                .as("field of another object").isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(http.post(data("/sobjects/FieldPermissions"), row(owned, "Account.Name", true, true)).errorCode())
                .as("required fields are always visible").isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(http.post(data("/sobjects/FieldPermissions"), row(owned, "Account.Website", false, true)).errorCode())
                .isEqualTo("FIELD_INTEGRITY_EXCEPTION");
        assertThat(http.post(data("/sobjects/FieldPermissions"), row(owned, "Account.AnnualRevenue", true, true)).errorCode())
                .as("the org file's grant is a row already").isEqualTo("DUPLICATE_VALUE");
        assertThat(http.post(data("/sobjects/FieldPermissions"), row("0PS8d0000000001", "Account.Website", true, true)).errorCode())
                .isEqualTo("INVALID_CROSS_REFERENCE_KEY");
        assertThat(as("sales@test.org").post(data("/sobjects/FieldPermissions"), row(owned, "Account.Website", true, true)).errorCode())
                .isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
        assertThat(http.patch(data("/sobjects/PermissionSet/" + owned), Map.of("Label", "mine")).errorCode())
                .isEqualTo("INSUFFICIENT_ACCESS_OR_READONLY");
        assertThat(http.post(data("/sobjects/Profile"), Map.of()).errorCode()).isEqualTo("INVALID_TYPE_FOR_OPERATION");
    }

    @Test
    void a_reset_puts_the_org_files_field_access_back() {
        http.post(data("/sobjects/FieldPermissions"), row(ownedSetOf("Sales User"), "Account.Secret_Notes__c", true, true));
        emulator.reset();
        Http sales = as("sales@test.org");
        assertThat(sales.post(data("/sobjects/Account"), Map.of("Name", "x", "Secret_Notes__c", "s")).errorCode()).isEqualTo("INVALID_FIELD");
        assertThat(Http.loggedIn(host).get(data("/query?q=SELECT+Id+FROM+FieldPermissions")).json().path("totalSize").asInt()).isEqualTo(1);
    }

    private String ownedSetOf(String profile) {
        return query("SELECT Id FROM PermissionSet WHERE IsOwnedByProfile = true AND Profile.Name = '" + profile + "'")
                .path("records").get(0).path("Id").asText();
    }

    private JsonNode query(String soql) {
        Http.Response response = http.get(data("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private static Map<String, Object> row(String parentId, String field, boolean read, boolean edit) {
        Map<String, Object> row = new HashMap<>();
        row.put("ParentId", parentId);
        row.put("SobjectType", field.substring(0, field.indexOf('.')));
        row.put("Field", field);
        row.put("PermissionsRead", read);
        row.put("PermissionsEdit", edit);
        return row;
    }

    private Http as(String username) {
        var user = host.org().user(username).orElseThrow();
        return http.withToken(host.sessions().issue(user, host.org().definition().connectedApps().getFirst(), "api", null).accessToken());
    }
}
