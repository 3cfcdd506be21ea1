package dev.sfsync.cli;

import dev.sfsync.engine.fields.CustomFieldCreator;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/** 'sfsync apply': the custom fields syncs declare, created with field-level security for the integration user, once. */
class ApplyCommandTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/cli-test.yaml");

    @TempDir
    Path project;

    @BeforeEach
    void project() throws Exception {
        ConnectedProject.write(org, project, """
                sources:
                  warehouse: {url: "jdbc:duckdb:"}
                models:
                  accounts: {sql: "select 'A1' as id, 'Acme' as name, 12.5 as score, 'web' as source", primary_key: id}
                syncs:
                  accounts:
                    model: accounts
                    connection: local
                    object: Account
                    mode: upsert
                    match: {column: id, field: External_Key__c}
                    mappings: [{from: name, to: Name}, {from: score, to: Source_Score__c}, {from: source, to: First_Source__c}]
                    create_fields:
                      - {name: Source_Score__c, type: Number, precision: 5, scale: 2, label: Source score}
                      - {name: First_Source__c, type: Text, length: 255, label: First source}
                """);
        ConnectedProject.connect(org, project);
    }

    private String[] args(String... args) {
        return ConnectedProject.args(project, args);
    }

    @Test
    void apply_creates_the_fields_grants_edit_access_and_a_second_apply_changes_nothing() {
        ProjectCommandsTest.Result doctorBefore = sfsync(args("doctor", "accounts"));
        assertThat(doctorBefore.out()).contains("FAIL custom fields of create_fields exist: missing (or hidden by field-level security): "
                + "Account.Source_Score__c, Account.First_Source__c", "fix: sfsync apply");

        ProjectCommandsTest.Result apply = sfsync(args("apply"));

        assertThat(apply.exitCode()).as(apply.err()).isZero();
        assertThat(apply.out()).containsPattern("Account.Source_Score__c +created +edit access granted to " + CustomFieldCreator.PERMISSION_SET)
                .containsPattern("Account.First_Source__c +created").contains("2 field(s) changed.");
        var score = org.host().org().schema("Account").orElseThrow().field("Source_Score__c").orElseThrow();
        assertThat(score.precision()).isEqualTo(5);
        assertThat(score.scale()).isEqualTo(2);
        assertThat(org.records("FieldPermissions")).filteredOn(r -> "Account.Source_Score__c".equals(r.get("Field")))
                .anySatisfy(r -> assertThat(r.get("PermissionsEdit")).isEqualTo(true));

        ProjectCommandsTest.Result again = sfsync(args("apply"));
        assertThat(again.out()).containsPattern("Account.Source_Score__c +unchanged +edit access already granted")
                .contains("Nothing to change");
        assertThat(sfsync(args("run", "accounts")).exitCode()).isZero();
        assertThat(org.records("Account")).singleElement().satisfies(a -> assertThat(a.get("First_Source__c")).isEqualTo("web"));
        assertThat(sfsync(args("doctor", "accounts")).out()).contains("PASS custom fields of create_fields exist: 2 declared field(s) exist");
    }

    @Test
    void without_customize_application_apply_names_the_permission_and_who_grants_it() {
        String profile = org.user().profile().name().replace(" ", "%20");
        org.admin("PATCH", "/__admin/profiles/" + profile + "/permissions", "{\"CustomizeApplication\": false, \"ModifyAllData\": false}");

        ProjectCommandsTest.Result apply = sfsync(args("apply"));

        assertThat(apply.exitCode()).isEqualTo(ExitCodes.SALESFORCE_UNAVAILABLE);
        assertThat(apply.err()).contains("the user of connection 'local' (" + org.username() + ", profile 'System Administrator') may not create"
                        + " custom fields", "INSUFFICIENT_ACCESS", "Account.Source_Score__c, Account.First_Source__c",
                "fix: a Salesforce admin grants 'Customize Application' and 'Modify All Data'", "profile 'System Administrator'");
        assertThat(org.host().org().schema("Account").orElseThrow().field("Source_Score__c")).isEmpty();
        assertThat(sfsync(args("doctor", "accounts")).out()).contains("FAIL custom fields of create_fields exist", "the user may not create fields");
    }
}
