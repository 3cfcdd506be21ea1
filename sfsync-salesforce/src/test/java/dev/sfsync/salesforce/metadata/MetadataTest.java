package dev.sfsync.salesforce.metadata;

import dev.sfsync.salesforce.AgainstEmulatedOrg;
import dev.sfsync.salesforce.Emulated;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.auth.Credentials;
import dev.sfsync.salesforce.rest.SaveResult;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MetadataTest extends AgainstEmulatedOrg {
    @Test
    void a_created_custom_field_can_be_written_at_once() {
        MetadataResult result = client.metadata().createCustomField(CustomFieldSpec.text("Account", "Erp_Code__c", "ERP code", 30).externalId(true).unique(true));

        assertThat(result.success()).isTrue();
        assertThat(result.fullName()).isEqualTo("Account.Erp_Code__c");
        assertThat(client.rest().describes().refresh("Account").field("Erp_Code__c")).hasValueSatisfying(f -> {
            assertThat(f.externalId()).isTrue();
            assertThat(f.length()).isEqualTo(30);
        });
        assertThat(client.rest().upsert("Account", "Erp_Code__c", "E-1", Map.of("Name", "Keyed by ERP")).created()).isTrue();
    }

    @Test
    void creating_a_field_twice_is_a_failed_result_and_upsert_is_repeatable() {
        CustomFieldSpec spec = CustomFieldSpec.number("Account", "Rank__c", "Rank", 5, 0);
        client.metadata().createCustomField(spec);

        MetadataResult again = client.metadata().createCustomField(spec);
        MetadataResult upserted = client.metadata().upsertCustomField(spec.description("how the account ranks"));

        assertThat(again.success()).isFalse();
        assertThat(again.firstError().code()).isEqualTo("DUPLICATE_DEVELOPER_NAME");
        assertThat(upserted.success()).isTrue();
        assertThat(upserted.created()).isFalse();
    }

    @Test
    void replacing_picklist_values_keeps_the_rest_of_the_field() {
        client.metadata().createCustomField(CustomFieldSpec.picklist("Account", "Segment__c", "Segment", List.of("A", "B"), true).description("keep me"));

        MetadataResult replaced = client.metadata().replacePicklistValues("Account", "Segment__c", List.of("B", "C", "D"));

        assertThat(replaced.success()).isTrue();
        CustomFieldDefinition field = client.metadata().readCustomField("Account", "Segment__c").orElseThrow();
        assertThat(field.picklistValues()).containsExactly("B", "C", "D");
        assertThat(field.restrictedPicklist()).isTrue();
        assertThat(field.label()).isEqualTo("Segment");
        assertThat(client.rest().create("Account", Map.of("Name", "Old value", "Segment__c", "A")).firstError().code())
                .isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(client.rest().create("Account", Map.of("Name", "New value", "Segment__c", "C")).success()).isTrue();
    }

    @Test
    void reading_a_field_that_does_not_exist_is_empty() {
        assertThat(client.metadata().readCustomField("Account", "Nothing_Here__c")).isEmpty();
    }

    @Test
    void a_new_field_is_writable_for_a_user_only_after_a_permission_set_grants_it() {
        client.metadata().createCustomField(CustomFieldSpec.text("Account", "Region__c", "Region", 20));
        String userId = org.host().org().user("fls@client.test").orElseThrow().id();
        SalesforceClient asUser = Emulated.builder(org, exchanges, sleeper)
                .credentials(Credentials.password(org.clientId(), org.clientSecret(), "fls@client.test", "fls-pass")).build();
        assertThat(client.fieldSecurity().forUser(userId, "Account")).doesNotContainKey("Region__c");
        assertThat(asUser.rest().create("Account", Map.of("Name", "Hidden field", "Region__c", "EMEA")).success()).isFalse();

        String permissionSet = client.fieldSecurity().ensurePermissionSet("Sync_Fields", "Sync fields");
        assertThat(client.fieldSecurity().grant(permissionSet, "Account", "Region__c", FieldAccess.EDIT).success()).isTrue();
        assertThat(client.fieldSecurity().assign(permissionSet, userId).success()).isTrue();
        assertThat(client.fieldSecurity().assign(permissionSet, userId).success()).isTrue();

        assertThat(client.fieldSecurity().forUser(userId, "Account")).containsEntry("Region__c", FieldAccess.EDIT);
        asUser.rest().describes().invalidateAll();
        SaveResult written = asUser.rest().create("Account", Map.of("Name", "Visible field", "Region__c", "EMEA"));
        assertThat(written.success()).as(String.valueOf(written.errors())).isTrue();
        assertThat(client.fieldSecurity().ensurePermissionSet("Sync_Fields", "Sync fields")).isEqualTo(permissionSet);
    }

    @Test
    void a_lowered_grant_updates_the_existing_row() {
        client.metadata().createCustomField(CustomFieldSpec.text("Account", "Notes_Short__c", "Notes", 50));
        String permissionSet = client.fieldSecurity().ensurePermissionSet("Readers", "Readers");
        String userId = org.host().org().user("fls@client.test").orElseThrow().id();
        client.fieldSecurity().assign(permissionSet, userId);
        client.fieldSecurity().grant(permissionSet, "Account", "Notes_Short__c", FieldAccess.EDIT);

        client.fieldSecurity().grant(permissionSet, "Account", "Notes_Short__c", FieldAccess.READ);

        assertThat(client.fieldSecurity().forUser(userId, "Account")).containsEntry("Notes_Short__c", FieldAccess.READ);
        try (var rows = client.rest().query("SELECT Id FROM FieldPermissions WHERE Field = 'Account.Notes_Short__c'")) {
            assertThat(rows.stream().count()).isEqualTo(1);
        }
    }

    @Test
    void tooling_queries_list_custom_fields() {
        client.metadata().createCustomField(CustomFieldSpec.checkbox("Account", "Vip__c", "VIP", false));

        try (var fields = client.rest().toolingQuery("SELECT Id, DeveloperName FROM CustomField WHERE TableEnumOrId = 'Account'")) {
            assertThat(fields.stream().map(f -> f.get("DeveloperName"))).contains("Vip");
        }
    }

    @Test
    void an_expired_session_is_renewed_and_the_soap_body_rebuilt() {
        client.rest().limits();
        org.expireAccessTokens();

        assertThat(client.metadata().createCustomField(CustomFieldSpec.ofType("Account", "Since__c", "Since", "Date")).success()).isTrue();
        assertThat(exchanges.to("/oauth2/token")).hasSize(2);
    }
}
