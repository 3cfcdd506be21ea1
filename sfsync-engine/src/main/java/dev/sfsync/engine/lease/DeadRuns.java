package dev.sfsync.engine.lease;

import dev.sfsync.store.Run;
import dev.sfsync.store.RunLease;
import dev.sfsync.store.StateStore;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds runs still marked running whose process is gone (their lease expired, was taken over, or names a dead process of
 * this host) and ends them as {@link Run.Status#INTERRUPTED}, so that no run stays RUNNING forever after a kill.
 */
public final class DeadRuns {
    private DeadRuns() {
    }

    /** A run that was found dead, and when its process was last known alive. */
    public record Interrupted(Run run, Instant lastAlive, String holder) {
    }

    /** Marks every dead run interrupted; returns them, oldest first. */
    public static List<Interrupted> interrupt(StateStore store, Clock clock) {
        List<Interrupted> interrupted = new ArrayList<>();
        for (Run run : store.runs().running()) {
            Optional<RunLease> lease = store.runLeases().current(run.sync());
            if (alive(run, lease, clock.instant())) {
                continue;
            }
            boolean ownLease = lease.isPresent() && run.id().equals(lease.get().run());
            Instant lastAlive = ownLease ? lease.get().expiresAt().minus(lease.get().ttl()) : run.startedAt();
            String holder = ownLease ? LeaseHolder.parse(lease.get().holder()).map(LeaseHolder::describe).orElse(lease.get().holder()) : null;
            String message = "interrupted: its process" + (holder == null ? "" : " (" + holder + ")")
                    + " stopped without ending the run (killed, crashed or the machine stopped)";
            if (store.runs().interrupt(run.id(), lastAlive, store.outcomes().summarize(run.id()), message)) {
                interrupted.add(new Interrupted(store.runs().find(run.id()).orElseThrow(), lastAlive, holder));
            }
        }
        return interrupted;
    }

    private static boolean alive(Run run, Optional<RunLease> lease, Instant now) {
        if (lease.isEmpty() || lease.get().expiredAt(now)) {
            return false;
        }
        RunLease live = lease.get();
        if (live.run() == null) {
            // A process took the lease and is starting its run: only runs older than its lease are dead.
            return !run.startedAt().isBefore(live.acquiredAt());
        }
        return live.run().equals(run.id()) && !LeaseHolder.parse(live.holder()).map(LeaseHolder::knownDead).orElse(false);
    }
}
