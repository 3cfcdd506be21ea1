package dev.sfsync.engine.lease;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SyncId;
import dev.sfsync.store.RunCancellations;
import dev.sfsync.store.RunLease;
import dev.sfsync.store.RunLeases;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A sync's run lease held by this process for one run: renewed on a timer of its own, so a run busy in a long Bulk
 * job keeps it; released on close. If renewing fails long enough for the lease to expire (the store was unreachable, the
 * process was suspended), {@link #lost()} turns true and the run must stop sending: another process may own the sync.
 */
public final class SyncLease implements AutoCloseable {
    /** Long enough to ride out a slow store write; a dead process on another host frees its syncs after this. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(60);
    /** How soon a run notices a request to cancel it. */
    static final Duration CANCEL_POLL = Duration.ofSeconds(1);

    private final RunLeases leases;
    private final AtomicReference<RunLease> lease;
    private final AtomicBoolean lost = new AtomicBoolean();
    private final AtomicReference<RunCancellations.Request> cancelRequest = new AtomicReference<>();
    private final ScheduledExecutorService renewer;
    /**
     * The tokens of the leases this process holds open. A lease in the store that names this process but none of these
     * was left behind by a run of this process that ended without releasing it (the store refused the write: a full disk),
     * so it binds no one; without this a long-lived process (the server, a test) would wait out the whole TTL.
     */
    private static final Set<String> OPEN_HERE = ConcurrentHashMap.newKeySet();

    private SyncLease(RunLeases leases, RunLease lease) {
        OPEN_HERE.add(lease.token());
        this.leases = leases;
        this.lease = new AtomicReference<>(lease);
        this.renewer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sfsync-lease-" + lease.sync()).factory());
        long period = Math.max(1, lease.ttl().toMillis() / 4);
        renewer.scheduleWithFixedDelay(this::renew, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the sync's lease for this process, breaking one whose holder is a dead process of this host.
     *
     * @throws SyncIsRunning when a live process holds it
     */
    public static SyncLease acquire(RunLeases leases, SyncId sync, Duration ttl) {
        String holder = LeaseHolder.current().toString();
        Optional<RunLease> taken = leases.tryAcquire(sync, holder, ttl);
        if (taken.isEmpty()) {
            Optional<RunLease> current = leases.current(sync);
            if (current.isPresent() && (leftBehindHere(current.get(), holder)
                    || LeaseHolder.parse(current.get().holder()).map(LeaseHolder::knownDead).orElse(false))) {
                leases.release(current.get());
                taken = leases.tryAcquire(sync, holder, ttl);
            }
        }
        if (taken.isEmpty()) {
            throw new SyncIsRunning(sync, leases.current(sync).orElseThrow(() -> new IllegalStateException("lease of " + sync + " vanished")));
        }
        return new SyncLease(leases, taken.get());
    }

    private static boolean leftBehindHere(RunLease current, String thisProcess) {
        return current.holder().equals(thisProcess) && !OPEN_HERE.contains(current.token());
    }

    /** Names the run going on under the lease, so that a refused second run can say which one holds the sync. */
    public void attach(RunId run) {
        leases.attach(lease.get(), run).ifPresentOrElse(lease::set, () -> lost.set(true));
    }

    /**
     * Names the run and watches for a request to cancel it (made by this or any other process sharing the store),
     * checked every second or at each renewal when the lease is shorter.
     */
    public void attach(RunId run, RunCancellations cancellations) {
        attach(run);
        long period = Math.max(1, Math.min(CANCEL_POLL.toMillis(), lease.get().ttl().toMillis() / 4));
        renewer.scheduleWithFixedDelay(() -> pollCancellation(cancellations, run), 0, period, TimeUnit.MILLISECONDS);
    }

    /** Who asked to cancel the run and when, once someone did: the run must stop sending (what it sent keeps its outcomes). */
    public Optional<RunCancellations.Request> cancelRequest() {
        return Optional.ofNullable(cancelRequest.get());
    }

    public boolean cancelled() {
        return cancelRequest.get() != null;
    }

    private void pollCancellation(RunCancellations cancellations, RunId run) {
        if (cancelRequest.get() != null) {
            return;
        }
        try {
            cancellations.requested(run).ifPresent(request -> cancelRequest.compareAndSet(null, request));
        } catch (RuntimeException e) {
            // The store did not answer: the next poll asks again; a cancel is never urgent enough to stop the run on this.
        }
    }

    /** True once another process may have taken the sync over: the run must send nothing more. */
    public boolean lost() {
        return lost.get();
    }

    private void renew() {
        try {
            leases.renew(lease.get()).ifPresentOrElse(lease::set, () -> lost.set(true));
        } catch (RuntimeException e) {
            // The store did not answer (busy, full): the next tick tries again; only an expiry loses the lease.
            if (lease.get().expiredAt(java.time.Instant.now())) {
                lost.set(true);
            }
        }
    }

    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            if (!lost.get()) {
                leases.release(lease.get());
            }
        } finally {
            OPEN_HERE.remove(lease.get().token());
        }
    }
}
