package dev.sfsync.engine.project;

import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class RemoteValidationTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    static final String MODEL = """
            models:
              accounts:
                sql: select * from accounts
                primary_key: id
            syncs:
              accounts:
                model: accounts
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts (id varchar, name varchar, partner boolean, founded date, sf_id varchar)");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private List<ConfigProblem> problems(String sync) {
        return harness.config(MODEL + sync.indent(4)).project().validateRemote("accounts");
    }

    @Test
    void a_sync_that_fits_the_org_has_no_problems() {
        assertThat(problems("""
                object: Account
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}, {from: partner, to: Is_Partner__c}, {from: founded, to: Founded__c}]
                """)).isEmpty();
    }

    @Test
    void an_unknown_object_and_misspelt_fields_and_columns_get_suggestions() {
        assertThat(problems("""
                object: Acount
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}]
                """)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("syncs.accounts.object");
            assertThat(p.fix()).isEqualTo("did you mean 'Account'?");
            assertThat(p.line()).isPositive();
        });
        assertThat(problems("""
                object: Account
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings: [{from: nmae, to: Nmae}]
                """)).extracting(ConfigProblem::path, ConfigProblem::fix).containsExactlyInAnyOrder(
                tuple("syncs.accounts.mappings[0].from", "did you mean 'name'?"),
                tuple("syncs.accounts.mappings[0].to", "did you mean 'Name'?"),
                tuple("syncs.accounts.mappings", "add '- {from: <column>, to: Name}'"));
    }

    @Test
    void formula_auto_number_and_system_fields_are_refused_with_the_reason() {
        List<ConfigProblem> problems = problems("""
                object: Account
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}, {from: id, to: Score_Doubled__c}, {from: id, to: Account_No__c}, {from: founded, to: CreatedDate}]
                """);
        assertThat(problems).extracting(ConfigProblem::message).anySatisfy(m -> assertThat(m).contains("Score_Doubled__c is a formula"))
                .anySatisfy(m -> assertThat(m).contains("Account_No__c is an auto-number"))
                .anySatisfy(m -> assertThat(m).contains("CreatedDate is a system field"));
    }

    @Test
    void update_mode_refuses_create_only_fields_and_upsert_accepts_them() {
        String sync = """
                object: Account
                mode: %s
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}, {from: name, to: Legacy_Code__c}]
                """;
        assertThat(problems(sync.formatted("update"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Legacy_Code__c can be set on create only"));
        assertThat(problems(sync.formatted("upsert"))).isEmpty();
    }

    @Test
    void the_match_field_must_be_an_external_id_for_upsert_and_unique_for_update_while_id_matches_in_update() {
        String sync = """
                object: Account
                mode: %s
                match: {column: %s, field: %s}
                mappings: [{from: name, to: Name}]
                """;
        assertThat(problems(sync.formatted("upsert", "id", "Plain_Key__c"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("not an external ID field"));
        assertThat(problems(sync.formatted("update", "id", "Plain_Key__c"))).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("neither an external ID nor unique"));
        assertThat(problems(sync.formatted("update", "sf_id", "Id"))).isEmpty();
    }

    @Test
    void lookups_need_a_reference_field_to_their_object_and_a_unique_field_to_search() {
        harness.sql("create table contacts (id varchar, last varchar, account varchar)");
        String contacts = """
                models:
                  contacts:
                    sql: select * from contacts
                    primary_key: id
                syncs:
                  contacts:
                    model: contacts
                    object: Contact
                    mode: upsert
                    match: {column: id, field: External_Id__c}
                    mappings: [{from: last, to: LastName}]
                    lookups: [{to: AccountId, object: %s, field: %s, column: account}]
                """;
        assertThat(harness.config(contacts.formatted("Contact", "External_Id__c")).project().validateRemote("contacts"))
                .singleElement().satisfies(p -> {
                    assertThat(p.path()).isEqualTo("syncs.contacts.lookups[0].object");
                    assertThat(p.fix()).isEqualTo("set object: Account");
                });
        assertThat(harness.config(contacts.formatted("Account", "Plain_Key__c")).project().validateRemote("contacts"))
                .singleElement().satisfies(p -> assertThat(p.message()).contains("Account.Plain_Key__c is neither unique nor an external ID"));
        assertThat(harness.config(contacts.formatted("Account", "External_Key__c")).project().validateRemote("contacts")).isEmpty();
    }

    @Test
    void column_types_must_fit_the_field_types() {
        assertThat(problems("""
                object: Account
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings: [{from: name, to: Name}, {from: partner, to: Founded__c}]
                """)).singleElement().satisfies(p -> {
            assertThat(p.message()).isEqualTo("column partner is BOOLEAN but Founded__c is a date field");
            assertThat(p.fix()).isEqualTo("cast it in the model's SQL, e.g. CAST(partner AS DATE)");
        });
    }

    @Test
    void a_run_of_a_sync_with_problems_sends_nothing() {
        harness.config(MODEL + """
                object: Account
                mode: upsert
                match: {column: id, field: Plain_Key__c}
                mappings: [{from: name, to: Name}]
                """.indent(4));
        harness.sql("insert into accounts values ('A1', 'Acme', true, null, null)");
        assertThatThrownBy(() -> harness.run("accounts")).isInstanceOf(SyncHasProblems.class).hasMessageContaining("Plain_Key__c");
        assertThat(org.records("Account")).isEmpty();
    }
}
