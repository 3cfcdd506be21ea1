package dev.sfsync.engine.project;

import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PersonAccountRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/person-accounts.yaml");
    @RegisterExtension
    static final EmulatedOrg withoutPersonAccounts = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    static final String PEOPLE = EngineHarness.ACCOUNTS_SYNC + """
                mode: upsert
                match: {column: id, field: External_Key__c}
                record_type: PersonAccount
                mappings:
            """;
    static final String PERSON_MAPPINGS = """
                  - {from: first, to: FirstName}
                  - {from: last, to: LastName}
                  - {from: email, to: PersonEmail}
                  - {from: loyalty, to: Loyalty__pc}
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private EngineHarness harness(EmulatedOrg against) {
        harness = new EngineHarness(dir, against).sql("create table accounts (id varchar, first varchar, last varchar, email varchar, loyalty varchar,"
                + " full_name varchar)", "insert into accounts values ('P1', 'Ada', 'Lovelace', 'ada@x.test', 'Gold', 'Ada Lovelace'),"
                + " ('P2', null, 'Hopper', 'grace@x.test', null, 'Grace Hopper')");
        return harness;
    }

    @Test
    void person_accounts_are_created_with_their_person_contact_then_updated() {
        harness(org).config(PEOPLE + PERSON_MAPPINGS);

        RunResult created = harness.run("accounts");

        assertThat(created.summary().created()).isEqualTo(2);
        Map<String, Object> ada = account("P1");
        assertThat(ada).containsEntry("IsPersonAccount", true).containsEntry("Name", "Ada Lovelace").containsEntry("Loyalty__pc", "Gold");
        assertThat(org.records("Contact")).filteredOn(c -> c.get("Id").equals(ada.get("PersonContactId"))).singleElement()
                .satisfies(c -> assertThat(c).containsEntry("Email", "ada@x.test").containsEntry("AccountId", ada.get("Id")));

        harness.sql("update accounts set email = 'ada@lovelace.test', first = 'Augusta Ada' where id = 'P1'");
        RunResult updated = harness.run("accounts");

        assertThat(updated.summary().updated()).isEqualTo(1);
        assertThat(account("P1")).containsEntry("PersonEmail", "ada@lovelace.test").containsEntry("Name", "Augusta Ada Lovelace");
    }

    @Test
    void mapping_the_full_name_or_leaving_out_last_name_is_explained() {
        harness(org).config(PEOPLE + """
                      - {from: full_name, to: Name}
                      - {from: email, to: PersonEmail}
                """);
        List<ConfigProblem> fullName = harness.project().validateRemote("accounts");
        assertThat(fullName).anySatisfy(p -> assertThat(p.fix()).contains("map LastName (and FirstName), not the full name"));

        harness.config(PEOPLE + """
                      - {from: first, to: FirstName}
                      - {from: email, to: PersonEmail}
                """);
        assertThat(harness.project().validateRemote("accounts")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("person accounts need LastName"));
    }

    @Test
    void an_org_without_person_accounts_refuses_person_fields_with_the_reason() {
        harness(withoutPersonAccounts).config(EngineHarness.ACCOUNTS_SYNC + """
                    mode: upsert
                    match: {column: id, field: External_Key__c}
                    mappings:
                """ + PERSON_MAPPINGS);

        List<ConfigProblem> problems = harness.project().validateRemote("accounts");

        assertThat(problems).anySatisfy(p -> assertThat(p.message()).contains("this org does not have").contains("LastName"));
        assertThat(withoutPersonAccounts.records("Account")).isEmpty();
    }

    private static Map<String, Object> account(String key) {
        return org.records("Account").stream().filter(r -> key.equals(r.get("External_Key__c"))).findFirst().orElseThrow();
    }
}
