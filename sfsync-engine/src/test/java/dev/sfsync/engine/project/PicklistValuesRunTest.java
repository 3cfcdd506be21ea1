package dev.sfsync.engine.project;

import dev.sfsync.engine.config.ProjectConfigReader;
import dev.sfsync.engine.plan.Plan;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.salesforce.metadata.PicklistValueSpec;
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

class PicklistValuesRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    static final String TIERS = """
            models:
              tiers:
                sql: select * from tiers
                primary_key: value
            syncs:
              tiers:
                model: tiers
                object: Account
                mode: all
                picklist: {field: Tier__c, value: value, label: label}
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table tiers (value varchar, label varchar)",
                "insert into tiers values ('Gold', 'Gold Tier'), ('Silver', 'Silver'), ('Platinum', 'Platinum')").config(TIERS);
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void values_are_added_relabelled_and_deactivated_never_deleted_then_reactivated() {
        harness.client(ExchangeListener.NONE).rest().create("Account", Map.of("Name", "Bronze customer", "Tier__c", "Bronze"));

        Plan plan = harness.project().plan("tiers");
        assertThat(plan.notices()).singleElement().asString()
                .contains("1 values added, 1 relabelled, 1 deactivated (kept on records), 0 reactivated");

        RunResult result = harness.run("tiers");

        assertThat(result.allSucceeded()).isTrue();
        assertThat(result.summary().updated()).isEqualTo(2);
        assertThat(result.summary().unchanged()).isEqualTo(1);
        assertThat(picklist()).containsExactly(new PicklistValueSpec("Gold", "Gold Tier", true), new PicklistValueSpec("Silver", "Silver", true),
                new PicklistValueSpec("Bronze", "Bronze", false), new PicklistValueSpec("Platinum", "Platinum", true));
        assertThat(org.records("Account")).singleElement().satisfies(a -> assertThat(a.get("Tier__c")).isEqualTo("Bronze"));

        assertThat(harness.project().plan("tiers").notices()).singleElement().asString().contains("nothing to send");
        harness.sql("insert into tiers values ('Bronze', 'Bronze')");
        assertThat(harness.project().plan("tiers").notices()).singleElement().asString().contains("1 reactivated");
        harness.run("tiers");
        assertThat(picklist()).filteredOn(PicklistValueSpec::active).extracting(PicklistValueSpec::fullName)
                .containsExactly("Gold", "Silver", "Bronze", "Platinum");
    }

    @Test
    void more_than_a_thousand_values_in_all_are_refused_before_sending() {
        harness.sql("delete from tiers", "insert into tiers select 'V' || i, null from range(998) t(i)");

        RunResult result = harness.run("tiers");

        assertThat(result.stopped()).contains("1001 values").contains("limit of 1000");
        assertThat(result.errorCounts()).containsOnlyKeys("PICKLIST_LIMIT_EXCEEDED");
        assertThat(picklist()).extracting(PicklistValueSpec::fullName).containsExactly("Gold", "Silver", "Bronze");
        assertThat(harness.project().store().apiLog().list(result.runId())).noneMatch(c -> c.url().contains("/services/Soap/m/")
                && c.method().equals("POST") && c.requestBytes() > 10_000);
    }

    @Test
    void rows_sharing_a_value_or_a_label_are_rejected() {
        harness.sql("insert into tiers values ('gold', 'Another gold'), ('Copper', 'Silver')");

        RunResult result = harness.run("tiers");

        assertThat(result.summary().rejected()).isEqualTo(4);
        assertThat(result.errorCounts()).containsOnlyKeys("DUPLICATE_VALUE");
        assertThat(picklist()).extracting(PicklistValueSpec::fullName).contains("Platinum").doesNotContain("Copper", "gold");
        assertThat(picklist()).as("a value whose rows were refused is not deactivated").contains(new PicklistValueSpec("Gold", "Gold", true));
    }

    @Test
    void two_syncs_setting_one_picklist_are_flagged() {
        harness.config(TIERS + """
                  more_tiers:
                    model: tiers
                    object: account
                    mode: all
                    picklist: {field: tier__c}
                """);

        assertThat(new ProjectConfigReader().read(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("syncs tiers and more_tiers both set the values of"));
    }

    @Test
    void a_cancelled_run_writes_no_value_set_and_the_next_run_writes_it() throws Exception {
        List<PicklistValueSpec> before = picklist();
        // the field's values are read slowly, so the cancel is seen before the one write call
        org.faults().set("latency: [{api: soap, fixedMillis: 1500}]");

        RunResult cancelled = CancelRunTest.runCancelled(harness.project(), "tiers", true);

        assertThat(cancelled.cancelled()).isTrue();
        assertThat(harness.project().store().runs().find(cancelled.runId()).orElseThrow().status()).isEqualTo(dev.sfsync.store.Run.Status.CANCELLED);
        assertThat(cancelled.summary().rows()).as("no row has an outcome").isZero();
        org.faults().clear();
        assertThat(picklist()).as("nothing written").isEqualTo(before);

        RunResult next = harness.run("tiers");
        assertThat(next.allSucceeded()).isTrue();
        assertThat(picklist()).extracting(PicklistValueSpec::fullName).contains("Platinum");
    }

    private List<PicklistValueSpec> picklist() {
        return harness.client(ExchangeListener.NONE).metadata().readPicklist("Account", "Tier__c");
    }
}
