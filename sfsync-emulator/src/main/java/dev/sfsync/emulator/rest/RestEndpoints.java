package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Router;

/** Everything under /services/data. */
public final class RestEndpoints {
    private final OrgHost host;

    public RestEndpoints(OrgHost host) {
        this.host = host;
    }

    public void register(Router router) {
        new QueryEndpoint(host).register(router);
    }
}
