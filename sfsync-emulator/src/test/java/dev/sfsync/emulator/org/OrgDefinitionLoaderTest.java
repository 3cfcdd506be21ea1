package dev.sfsync.emulator.org;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrgDefinitionLoaderTest {
    private static OrgDefinition load(String yaml) {
        return OrgDefinitionLoader.load(yaml.getBytes(StandardCharsets.UTF_8), "test.yaml");
    }

    @Test
    void an_empty_file_gives_the_built_in_objects_an_admin_and_a_connected_app() {
        OrgDefinition org = load("");
        assertThat(org.objects()).extracting(ObjectSchema::name).contains("Account", "Contact", "Lead", "Opportunity", "Individual", "User");
        assertThat(org.users()).hasSize(1);
        assertThat(org.connectedApps()).hasSize(1);
        assertThat(org.orgId()).startsWith("00D").hasSize(18);
    }

    @Test
    void custom_fields_and_objects_are_added_with_their_properties() {
        OrgDefinition org = load("""
                objects:
                  Account:
                    fields:
                      Ext__c: {type: string, length: 30, externalId: true, unique: true}
                  Invoice__c:
                    fields:
                      Account__c: {type: reference, referenceTo: Account}
                """);
        ObjectSchema account = org.objects().stream().filter(o -> o.name().equals("Account")).findFirst().orElseThrow();
        FieldSchema ext = account.field("ext__c").orElseThrow();
        assertThat(ext.externalId()).isTrue();
        assertThat(ext.unique()).isTrue();
        assertThat(ext.length()).isEqualTo(30);
        ObjectSchema invoice = org.objects().stream().filter(o -> o.name().equals("Invoice__c")).findFirst().orElseThrow();
        assertThat(invoice.keyPrefix()).startsWith("a0");
        assertThat(invoice.relationship("Account__r")).isPresent();
    }

    @Test
    void an_object_s_org_wide_default_set_in_the_file_hides_other_owners_records_and_survives_a_reset() {
        OrgDefinition definition = load("""
                objects:
                  Contact: {sharingModel: Private}
                  Lead: {sharingModel: Read}
                profiles:
                  - {name: Sales User, permissions: [ApiEnabled]}
                users:
                  - {username: admin@test.org, password: admin-pass, profile: System Administrator}
                  - {username: sales@test.org, password: sales-pass, profile: Sales User}
                """);
        Org org = new Org(definition, java.time.Clock.systemUTC());
        UserAccount sales = org.user("sales@test.org").orElseThrow();
        String others = dev.sfsync.emulator.soql.TestRecords.insert(org, "Contact", "LastName", "Not theirs");
        StoredRecord record = org.store("Contact").orElseThrow().get(others).orElseThrow();

        assertThat(org.sharing().model("Contact")).isEqualTo(SharingModel.Private);
        assertThat(org.sharing().model("Lead")).isEqualTo(SharingModel.Read);
        assertThat(org.sharing().model("Account")).isEqualTo(SharingModel.ReadWrite);
        assertThat(org.sharing().visible(org, sales, record)).isFalse();
        org.sharing().model("Contact", SharingModel.Read);
        org.reset();
        assertThat(org.sharing().model("Contact")).as("back to the file").isEqualTo(SharingModel.Private);
    }

    @Test
    void an_unknown_org_wide_default_is_reported_with_the_values_salesforce_names() {
        assertThatThrownBy(() -> load("objects:\n  Account: {sharingModel: PublicReadWrite}\n"))
                .hasMessageContaining("objects.Account.sharingModel: 'PublicReadWrite' is not an org-wide default")
                .hasMessageContaining("Private, Read, ReadWrite, ControlledByParent");
    }

    @Test
    void every_problem_is_reported_at_once_with_its_path_and_a_fix() {
        assertThatThrownBy(() -> load("""
                nmae: typo
                environment: staging
                objects:
                  Widget:
                    fields: {}
                  Account:
                    fields:
                      Bad__c: {type: bogus}
                      Ref__c: {type: reference, referenceTo: Nothing__c}
                users:
                  - username: a@b.c
                    profile: Missing Profile
                """))
                .isInstanceOf(InvalidOrgDefinition.class)
                .satisfies(e -> assertThat(((InvalidOrgDefinition) e).problems()).hasSize(6))
                .hasMessageContaining("nmae: unknown key (fix: did you mean 'name'?)")
                .hasMessageContaining("environment: 'staging'")
                .hasMessageContaining("objects.Widget")
                .hasMessageContaining("objects.Account.fields.Bad__c.type")
                .hasMessageContaining("referenceTo: no object named 'Nothing__c'")
                .hasMessageContaining("users[0].profile: no profile named 'Missing Profile'");
    }

    @Test
    void a_picklist_of_more_than_1000_values_is_refused() {
        StringBuilder values = new StringBuilder();
        for (int i = 0; i < 1001; i++) {
            values.append(i == 0 ? "" : ", ").append("V").append(i);
        }
        assertThatThrownBy(() -> load("objects:\n  Account:\n    fields:\n      P__c: {type: picklist, values: [" + values + "]}\n"))
                .hasMessageContaining("at most 1,000");
    }
}
