package dev.sfsync.engine.project;

import dev.sfsync.core.RunId;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.lease.RunCancel;
import dev.sfsync.engine.run.RunProgress;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.store.Run;
import dev.sfsync.store.StateStore;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A cancelled run stops before its next write call: what it sent keeps its outcomes, the rest goes with the next run, once. */
class CancelRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");
    static final int ROWS = 2_000;

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

    private static Map<Object, Long> recordsPerKey() {
        return org.records("Account").stream().collect(Collectors.groupingBy(r -> String.valueOf(r.get("External_Key__c")), Collectors.counting()));
    }

    /** Runs the sync on another thread and asks to cancel it, as another process would, once its first rows have outcomes. */
    private RunResult runCancelledAfterFirstOutcomes() throws Exception {
        return runCancelled(harness.project(), "accounts", false);
    }

    /**
     * Runs the sync on another thread and asks to cancel it, as another process would: as soon as it started, or once
     * its first rows were created.
     */
    static RunResult runCancelled(SyncProject project, String sync, boolean atStart) throws Exception {
        project.leaseTtl(Duration.ofSeconds(2));
        StateStore store = project.store();
        CompletableFuture<RunId> started = new CompletableFuture<>();
        AtomicBoolean asked = new AtomicBoolean();
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> project.run(sync, new RunProgress() {
            @Override
            public void started(RunId run) {
                started.complete(run);
                if (atStart && asked.compareAndSet(false, true)) {
                    new RunCancel(store, Clock.systemUTC()).request(run, "tess (test)");
                }
            }

            @Override
            public void settled(List<RowOutcome> outcomes) {
                if (outcomes.stream().anyMatch(o -> o instanceof RowOutcome.Created) && asked.compareAndSet(false, true)) {
                    new RunCancel(store, Clock.systemUTC()).request(started.join(), "tess (test)");
                }
            }
        }));
        return result.get(60, TimeUnit.SECONDS);
    }

    @Test
    void a_cancelled_rest_run_keeps_what_it_sent_and_the_next_run_sends_the_rest_once() throws Exception {
        harness.config(EngineHarness.ACCOUNTS_SYNC + "mode: insert\nparallelism: 1\nmatch: {column: id, field: External_Key__c}\nmappings: [{from: name, to: Name}]\n"
                .indent(4));
        org.faults().set("latency: [{api: rest, path: 'composite/sobjects', fixedMillis: 300}]");

        RunResult cancelled = runCancelledAfterFirstOutcomes();

        Run run = harness.project().store().runs().find(cancelled.runId()).orElseThrow();
        assertThat(cancelled.cancelled()).isTrue();
        assertThat(run.status()).isEqualTo(Run.Status.CANCELLED);
        assertThat(run.message()).contains("cancelled by tess (test)", "the rest are sent by the next run");
        long sent = cancelled.summary().created();
        assertThat(sent).as("stopped midway").isBetween(200L, ROWS - 200L);
        assertThat(cancelled.summary().failed()).as("unsent rows are pending, not failed").isZero();
        assertThat(org.records("Account")).hasSize((int) sent);
        assertThat(harness.project().store().outcomes().summarize(cancelled.runId()).rows()).as("outcomes for the rows sent only").isEqualTo(sent);
        assertThat(harness.project().outcomes(cancelled.runId(), ROWS)).as("successes are counts").isEmpty();

        org.faults().clear();
        RunResult next = harness.run("accounts");

        assertThat(next.cancelled()).isFalse();
        assertThat(next.summary().created()).as("only the rows the cancelled run did not send").isEqualTo(ROWS - sent);
        assertThat(org.records("Account")).hasSize(ROWS);
        assertThat(recordsPerKey().values()).allMatch(count -> count == 1);
        assertThat(harness.run("accounts").apiCalls()).as("nothing left pending").isZero();
    }

    @Test
    void a_cancel_arriving_while_a_bulk_job_runs_waits_for_its_outcomes_and_loses_none() throws Exception {
        harness.config(EngineHarness.ACCOUNTS_SYNC + ("mode: insert\napi: bulk2\nmatch: {column: id, field: External_Key__c}\n"
                + "mappings: [{from: name, to: Name}]\n").indent(4));
        org.faults().set("latency: [{api: bulk2, fixedMillis: 50}]");
        SyncProject project = harness.project();
        project.leaseTtl(Duration.ofSeconds(2));
        CompletableFuture<RunId> started = new CompletableFuture<>();
        CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> project.run("accounts", new RunProgress() {
            @Override
            public void started(RunId run) {
                started.complete(run);
            }
        }));
        RunId id = started.get(30, TimeUnit.SECONDS);
        while (org.records("Account").isEmpty() && !running.isDone()) {
            Thread.sleep(20);
        }
        new RunCancel(project.store(), Clock.systemUTC()).request(id, "tess (test)");

        RunResult result = running.get(60, TimeUnit.SECONDS);

        assertThat(result.summary().created()).as("the job's rows were uploaded before the cancel: their outcomes are kept").isEqualTo(ROWS);
        assertThat(org.records("Account")).hasSize(ROWS);
        assertThat(harness.run("accounts").apiCalls()).as("nothing sent twice, nothing left").isZero();
    }
}
