package dev.sfsync.server.run;

import dev.sfsync.core.SfsyncException;

/** A sync was to start while the server is stopping: no new run starts then (the ones going on are asked to stop). */
public final class ServerStopping extends SfsyncException {
    public ServerStopping(String sync) {
        super("sync '" + sync + "' was not started: the server is stopping", "start it again once the server runs again");
    }
}
