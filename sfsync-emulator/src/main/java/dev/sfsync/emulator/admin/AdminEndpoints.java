package dev.sfsync.emulator.admin;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Router;

/** Endpoints for tests, outside /services: reset, load an org file, inspect records, set limits. */
public final class AdminEndpoints {
    private final OrgHost host;
    private final Emulator emulator;

    public AdminEndpoints(OrgHost host, Emulator emulator) {
        this.host = host;
        this.emulator = emulator;
    }

    public void register(Router router) {
    }
}
