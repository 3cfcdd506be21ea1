package dev.sfsync.engine.project;

import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.engine.plan.MergeGroups;
import dev.sfsync.engine.plan.Plan;
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
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class MergeRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/merge-test.yaml");

    /** Writes the accounts as they are, so the merge sync finds records with related Contacts. */
    static final String PLAIN_AND_MERGE = """
            models:
              accounts:
                sql: select * from accounts
                primary_key: id
            syncs:
              plain:
                model: accounts
                object: Account
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings:
                  - {from: name, to: Name}
              accounts:
                model: accounts
                object: Account
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings:
                  - {from: name, to: Name}
                merge: {shared_id: household, is_child: is_child}
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts (id varchar, name varchar, household varchar, is_child boolean)",
                "insert into accounts values ('P2', 'Two', 'h2', false), ('C2a', 'Two a', 'h2', true),"
                        + " ('P3', 'Three', 'h3', false), ('C3a', 'Three a', 'h3', true), ('C3b', 'Three b', 'h3', true),"
                        + " ('P5', 'Five', 'h5', false), ('C5a', 'Five a', 'h5', true), ('C5b', 'Five b', 'h5', true),"
                        + " ('C5c', 'Five c', 'h5', true), ('C5d', 'Five d', 'h5', true), ('Solo', 'Solo', null, false)")
                .config(PLAIN_AND_MERGE);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void groups_of_two_three_and_five_merge_into_their_parents_in_successive_calls_and_related_contacts_move() {
        harness.run("plain");
        Map<String, String> ids = accountIds();
        var rest = harness.client(ExchangeListener.NONE).rest();
        for (String child : List.of("C2a", "C3a", "C3b", "C5a", "C5d")) {
            rest.create("Contact", Map.of("LastName", "of " + child, "AccountId", ids.get(child)));
        }

        Plan plan = harness.project().plan("accounts");
        assertThat(plan.notices()).anyMatch(n -> n.contains("merge: 7 child rows into the parents of 3 groups, in 4 merge calls"));

        RunResult result = harness.run("accounts");

        assertThat(result.summary().merged()).isEqualTo(7);
        assertThat(result.summary().updated()).isEqualTo(4);
        assertThat(result.allSucceeded()).isTrue();
        assertThat(accountIds()).containsOnlyKeys("P2", "P3", "P5", "Solo");
        Map<String, String> parents = accountIds();
        assertThat(org.records("Contact")).extracting(c -> c.get("LastName") + "->" + c.get("AccountId")).containsExactlyInAnyOrder(
                "of C2a->" + parents.get("P2"), "of C3a->" + parents.get("P3"), "of C3b->" + parents.get("P3"),
                "of C5a->" + parents.get("P5"), "of C5d->" + parents.get("P5"));
        List<RowOutcome> merged = harness.project().store().outcomes().list(result.runId(), Set.of(OutcomeStatus.MERGED), 20, 0);
        assertThat(merged).extracting(o -> o.key().toString() + "->" + o.recordId())
                .contains("C5c->" + parents.get("P5"), "C2a->" + parents.get("P2"));
        long mergeCalls = harness.project().store().apiLog().list(result.runId()).stream().filter(c -> c.url().contains("/services/Soap/u/")).count();
        assertThat(mergeCalls).isEqualTo(4);

        RunResult again = harness.run("accounts");
        assertThat(again.summary().rows()).as("re-running the same model merges nothing again").isZero();
        harness.sql("update accounts set name = 'Five c renamed' where id = 'C5c'");
        RunResult changedChild = harness.run("accounts");
        assertThat(changedChild.summary().unchanged()).isEqualTo(1);
        assertThat(accountIds()).as("a merged child is not created again").containsOnlyKeys("P2", "P3", "P5", "Solo");
    }

    @Test
    void a_new_child_of_an_unchanged_parent_is_merged_into_the_parents_record() {
        harness.run("accounts");
        harness.sql("insert into accounts values ('C2b', 'Two b', 'h2', true)");

        RunResult result = harness.run("accounts");

        assertThat(result.summary().merged()).isEqualTo(1);
        assertThat(accountIds()).containsOnlyKeys("P2", "P3", "P5", "Solo");
    }

    @Test
    void groups_with_no_parent_or_two_parents_are_refused_naming_their_rows() {
        harness.sql("insert into accounts values ('X1', 'Orphan 1', 'h9', true), ('X2', 'Orphan 2', 'h9', true),"
                + " ('Y1', 'Twin 1', 'h8', false), ('Y2', 'Twin 2', 'h8', false), ('Y3', 'Twin child', 'h8', true)");

        RunResult result = harness.run("accounts");

        assertThat(result.summary().rejected()).isEqualTo(5);
        List<RowOutcome> rejected = harness.project().store().outcomes().list(result.runId(), Set.of(OutcomeStatus.REJECTED), 10, 0);
        assertThat(rejected).allSatisfy(o -> assertThat(o.error().code()).isEqualTo(MergeGroups.INVALID_GROUP));
        assertThat(rejected.stream().filter(o -> o.key().toString().equals("X1")).findFirst().orElseThrow().error().message())
                .contains("no parent row").contains("[X1, X2]");
        assertThat(rejected.stream().filter(o -> o.key().toString().equals("Y3")).findFirst().orElseThrow().error().message())
                .contains("2 parent rows ([Y1, Y2])");
        assertThat(accountIds()).doesNotContainKeys("X1", "Y1", "Y3").containsKeys("P2", "Solo");
    }

    @Test
    void merge_syncs_refuse_parallelism_above_one_and_objects_salesforce_cannot_merge() {
        harness.config(PLAIN_AND_MERGE + "    parallelism: 4\n");
        assertThat(new ProjectConfigReader().read(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("parallelism 1"));

        harness.config(PLAIN_AND_MERGE.replace("object: Account\n    mode: upsert\n    match: {column: id, field: External_Key__c}\n    mappings:\n"
                + "      - {from: name, to: Name}\n    merge", "object: Opportunity\n    mode: upsert\n    match: {column: id, field: External_Key__c}\n"
                + "    mappings:\n      - {from: name, to: Name}\n    merge"));
        assertThat(new ProjectConfigReader().read(dir).problems()).anySatisfy(p -> assertThat(p.message()).contains("not Opportunity"));
    }

    @Test
    void a_converted_lead_in_a_merge_group_fails_with_salesforces_error_explained_and_is_not_merged() {
        harness.sql("create table leads (id varchar, last varchar, company varchar, grp varchar, merge_into varchar)",
                "insert into leads values ('L1', 'Keep', 'Acme', 'g', null), ('L2', 'Converted', 'Acme', 'g', 'L1')");
        harness.config("""
                models:
                  leads:
                    sql: select * from leads
                    primary_key: id
                syncs:
                  leads:
                    model: leads
                    object: Lead
                    mode: upsert
                    match: {column: id, field: External_Id__c}
                    mappings:
                      - {from: last, to: LastName}
                      - {from: company, to: Company}
                    merge: {shared_id: grp, merge_id: merge_into}
                  plain:
                    model: leads
                    object: Lead
                    mode: upsert
                    match: {column: id, field: External_Id__c}
                    mappings:
                      - {from: last, to: LastName}
                      - {from: company, to: Company}
                """);
        harness.run("plain");
        String converted = org.records("Lead").stream().filter(l -> "L2".equals(l.get("External_Id__c"))).findFirst().orElseThrow().get("Id").toString();
        harness.convertLead(converted);
        harness.sql("update leads set company = 'Acme Inc' where id = 'L1'");

        RunResult result = harness.run("leads");

        RowOutcome failed = harness.project().store().outcomes().list(result.runId(), Set.of(OutcomeStatus.FAILED), 10, 0).getFirst();
        assertThat(failed.error().code()).isEqualTo("CANNOT_UPDATE_CONVERTED_LEAD");
        assertThat(failed.key().toString()).isEqualTo("L2");
        assertThat(dev.sfsync.engine.run.Errors.explain(failed.error().code()).fix()).contains("IsConverted");
        assertThat(result.summary().merged()).isZero();
        assertThat(org.records("Lead")).hasSize(2);
    }

    private static Map<String, String> accountIds() {
        Map<String, String> ids = new java.util.TreeMap<>();
        org.records("Account").forEach(a -> ids.put((String) a.get("External_Key__c"), (String) a.get("Id")));
        return ids;
    }
}
