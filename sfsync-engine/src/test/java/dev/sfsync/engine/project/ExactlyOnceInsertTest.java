package dev.sfsync.engine.project;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.engine.run.Errors;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;
import dev.sfsync.store.WriteIntents;
import dev.sfsync.testing.EmulatedOrg;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** Inserts create each row's record once, whatever happens to Salesforce's answers or to the process in between. */
class ExactlyOnceInsertTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");
    static final int ROWS = 600;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts as select 'A' || i as id, 'Account ' || i as name from range(" + ROWS + ") t(i)");
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    private RunResult run(String sync) {
        return harness.config(EngineHarness.ACCOUNTS_SYNC + sync.indent(4)).run("accounts");
    }

    private static final String WITH_KEY = "mode: insert\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}]\n";

    private Map<Object, Long> recordsPerKey() {
        return harness.accountsPerKey();
    }

    @Test
    void creates_whose_answer_was_lost_are_looked_up_by_their_key_and_never_sent_twice() {
        org.faults().seed(7).set("dropConnections: [{api: rest, path: 'composite/sobjects', rate: 0.3, when: after}]");

        RunResult result = run(WITH_KEY);

        assertThat(org.faults().log()).as("answers were lost").isNotEmpty();
        assertThat(result.summary().created()).isEqualTo(ROWS);
        assertThat(org.records("Account")).hasSize(ROWS);
        assertThat(recordsPerKey().values()).allMatch(count -> count == 1);
    }

    @Test
    void without_a_key_at_most_once_reports_lost_creates_as_unknown_instead_of_sending_them_again() {
        org.faults().seed(7).set("dropConnections: [{api: rest, path: 'composite/sobjects', rate: 0.3, when: after}]");

        RunResult result = run("mode: insert\ninsert_without_key: at_most_once\nmappings: [{from: name, to: Name}]\n");

        long unknown = result.errorCounts().getOrDefault(Errors.OUTCOME_UNKNOWN, 0L);
        assertThat(unknown).isPositive();
        assertThat(org.records("Account")).as("every lost create did happen, once").hasSize(ROWS);
        assertThat(result.summary().created() + unknown).isEqualTo(ROWS);
    }

    @Test
    void a_run_killed_after_its_creates_reached_salesforce_is_reconciled_by_key_before_anything_is_sent() throws Exception {
        // What a process killed mid-run leaves: a RUNNING run under a lease of a dead process, the intents of 100 rows,
        // of which Salesforce created 60 before the kill.
        // keep_row_outcomes: all, so that the reconciled row's own outcome (not only its count) can be read back.
        harness.config(EngineHarness.ACCOUNTS_SYNC + (WITH_KEY + "keep_row_outcomes: all\n").indent(4));
        StateStore store = harness.project().store();
        SyncId accounts = SyncId.of("accounts");
        Run killed = harness.deadRun("accounts");
        store.intents().sending(accounts, killed.id(), IntStream.range(0, 100)
                .mapToObj(i -> new WriteIntents.PendingRow(killed.id(), RowKey.of("A" + i), "A" + i)).toList());
        var client = harness.client(dev.sfsync.salesforce.observe.ExchangeListener.NONE);
        List<String> ids = client.rest().collections().create("Account", IntStream.range(0, 60)
                .<Map<String, Object>>mapToObj(i -> Map.of("Name", "Account " + i, "External_Key__c", "A" + i)).toList())
                .stream().map(dev.sfsync.salesforce.rest.SaveResult::id).toList();

        RunResult result = harness.run("accounts");

        assertThat(store.runs().find(killed.id()).orElseThrow().status()).isEqualTo(Run.Status.INTERRUPTED);
        assertThat(result.notices()).anySatisfy(n -> assertThat(n).contains("run " + killed.id(), "100 rows reconciled (100 looked up in Salesforce by External_Key__c): 60 created, 40 to resend"));
        assertThat(result.summary().created()).isEqualTo(ROWS);
        assertThat(org.records("Account")).hasSize(ROWS);
        assertThat(recordsPerKey().values()).allMatch(count -> count == 1);
        assertThat(harness.project().outcomes(result.runId(), ROWS)).filteredOn(o -> o.key().equals(RowKey.of("A7")))
                .singleElement().satisfies(o -> assertThat(o.recordId()).isEqualTo(ids.get(7)));
        assertThat(store.intents().countPendingRows(accounts)).isZero();
    }

    @Test
    void a_killed_run_of_a_sync_without_a_key_is_noticed_with_what_to_check_and_from_when() throws Exception {
        harness.config(EngineHarness.ACCOUNTS_SYNC + "mode: insert\ninsert_without_key: at_least_once\nmappings: [{from: name, to: Name}]\n".indent(4));
        StateStore store = harness.project().store();
        SyncId accounts = SyncId.of("accounts");
        Run killed = harness.deadRun("accounts");
        store.intents().sending(accounts, killed.id(), IntStream.range(0, 100)
                .mapToObj(i -> new WriteIntents.PendingRow(killed.id(), RowKey.of("A" + i), null)).toList());
        String since = java.time.format.DateTimeFormatter.ISO_INSTANT.format(killed.startedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS));

        RunResult result = harness.run("accounts");

        assertThat(result.notices()).anySatisfy(n -> assertThat(n).contains("run " + killed.id(), "100 rows were being created when it stopped",
                "no idempotency key", "sent again (insert_without_key: at_least_once)", "Check Account for duplicates created since " + since,
                "SELECT Id, CreatedDate FROM Account WHERE CreatedDate >= " + since));
        assertThat(store.intents().countPendingRows(accounts)).isZero();
    }
}
