package dev.sfsync.engine.lease;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.core.SyncId;
import dev.sfsync.store.RunLease;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Another process holds the sync's run lease: a second run of the same sync would send its rows twice. */
public final class SyncIsRunning extends SfsyncException {
    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm");

    private final transient RunLease lease;

    public SyncIsRunning(SyncId sync, RunLease lease) {
        super("sync " + sync + " is running since " + HOUR_MINUTE.format(lease.acquiredAt().atZone(ZoneId.systemDefault()))
                        + " (run " + (lease.run() == null ? "starting" : lease.run().value()) + "); wait or cancel it",
                "wait for that run to end ('sfsync runs' lists it), or stop its process (" + LeaseHolder.parse(lease.holder())
                        .map(LeaseHolder::describe).orElse(lease.holder()) + "): a stopped run is marked interrupted and the next run"
                        + " reconciles what it sent");
        this.lease = lease;
    }

    public RunLease lease() {
        return lease;
    }
}
