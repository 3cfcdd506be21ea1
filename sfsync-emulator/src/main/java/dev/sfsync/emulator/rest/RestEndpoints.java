package dev.sfsync.emulator.rest;

import dev.sfsync.emulator.ApiVersions;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;

/** Everything under /services/data: the versions list, the resources of a version, and each resource family. */
public final class RestEndpoints {
    private final OrgHost host;

    public RestEndpoints(OrgHost host) {
        this.host = host;
    }

    public void register(Router router) {
        router.on("GET", "/services/data/?", (ex, m) -> ex.json(200, ApiVersions.list()));
        router.on("GET", "/services/data/v([^/]+)/?", this::resources);
        new CompositeEndpoint(host, router).register(router);
        new SearchEndpoints(host).register(router);
        new LayoutEndpoints(host).register(router);
        new ReplicationEndpoints(host).register(router);
        new SObjectEndpoints(host).register(router);
        new CollectionsEndpoint(host).register(router);
        new QueryEndpoint(host).register(router);
        new LimitsEndpoint(host).register(router);
        new dev.sfsync.emulator.bulk2.Bulk2Endpoints(host).register(router);
        new dev.sfsync.emulator.tooling.ToolingEndpoints(host).register(router);
    }

    private void resources(Exchange ex, Matcher m) {
        ApiContext api = RestAuth.authenticate(host, ex, m.group(1));
        String base = api.dataPath();
        Map<String, String> body = new LinkedHashMap<>();
        body.put("tooling", base + "/tooling");
        body.put("metadata", base + "/metadata");
        body.put("jobs", base + "/jobs");
        body.put("query", base + "/query");
        body.put("queryAll", base + "/queryAll");
        body.put("sobjects", base + "/sobjects");
        body.put("composite", base + "/composite");
        body.put("limits", base + "/limits");
        body.put("search", base + "/search");
        body.put("parameterizedSearch", base + "/parameterizedSearch");
        body.put("recent", base + "/recent");
        body.put("identity", host.baseUrl() + "/id/" + api.org().id() + "/" + api.user().id());
        ex.json(200, body);
    }
}
