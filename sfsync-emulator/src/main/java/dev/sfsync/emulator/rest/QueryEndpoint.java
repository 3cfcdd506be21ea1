package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Router;

/** GET query, queryAll and their nextRecordsUrl pages. */
public final class QueryEndpoint {
    private final OrgHost host;

    public QueryEndpoint(OrgHost host) {
        this.host = host;
    }

    public void register(Router router) {
    }
}
