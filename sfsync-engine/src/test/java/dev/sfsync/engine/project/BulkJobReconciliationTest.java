package dev.sfsync.engine.project;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.bulk.Operation;
import dev.sfsync.salesforce.bulk1.Bulk1Spec;
import dev.sfsync.salesforce.bulk2.IngestRun;
import dev.sfsync.salesforce.bulk2.IngestSpec;
import dev.sfsync.salesforce.bulk2.JobInfo;
import dev.sfsync.salesforce.observe.ExchangeListener;
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
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A run killed with Bulk jobs open at Salesforce is reconciled from those jobs' own answers (their result sets, or each
 * batch's request beside its results) by their ids, waiting for the ones still running; only rows no job can answer
 * for any more are looked up by their key.
 */
class BulkJobReconciliationTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");
    static final int ROWS = 600;
    static final SyncId ACCOUNTS = SyncId.of("accounts");
    static final List<String> COLUMNS = List.of("External_Key__c", "Name");

    @TempDir
    Path dir;
    EngineHarness harness;
    StateStore store;
    SalesforceClient client;
    Run killed;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts as select 'A' || i as id, 'Account ' || i as name from range(" + ROWS + ") t(i)");
    }

    @AfterEach
    void tearDown() {
        org.host().bulk2().resumeProcessing();
        org.host().bulk1Jobs().resume();
        harness.close();
    }

    /** A dead run of an insert sync through {@code api} that was about to create rows A0..A99. */
    private void killedWhileCreatingTheFirst100Rows(String api) throws Exception {
        harness.config(EngineHarness.ACCOUNTS_SYNC + ("mode: insert\napi: " + api + "\nmatch: {column: id, field: External_Key__c}\n"
                + "mappings: [{from: name, to: Name}]\n").indent(4));
        store = harness.project().store();
        killed = harness.deadRun("accounts");
        store.intents().sending(ACCOUNTS, killed.id(), IntStream.range(0, 100)
                .mapToObj(i -> new WriteIntents.PendingRow(killed.id(), RowKey.of("A" + i), "A" + i)).toList());
        client = harness.client(ExchangeListener.NONE);
    }

    private Consumer<String> keptAs(String api) {
        return jobId -> store.intents().jobOpened(ACCOUNTS, killed.id(), api, jobId);
    }

    private static Iterator<List<?>> rows(int from, int to) {
        return IntStream.range(from, to).<List<?>>mapToObj(i -> List.of("A" + i, "Account " + i)).iterator();
    }

    private static IngestSpec bulk2Insert() {
        return IngestSpec.of("Account", Operation.INSERT, null, COLUMNS);
    }

    private long accountsWithKeysBelow(int n) {
        return org.records("Account").stream().filter(r -> Integer.parseInt(String.valueOf(r.get("External_Key__c")).substring(1)) < n).count();
    }

    private void assertEveryRowOnceAndNotice(RunResult result, String... parts) {
        assertThat(store.runs().find(killed.id()).orElseThrow().status()).isEqualTo(Run.Status.INTERRUPTED);
        assertThat(result.notices()).anySatisfy(n -> assertThat(n).contains(parts).contains("run " + killed.id() + " was interrupted at"));
        assertThat(result.summary().created()).isEqualTo(ROWS);
        assertThat(org.records("Account")).hasSize(ROWS);
        assertThat(harness.accountsPerKey().values()).allMatch(count -> count == 1);
        assertThat(store.intents().countPendingRows(ACCOUNTS)).isZero();
        assertThat(store.intents().pendingJobs(ACCOUNTS)).isEmpty();
    }

    @Test
    void bulk2_jobs_one_complete_one_still_running_are_reconciled_from_their_results_after_waiting_for_the_running_one() throws Exception {
        killedWhileCreatingTheFirst100Rows("bulk2");
        org.faults().seed(3).set("recordErrors: [{object: Account, rate: 0.2, errorCode: UNABLE_TO_LOCK_ROW}]");
        long failed;
        try (IngestRun done = client.bulk2().ingest(bulk2Insert(), rows(0, 60), keptAs("BULK2"))) {
            failed = done.rowsFailed();
        }
        assertThat(failed).as("some rows failed at Salesforce").isPositive();
        org.faults().clear();
        org.host().bulk2().minProcessingMillis(3_000);
        CompletableFuture<Void> stillRunning = CompletableFuture.runAsync(() -> client.bulk2().ingest(bulk2Insert(), rows(60, 80), keptAs("BULK2")).close());
        String running = awaitSecondJob();
        assertThat(client.bulk2().ingestJob(running).finished()).as("the job is still running when the run starts").isFalse();

        RunResult result = harness.run("accounts");

        stillRunning.join();
        long created = 60 - failed + 20;
        // A80..A99 never reached a job: only they are looked up by key.
        assertEveryRowOnceAndNotice(result, "100 rows reconciled (80 from the results of Bulk job ", running,
                "; 20 looked up in Salesforce by External_Key__c): " + created + " created, " + (100 - created) + " to resend (" + failed
                        + " of them failed or were not processed");
    }

    @Test
    void a_bulk1_job_killed_with_batches_queued_is_reconciled_from_each_batch_request_and_results_once_they_ran() throws Exception {
        killedWhileCreatingTheFirst100Rows("bulk1");
        org.host().bulk1Jobs().pause();
        CompletableFuture<Void> queued = CompletableFuture.runAsync(() -> client.bulk1().load(Bulk1Spec.of("Account", Operation.INSERT, null, COLUMNS)
                .withBatchSize(30), rows(0, 90), keptAs("BULK1")));
        while (org.host().bulk1Jobs().summaries().stream().mapToInt(j -> j.batches()).sum() < 3) {
            Thread.sleep(20);
        }
        assertThat(accountsWithKeysBelow(100)).as("the batches are still queued").isZero();
        CompletableFuture.runAsync(() -> {
            sleep(1_000);
            org.host().bulk1Jobs().resume();
        });

        RunResult result = harness.run("accounts");

        queued.exceptionally(e -> null).join();
        assertEveryRowOnceAndNotice(result, "100 rows reconciled (90 from the results of Bulk job ",
                "; 10 looked up in Salesforce by External_Key__c): 90 created, 10 to resend");
    }

    @Test
    void rows_of_a_job_salesforce_no_longer_has_are_looked_up_by_key_and_the_notice_says_so() throws Exception {
        killedWhileCreatingTheFirst100Rows("bulk2");
        String expired;
        try (IngestRun done = client.bulk2().ingest(bulk2Insert(), rows(0, 60), keptAs("BULK2"))) {
            expired = done.jobs().getFirst().id();
        }
        client.bulk2().deleteIngestJob(expired);

        RunResult result = harness.run("accounts");

        assertEveryRowOnceAndNotice(result, "100 rows reconciled (100 looked up in Salesforce by External_Key__c (Salesforce no longer has Bulk job "
                + expired + " or its results)): 60 created, 40 to resend");
    }

    @Test
    void rows_a_job_answered_as_not_created_are_still_looked_up_since_a_job_salesforce_no_longer_has_may_have_created_them() throws Exception {
        killedWhileCreatingTheFirst100Rows("bulk2");
        String first;
        try (IngestRun done = client.bulk2().ingest(bulk2Insert(), rows(0, 60), keptAs("BULK2"))) {
            first = done.jobs().getFirst().id();
        }
        // The same rows again in a second job: each answered DUPLICATE_VALUE, since the first job created them
        try (IngestRun again = client.bulk2().ingest(bulk2Insert(), rows(0, 60), keptAs("BULK2"))) {
            assertThat(again.rowsFailed()).isEqualTo(60);
        }
        client.bulk2().deleteIngestJob(first);

        RunResult result = harness.run("accounts");

        assertEveryRowOnceAndNotice(result, "100 rows reconciled (60 from the results of Bulk job ", "60 created, 40 to resend");
    }

    @Test
    void a_job_that_does_not_end_while_the_run_waits_stops_the_run_before_anything_is_sent_and_says_what_to_do() throws Exception {
        harness.pollTimeout = Duration.ofSeconds(2);
        killedWhileCreatingTheFirst100Rows("bulk2");
        org.host().bulk2().pauseProcessing();
        CompletableFuture<Void> held = CompletableFuture.runAsync(() -> client.bulk2().ingest(bulk2Insert(), rows(0, 60), keptAs("BULK2")).close());
        String running = awaitJob(1);

        assertThatThrownBy(() -> harness.run("accounts")).hasMessageContaining("Bulk API 2.0 job " + running + " still running at Salesforce")
                .hasMessageContaining("Nothing was sent: run the sync again once the job has ended");

        assertThat(org.records("Account")).isEmpty();
        assertThat(store.intents().countPendingRows(ACCOUNTS)).as("kept for the next run").isEqualTo(100);
        org.host().bulk2().resumeProcessing();
        held.exceptionally(e -> null).join();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String awaitSecondJob() throws InterruptedException {
        return awaitJob(2);
    }

    /** Waits until the {@code n}-th job kept for the dead run was uploaded (no longer Open); returns its id. */
    private String awaitJob(int n) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            List<WriteIntents.PendingJob> jobs = store.intents().pendingJobs(ACCOUNTS);
            if (jobs.size() == n && !JobInfo.OPEN.equals(client.bulk2().ingestJob(jobs.get(n - 1).jobId()).state())) {
                return jobs.get(n - 1).jobId();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job " + n + " was never uploaded");
    }
}
