package dev.sfsync.engine.project;

import dev.sfsync.core.SyncId;
import dev.sfsync.engine.inbound.InboundProgress;
import dev.sfsync.engine.lease.SyncIsRunning;
import dev.sfsync.engine.lease.SyncLease;
import dev.sfsync.store.Run;
import dev.sfsync.store.RunLease;
import dev.sfsync.store.StateStore;
import dev.sfsync.testing.EmulatedOrg;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Inbound and two-way runs hold their sync's lease with their run id on it, as outbound runs do: a second process is
 * refused while one runs, and the lease a killed process left is broken (its run marked interrupted) by the next run.
 */
class InboundLeaseTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/inbound-test.yaml");

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table crm_contacts (id varchar primary key, salesforce_id varchar, email varchar,"
                + " first_name varchar, last_name varchar, phone varchar, title varchar, updated_at timestamp)",
                "insert into crm_contacts values ('1', null, 'ada@example.com', 'Ada', 'Lovelace', null, null, timestamp '2026-03-02 09:00:00')");
        harness.config("inbound:\n  contacts_in: {object: Contact, table: sf_contacts}\n" + TwoWaySyncRunTest.SYNC.formatted("salesforce_wins"));
    }

    @AfterEach
    void tearDown() {
        harness.close();
    }

    @Test
    void an_inbound_run_holds_the_lease_with_its_run_id_refuses_a_second_process_and_breaks_a_dead_ones_lease() throws Exception {
        holdsTheLeaseWhileRunning("contacts_in", Run.Kind.INBOUND, () -> harness.project().runInbound("contacts_in", true, InboundProgress.NONE));
    }

    @Test
    void a_two_way_run_holds_the_lease_with_its_run_id_refuses_a_second_process_and_breaks_a_dead_ones_lease() throws Exception {
        holdsTheLeaseWhileRunning("contacts_2way", Run.Kind.TWO_WAY, () -> harness.project().runTwoWay("contacts_2way"));
    }

    private void holdsTheLeaseWhileRunning(String name, Run.Kind kind, Runnable run) throws Exception {
        SyncId sync = SyncId.of(name);
        StateStore store = harness.project().store();
        Run killed = harness.deadRun(name, kind);
        org.faults().set("latency: [{api: rest, fixedMillis: 400}]");

        CompletableFuture<Void> running = CompletableFuture.runAsync(run);
        RunLease held = awaitLeaseOfANewRun(store, sync, killed);

        Run current = store.runs().find(held.run()).orElseThrow();
        assertThat(current.kind()).isEqualTo(kind);
        assertThat(current.status()).isEqualTo(Run.Status.RUNNING);
        assertThat(store.runs().find(killed.id()).orElseThrow().status()).as("the dead process's run").isEqualTo(Run.Status.INTERRUPTED);
        assertThat(store.runLeases().tryAcquire(sync, "another process", Duration.ofMinutes(5))).as("a second process").isEmpty();
        assertThatThrownBy(() -> SyncLease.acquire(store.runLeases(), sync, Duration.ofMinutes(5))).isInstanceOf(SyncIsRunning.class)
                .hasMessageContaining("sync " + name + " is running since");
        org.faults().clear();
        running.join();
        assertThat(store.runs().find(held.run()).orElseThrow().status()).isEqualTo(Run.Status.SUCCEEDED);
        assertThat(store.runLeases().current(sync)).as("released at the end").isEmpty();
    }

    private static RunLease awaitLeaseOfANewRun(StateStore store, SyncId sync, Run killed) throws InterruptedException {
        for (int i = 0; i < 1_000; i++) {
            Optional<RunLease> lease = store.runLeases().current(sync);
            if (lease.isPresent() && lease.get().run() != null && !lease.get().run().equals(killed.id())) {
                return lease.get();
            }
            Thread.sleep(10);
        }
        throw new AssertionError("no run of " + sync + " took the lease");
    }
}
