package dev.sfsync.emulator.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.SharingModel;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class EntityDefinitionTest extends EmulatorTest {
    @Test
    void entity_definition_lists_each_object_with_its_key_prefix_and_org_wide_defaults() {
        JsonNode account = query("SELECT QualifiedApiName, DeveloperName, Label, KeyPrefix, InternalSharingModel, ExternalSharingModel "
                + "FROM EntityDefinition WHERE QualifiedApiName = 'Account'").path("records");

        assertThat(account).hasSize(1);
        assertThat(account.get(0).path("KeyPrefix").asText()).isEqualTo("001");
        assertThat(account.get(0).path("InternalSharingModel").asText()).isEqualTo("ReadWrite");
        assertThat(account.get(0).path("ExternalSharingModel").asText()).isEqualTo("ReadWrite");
        assertThat(query("SELECT QualifiedApiName FROM EntityDefinition WHERE KeyPrefix = '003'").path("records").get(0)
                .path("QualifiedApiName").asText()).isEqualTo("Contact");
    }

    @Test
    void a_changed_org_wide_default_shows_at_the_next_query() {
        host.org().sharing().model("Contact", SharingModel.Private);

        JsonNode contact = query("SELECT InternalSharingModel FROM EntityDefinition WHERE QualifiedApiName = 'Contact'").path("records").get(0);

        assertThat(contact.path("InternalSharingModel").asText()).isEqualTo("Private");
    }

    @Test
    void the_tooling_api_answers_entity_definition_of_the_data_org() {
        host.org().sharing().model("Account", SharingModel.Read);

        Http.Response response = http.get(data("/tooling/query?q=" + URLEncoder.encode(
                "SELECT QualifiedApiName, InternalSharingModel FROM EntityDefinition WHERE QualifiedApiName = 'Account'", StandardCharsets.UTF_8)));

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().path("records").get(0).path("InternalSharingModel").asText()).isEqualTo("Read");
    }

    @Test
    void entity_definition_and_object_permissions_are_read_only() {
        String id = query("SELECT Id FROM EntityDefinition WHERE QualifiedApiName = 'Account'").path("records").get(0).path("Id").asText();
        Http.Response write = http.patch(data("/sobjects/EntityDefinition/" + id), Map.of("InternalSharingModel", "Private"));
        assertThat(write.status()).isGreaterThanOrEqualTo(400);

        Http.Response create = http.post(data("/sobjects/ObjectPermissions"), Map.of("SobjectType", "Account"));
        assertThat(create.status()).isGreaterThanOrEqualTo(400);
    }

    @Test
    void object_permissions_show_each_profile_s_access_and_answer_the_view_all_join_clients_run() {
        String userId = host.org().defaultUser().id();
        JsonNode rows = query("SELECT SobjectType, PermissionsRead, PermissionsEdit, PermissionsViewAllRecords, Parent.ProfileId "
                + "FROM ObjectPermissions WHERE SobjectType = 'Account'").path("records");
        assertThat(rows).isNotEmpty();
        assertThat(rows.get(0).path("PermissionsRead").asBoolean()).isTrue();

        // What the doctor asks: View All on the object through any permission set assigned to the user.
        JsonNode viewAll = query("SELECT Id FROM ObjectPermissions WHERE SobjectType = 'Account' AND (PermissionsViewAllRecords = true "
                + "OR PermissionsModifyAllRecords = true) AND ParentId IN (SELECT PermissionSetId FROM PermissionSetAssignment WHERE AssigneeId = '"
                + userId + "')");
        assertThat(viewAll.path("totalSize").isInt()).isTrue();
    }

    private JsonNode query(String soql) {
        Http.Response response = http.get(data("/query?q=" + URLEncoder.encode(soql, StandardCharsets.UTF_8)));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }
}
