package dev.sfsync.engine.lease;

import dev.sfsync.core.RunId;
import dev.sfsync.store.Run;
import dev.sfsync.store.RunCancellations;
import dev.sfsync.store.RunLease;
import dev.sfsync.store.StateStore;

import java.time.Clock;
import java.util.Optional;

/**
 * Asks a running run to stop, whichever process runs it (the CLI, any server node sharing the store): the request is
 * recorded in the state store and the run's process, which polls for it through its {@link SyncLease}, stops sending.
 * Rows it sent keep their outcomes; the rest stay pending for the next run; the run ends {@link Run.Status#CANCELLED}.
 */
public final class RunCancel {
    private final StateStore store;
    private final Clock clock;

    public RunCancel(StateStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records the request to cancel the run.
     *
     * @param requestedBy who asks, as shown on the run ("admin (api)", "pid 4711 on host-a")
     * @return the request (the first one, when the run was already asked to stop)
     * @throws RunNotFound       when the store has no such run
     * @throws RunNotCancellable when the run ended, its process died, or it is of a kind that cannot be cancelled
     */
    public RunCancellations.Request request(RunId id, String requestedBy) {
        Run run = store.runs().find(id).orElseThrow(() -> new RunNotFound(id));
        if (run.status() != Run.Status.RUNNING) {
            throw new RunNotCancellable(run, "run " + id + " already ended (" + run.status().name().toLowerCase(java.util.Locale.ROOT) + ")",
                    "nothing to cancel; 'sfsync runs show " + id + "' shows what it did");
        }
        if (run.kind() != Run.Kind.OUTBOUND) {
            throw new RunNotCancellable(run, "run " + id + " is " + run.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
                    + "; only outbound runs can be cancelled so far", "wait for it to end; it sends nothing to Salesforce but what it read");
        }
        Optional<RunLease> lease = store.runLeases().current(run.sync()).filter(l -> id.equals(l.run()) && !l.expiredAt(clock.instant()));
        if (lease.isEmpty()) {
            throw new RunNotCancellable(run, "run " + id + " is no longer going on: its process stopped without ending it",
                    "nothing to cancel; the next run of " + run.sync() + " marks it interrupted and reconciles what it sent");
        }
        return store.cancellations().request(id, requestedBy);
    }
}
