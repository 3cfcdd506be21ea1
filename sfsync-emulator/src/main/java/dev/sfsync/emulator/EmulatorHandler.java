package dev.sfsync.emulator;

import dev.sfsync.emulator.admin.AdminEndpoints;
import dev.sfsync.emulator.admin.AdminOrigin;
import dev.sfsync.emulator.bulk1.Bulk1Endpoints;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.http.ErrorBodies;
import dev.sfsync.emulator.http.Exchange;
import dev.sfsync.emulator.http.Router;
import dev.sfsync.emulator.oauth.OAuthEndpoints;
import dev.sfsync.emulator.rest.RestEndpoints;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Finds the org of the port a request came in on, routes the request, and renders failures as Salesforce does. */
final class EmulatorHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(EmulatorHandler.class);

    private final Emulator emulator;
    private final Map<OrgHost, Router> routers = new ConcurrentHashMap<>();

    EmulatorHandler(Emulator emulator) {
        this.emulator = emulator;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        Exchange exchange = new Exchange(request, response, callback);
        OrgHost.withRequestOrigin(exchange.origin(), () -> handle(exchange));
        return true;
    }

    private void handle(Exchange exchange) {
        OrgHost host = emulator.hostForPort(exchange.localPort());
        try {
            if (host == null) {
                throw ApiException.notFound();
            }
            if (exchange.path().startsWith("/__admin") && !AdminOrigin.allowed(exchange.header("Origin"), exchange.localPort())) {
                throw new ApiException(403, "ORIGIN_REFUSED", "The emulator's admin endpoints refuse requests from the web page at "
                        + exchange.header("Origin") + ": only clients without a browser origin (tests, curl, sfsync) may use them");
            }
            if (host.faults().intercept(exchange)) {
                return;
            }
            Router router = routers.computeIfAbsent(host, this::routes);
            if (!router.dispatch(exchange)) {
                ErrorBodies.Body body = ErrorBodies.of(exchange.path(), 404, "NOT_FOUND", "The requested resource does not exist");
                exchange.send(404, body.contentType(), body.bytes());
            }
        } catch (ApiException e) {
            if (!exchange.committed()) {
                exchange.json(e.status(), render(e));
            }
        } catch (Exception e) {
            LOG.error("emulator failed on {} {}", exchange.method(), exchange.path(), e);
            if (!exchange.committed()) {
                exchange.json(500, render(new ApiException(500, "UNKNOWN_EXCEPTION",
                        "An unexpected error occurred. Please include this ErrorId if you contact support: " + e)));
            }
        }
    }

    private Router routes(OrgHost host) {
        Router router = new Router();
        new OAuthEndpoints(host).register(router);
        new RestEndpoints(host).register(router);
        new Bulk1Endpoints(host).register(router);
        new dev.sfsync.emulator.soap.SoapEndpoints(host).register(router);
        new AdminEndpoints(host, emulator).register(router);
        return router;
    }

    static List<Map<String, Object>> render(ApiException e) {
        return e.body();
    }
}
