package dev.sfsync.server.api;

import dev.sfsync.server.ServerContext;
import io.javalin.http.Context;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Liveness, readiness, Prometheus metrics and the OpenAPI file: open to anyone (they show no secret). */
final class HealthRoutes {
    private final ServerContext server;

    HealthRoutes(ServerContext server) {
        this.server = server;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.get("/health", null, "Liveness: the process answers", ctx -> ctx.json(Map.of("status", "up"))),
                ApiRoute.get("/ready", null, "Readiness: the state store answers", this::ready),
                ApiRoute.get("/metrics", null, "Prometheus metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                        .result(server.metrics().scrape())),
                ApiRoute.get("/api/v1/openapi.yaml", null, "This API's OpenAPI document", HealthRoutes::openApi));
    }

    private void ready(Context ctx) {
        boolean ready = server.db().reachable();
        ctx.status(ready ? 200 : 503).json(Map.of("status", ready ? "ready" : "state store unreachable"));
    }

    static String openApiText() {
        try (InputStream in = HealthRoutes.class.getResourceAsStream("/dev/sfsync/server/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void openApi(Context ctx) {
        ctx.contentType("application/yaml").result(openApiText());
    }
}
