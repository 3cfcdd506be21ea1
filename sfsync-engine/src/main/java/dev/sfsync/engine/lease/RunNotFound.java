package dev.sfsync.engine.lease;

import dev.sfsync.core.RunId;
import dev.sfsync.core.SfsyncException;

/** No run with this id in the state store. */
public final class RunNotFound extends SfsyncException {
    public RunNotFound(RunId id) {
        super("no run '" + id + "' in the state store", "'sfsync runs' lists the runs with their ids");
    }
}
