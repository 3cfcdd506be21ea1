package dev.sfsync.engine.inbound;

import dev.sfsync.core.SfsyncException;

/** An inbound run that could not finish; nothing it read was committed, and its cursor did not move. */
public final class InboundSyncFailed extends SfsyncException {
    public InboundSyncFailed(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }
}
