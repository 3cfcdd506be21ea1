package dev.sfsync.engine.project;

import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.config.ConfigProblem;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.salesforce.observe.ExchangeListener;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MultiObjectRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/merge-test.yaml");

    static final String PEOPLE = """
            models:
              people:
                sql: select * from people
                primary_key: key
            syncs:
              people:
                model: people
                object: Contact
                mode: %s
                match: {column: key, field: External_Id__c}
                mappings:
                  - {from: last, to: LastName}
                  - {from: email, to: Email}
                lead:
                  field: %s
                  create: %s
                  mappings:
                    - {from: last, to: LastName}
                    - {from: email, to: Email}
                    - {from: company, to: Company}
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table people (key varchar, last varchar, email varchar, company varchar)",
                "insert into people values ('K1', 'Contact Row', 'k1@x.test', 'Acme'), ('K2', 'Lead Row', 'k2@x.test', 'Globex'),"
                        + " ('K3', 'New Row', 'k3@x.test', 'Initech')");
        var rest = harness.client(ExchangeListener.NONE).rest();
        rest.create("Contact", Map.of("LastName", "Old contact", "External_Id__c", "K1"));
        rest.create("Lead", Map.of("LastName", "Old lead", "Company", "Old Co", "External_Id__c", "K2"));
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void a_cancelled_run_keeps_what_it_sent_and_the_next_run_sends_the_rest_once() throws Exception {
        harness.config(PEOPLE.formatted("upsert", "External_Id__c", "false"))
                .sql("insert into people select 'N' || i, 'Person ' || i, 'n' || i || '@x.test', 'Co' from range(1000) t(i)");
        org.faults().set("latency: [{api: rest, path: 'composite/sobjects', fixedMillis: 300}]");

        RunResult cancelled = CancelRunTest.runCancelled(harness.project(), "people", false);

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(harness.project().store().runs().find(cancelled.runId()).orElseThrow().status()).isEqualTo(dev.sfsync.store.Run.Status.CANCELLED);
        long created = cancelled.summary().created();
        assertThat(created).as("stopped midway").isBetween(1L, 800L);
        assertThat(cancelled.summary().failed()).as("unsent rows are pending, not failed").isZero();
        org.faults().clear();

        RunResult next = harness.run("people");
        assertThat(next.cancelled()).isFalse();
        assertThat(org.records("Contact").stream().filter(c -> String.valueOf(c.get("External_Id__c")).startsWith("N")))
                .as("each new person once").hasSize(1000)
                .extracting(c -> c.get("External_Id__c")).doesNotHaveDuplicates();
        assertThat(harness.run("people").apiCalls()).as("nothing left pending").isZero();
    }

    @Test
    void an_existing_contact_is_updated_else_an_existing_lead_else_a_contact_is_created() {
        harness.config(PEOPLE.formatted("upsert", "External_Id__c", "false"));

        RunResult result = harness.run("people");

        assertThat(result.summary().updated()).isEqualTo(2);
        assertThat(result.summary().created()).isEqualTo(1);
        assertThat(org.records("Contact")).extracting(c -> c.get("External_Id__c") + ":" + c.get("LastName"))
                .containsExactlyInAnyOrder("K1:Contact Row", "K3:New Row");
        assertThat(org.records("Lead")).extracting(l -> l.get("External_Id__c") + ":" + l.get("LastName") + ":" + l.get("Company"))
                .containsExactly("K2:Lead Row:Globex");
        assertThat(objectOfEachRow(result)).containsEntry("K1", "003").containsEntry("K2", "00Q").containsEntry("K3", "003");
    }

    @Test
    void creates_whose_answers_were_lost_are_found_by_the_next_run_and_never_made_twice() {
        // A multi-object sync has no insert mode (validation refuses it): it looks each row up on both objects before
        // creating, so a create whose answer was lost is found, and updated, by the next run instead of sent again.
        harness.sql("insert into people select 'N' || i, 'New ' || i, 'n' || i || '@x.test', 'Co' from range(300) t(i)");
        harness.config(PEOPLE.formatted("upsert", "External_Id__c", "false"));
        org.faults().seed(5).set("dropConnections: [{api: rest, path: 'composite/sobjects', rate: 0.5, when: after}]");

        RunResult first = harness.run("people");
        assertThat(org.faults().log()).as("answers were lost").isNotEmpty();
        assertThat(peopleKeys()).as("no record made twice by the run that lost answers").doesNotHaveDuplicates();
        org.faults().clear();
        RunResult second = harness.run("people");

        assertThat(second.changes().total()).as("the rerun sends only the rows the first did not settle").isEqualTo(first.summary().failed());
        assertThat(second.allSucceeded()).isTrue();
        assertThat(peopleKeys()).hasSize(303).doesNotHaveDuplicates();
    }

    private static java.util.List<Object> peopleKeys() {
        java.util.List<Object> keys = new java.util.ArrayList<>();
        org.records("Contact").forEach(c -> keys.add(c.get("External_Id__c")));
        org.records("Lead").forEach(l -> keys.add(l.get("External_Id__c")));
        return keys;
    }

    @Test
    void create_true_makes_new_rows_leads_and_update_mode_fails_rows_neither_object_has() {
        harness.config(PEOPLE.formatted("upsert", "External_Id__c", "true"));
        RunResult created = harness.run("people");
        assertThat(objectOfEachRow(created)).containsEntry("K3", "00Q");
        assertThat(org.records("Lead")).extracting(l -> l.get("External_Id__c")).containsExactlyInAnyOrder("K2", "K3");

        harness.sql("insert into people values ('K9', 'Nobody', null, 'None')");
        harness.config(PEOPLE.formatted("update", "External_Id__c", "false"));
        RunResult update = harness.run("people");
        RowOutcome failed = harness.project().outcomes(update.runId(), 10).stream().filter(o -> o.error() != null).findFirst().orElseThrow();
        assertThat(failed.key().toString()).isEqualTo("K9");
        assertThat(failed.error().message()).contains("No Contact has External_Id__c = 'K9' and no Lead has");
    }

    @Test
    void a_converted_lead_shares_its_value_with_its_contact_and_the_contact_wins() {
        String leadId = org.records("Lead").getFirst().get("Id").toString();
        harness.convertLead(leadId);
        assertThat(org.records("Contact")).extracting(c -> c.get("External_Id__c")).as("conversion carried the value over").contains("K2");
        harness.config(PEOPLE.formatted("upsert", "External_Id__c", "false"));

        RunResult result = harness.run("people");

        assertThat(result.allSucceeded()).isTrue();
        assertThat(objectOfEachRow(result)).containsEntry("K2", "003");
        assertThat(org.records("Contact")).filteredOn(c -> "K2".equals(c.get("External_Id__c"))).singleElement()
                .satisfies(c -> assertThat(c.get("LastName")).isEqualTo("Lead Row"));
        assertThat(org.records("Lead")).singleElement().satisfies(l -> assertThat(l.get("LastName")).isEqualTo("Old lead"));
    }

    @Test
    void account_or_lead_updates_an_account_else_a_lead_else_creates_an_account() {
        harness.client(ExchangeListener.NONE).rest().create("Account", Map.of("Name", "Old account", "External_Key__c", "K1"));
        harness.config("""
                models:
                  people:
                    sql: select * from people
                    primary_key: key
                syncs:
                  companies:
                    model: people
                    object: Account
                    mode: upsert
                    match: {column: key, field: External_Key__c}
                    mappings:
                      - {from: company, to: Name}
                    lead:
                      field: External_Id__c
                      mappings:
                        - {from: last, to: LastName}
                        - {from: company, to: Company}
                """);

        RunResult result = harness.run("companies");

        assertThat(objectOfEachRow(result)).containsEntry("K1", "001").containsEntry("K2", "00Q").containsEntry("K3", "001");
        assertThat(org.records("Account")).extracting(a -> a.get("External_Key__c") + ":" + a.get("Name"))
                .containsExactlyInAnyOrder("K1:Acme", "K3:Initech");
        assertThat(org.records("Lead")).extracting(l -> l.get("Company")).containsExactly("Globex");
    }

    @Test
    void validation_names_the_lead_field_that_is_missing_or_not_an_external_id() {
        harness.config(PEOPLE.formatted("upsert", "Lead_Key__c", "false"));
        List<ConfigProblem> missing = harness.project().validateRemote("people");
        assertThat(missing).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("syncs.people.lead.field");
            assertThat(p.message()).contains("Lead").contains("Lead_Key__c");
        });

        harness.config(PEOPLE.formatted("upsert", "Plain_Key__c", "false"));
        assertThat(harness.project().validateRemote("people")).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("Plain_Key__c is not an external ID"));
    }

    private Map<String, String> objectOfEachRow(RunResult result) {
        Map<String, String> prefixes = new java.util.TreeMap<>();
        harness.project().outcomes(result.runId(), 20).stream().filter(o -> o.recordId() != null)
                .forEach(o -> prefixes.put(o.key().toString(), o.recordId().substring(0, 3)));
        return prefixes;
    }
}
