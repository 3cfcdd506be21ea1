package dev.sfsync.engine.lease;

import dev.sfsync.core.SyncId;
import dev.sfsync.store.Run;
import dev.sfsync.store.RunLease;
import dev.sfsync.store.StateStore;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SyncLeaseTest {
    static final SyncId ACCOUNTS = SyncId.of("accounts");

    @TempDir
    Path dir;
    StateStore store;

    @BeforeEach
    void open() {
        store = StateStore.embedded(dir).open();
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A holder on another host: alive for as long as its lease says. */
    static String elsewhere() {
        return new LeaseHolder(4711, "other-host", Instant.parse("2026-01-01T00:00:00Z")).toString();
    }

    /** A process of this host that has ended. */
    static String deadHereHolder() throws Exception {
        Process process = new ProcessBuilder("true").start();
        process.waitFor();
        return new LeaseHolder(process.pid(), LeaseHolder.current().host(), Instant.parse("2026-01-01T00:00:00Z")).toString();
    }

    @Test
    void a_second_run_of_a_held_sync_is_refused_with_who_holds_it() {
        RunLease held = store.runLeases().tryAcquire(ACCOUNTS, elsewhere(), Duration.ofMinutes(1)).orElseThrow();
        Run run = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND);
        store.runLeases().attach(held, run.id());

        assertThatThrownBy(() -> SyncLease.acquire(store.runLeases(), ACCOUNTS, Duration.ofMinutes(1)))
                .isInstanceOf(SyncIsRunning.class)
                .hasMessageMatching("(?s)sync accounts is running since \\d\\d:\\d\\d \\(run " + run.id() + "\\); wait or cancel it.*")
                .hasMessageContaining("pid 4711 on other-host");
        assertThat(DeadRuns.interrupt(store, Clock.systemUTC())).as("a live holder's run is not dead").isEmpty();
    }

    @Test
    void a_lease_this_process_left_behind_without_releasing_it_does_not_block_its_next_run() {
        store.runLeases().tryAcquire(ACCOUNTS, LeaseHolder.current().toString(), Duration.ofMinutes(10)).orElseThrow();

        try (SyncLease lease = SyncLease.acquire(store.runLeases(), ACCOUNTS, Duration.ofMinutes(1))) {
            assertThat(lease.lost()).isFalse();
            assertThatThrownBy(() -> SyncLease.acquire(store.runLeases(), ACCOUNTS, Duration.ofMinutes(1)))
                    .as("a lease this process holds open still binds it").isInstanceOf(SyncIsRunning.class);
        }
    }

    @Test
    void the_lease_of_a_dead_process_of_this_host_is_broken_at_once_and_its_run_marked_interrupted() throws Exception {
        RunLease held = store.runLeases().tryAcquire(ACCOUNTS, deadHereHolder(), Duration.ofMinutes(10)).orElseThrow();
        Run dead = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND);
        store.runLeases().attach(held, dead.id());

        assertThat(DeadRuns.interrupt(store, Clock.systemUTC())).singleElement().satisfies(i -> {
            assertThat(i.run().id()).isEqualTo(dead.id());
            assertThat(i.run().status()).isEqualTo(Run.Status.INTERRUPTED);
            assertThat(i.holder()).contains(LeaseHolder.current().host());
        });
        try (SyncLease lease = SyncLease.acquire(store.runLeases(), ACCOUNTS, Duration.ofMinutes(1))) {
            assertThat(store.runLeases().current(ACCOUNTS).orElseThrow().holder()).isEqualTo(LeaseHolder.current().toString());
            assertThat(lease.lost()).isFalse();
        }
        assertThat(store.runLeases().current(ACCOUNTS)).as("released at the end").isEmpty();
    }

    @Test
    void a_run_keeps_its_lease_past_its_time_to_live_by_renewing_it() throws Exception {
        try (SyncLease lease = SyncLease.acquire(store.runLeases(), ACCOUNTS, Duration.ofMillis(400))) {
            Thread.sleep(1_000);
            assertThat(store.runLeases().current(ACCOUNTS).orElseThrow().expiredAt(Instant.now())).isFalse();
            assertThatThrownBy(() -> SyncLease.acquire(store.runLeases(), ACCOUNTS, Duration.ofMinutes(1))).isInstanceOf(SyncIsRunning.class);
            assertThat(lease.lost()).isFalse();
        }
    }

    @Test
    void a_lease_taken_over_after_it_expired_is_lost_to_its_old_holder() throws Exception {
        try (SyncLease lease = SyncLease.acquire(store.runLeases(), ACCOUNTS, Duration.ofMillis(400))) {
            RunLease mine = store.runLeases().current(ACCOUNTS).orElseThrow();
            store.runLeases().release(mine);
            store.runLeases().tryAcquire(ACCOUNTS, elsewhere(), Duration.ofMinutes(1)).orElseThrow();
            Thread.sleep(500);
            assertThat(lease.lost()).isTrue();
        }
        assertThat(store.runLeases().current(ACCOUNTS).orElseThrow().holder()).as("the new holder keeps it").isEqualTo(elsewhere());
    }

    @Test
    void a_run_whose_lease_expired_is_dead_and_one_starting_under_a_fresh_lease_is_not() {
        RunLease expired = store.runLeases().tryAcquire(ACCOUNTS, elsewhere(), Duration.ofMillis(1)).orElseThrow();
        Run dead = store.runs().start(ACCOUNTS, Run.Kind.OUTBOUND);
        store.runLeases().attach(expired, dead.id());
        SyncId contacts = SyncId.of("contacts");
        store.runLeases().tryAcquire(contacts, elsewhere(), Duration.ofMinutes(1)).orElseThrow();
        Run starting = store.runs().start(contacts, Run.Kind.OUTBOUND);

        assertThat(DeadRuns.interrupt(store, Clock.systemUTC())).extracting(i -> i.run().id()).containsExactly(dead.id());
        assertThat(store.runs().find(starting.id()).orElseThrow().status()).isEqualTo(Run.Status.RUNNING);
    }
}
