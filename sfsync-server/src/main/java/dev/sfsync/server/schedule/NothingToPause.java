package dev.sfsync.server.schedule;

import dev.sfsync.core.SfsyncException;

/** Pause or resume was asked of a sync or sequence whose schedule is manual: there are no scheduled runs to hold. */
public final class NothingToPause extends SfsyncException {
    public NothingToPause(String what, String name) {
        super(what + " '" + name + "' has no schedule to pause (schedule: manual)",
                "give it a schedule in sfsync.yaml (schedule: {every: 15m} or {cron: ...}) and restart the server; manual runs need no pause");
    }
}
