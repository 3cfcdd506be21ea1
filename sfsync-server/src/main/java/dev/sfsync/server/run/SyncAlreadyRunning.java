package dev.sfsync.server.run;

import dev.sfsync.core.SfsyncException;

/** A sync was asked to run while a run of it is going on; the API answers 409. */
public final class SyncAlreadyRunning extends SfsyncException {
    public SyncAlreadyRunning(String sync) {
        super("sync '" + sync + "' is running already", "wait for its run to end (GET /api/v1/syncs/" + sync + "), then start it again");
    }
}
