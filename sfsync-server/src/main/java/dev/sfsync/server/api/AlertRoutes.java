package dev.sfsync.server.api;

import dev.sfsync.server.ServerContext;
import dev.sfsync.server.auth.Role;
import io.javalin.http.Context;

import java.util.List;
import java.util.Map;

/** Alert destinations and rules as configured, recent incidents, and a test message (admin: it reaches people). */
final class AlertRoutes {
    private final ServerContext server;

    AlertRoutes(ServerContext server) {
        this.server = server;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/api/v1/alerts", Role.VIEWER, "Alert destinations (names and kinds, never secrets) and rules", this::alerts),
                ApiRoute.get("/api/v1/alerts/incidents", Role.VIEWER, "Recent incidents, open and resolved", this::incidents),
                ApiRoute.post("/api/v1/alerts/destinations/{destination}/test", Role.ADMIN, "Send a test message to a destination", this::test));
    }

    private void alerts(Context ctx) {
        var service = server.config().service();
        ctx.json(Map.of(
                "destinations", service.destinations().values().stream().map(d -> Map.of("name", d.name(),
                        "type", d.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT))).toList(),
                "rules", service.rules().stream().map(r -> Map.of("id", r.id(), "when", r.when().name().toLowerCase(java.util.Locale.ROOT),
                        "above", r.threshold(), "on", r.on(), "notify", r.destinations())).toList()));
    }

    private void incidents(Context ctx) {
        Page page = Page.of(ctx);
        ctx.json(page.slice(server.alerts().recent(page.offset() + page.limit() + 1)));
    }

    private void test(Context ctx) {
        var outcome = server.alerts().test(ctx.pathParam("destination"));
        ctx.status(outcome.sent() ? 200 : 502).json(outcome);
    }
}
