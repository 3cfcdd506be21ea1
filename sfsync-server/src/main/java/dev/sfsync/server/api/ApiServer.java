package dev.sfsync.server.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sfsync.core.SfsyncException;
import dev.sfsync.engine.lease.SyncIsRunning;
import dev.sfsync.engine.project.SyncHasProblems;
import dev.sfsync.engine.project.SyncProject;
import dev.sfsync.server.ServerContext;
import dev.sfsync.server.run.SyncAlreadyRunning;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.BindException;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP side of {@code sfsync serve}: the REST API under {@code /api/v1} (documented in {@code openapi.yaml}),
 * {@code /health}, {@code /ready} and {@code /metrics}. Every route has a least role (see {@link #routes()}); every
 * error is an RFC 9457 problem document with a fix, never a stack trace.
 */
public final class ApiServer implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private final List<ApiRoute> routes;
    private final Javalin app;

    public ApiServer(ServerContext server, boolean secureCookies) {
        this(server, secureCookies, config -> { });
    }

    /** @param more what else the server serves beside the API (the web UI adds its pages here) */
    public ApiServer(ServerContext server, boolean secureCookies, java.util.function.Consumer<io.javalin.config.JavalinConfig> more) {
        List<ApiRoute> all = new ArrayList<>();
        all.addAll(new HealthRoutes(server).routes());
        all.addAll(new SyncRoutes(server).routes());
        all.addAll(new RunRoutes(server).routes());
        all.addAll(new AccountRoutes(server, secureCookies).routes());
        all.addAll(new AlertRoutes(server).routes());
        this.routes = List.copyOf(all);
        Access access = new Access(server.tokens(), server.sessions());
        this.app = Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(JSON, false));
            config.startup.showJavalinBanner = false;
            for (ApiRoute route : routes) {
                config.routes.addEndpoint(new io.javalin.router.Endpoint(route.method(), route.path(), access.guard(route)));
            }
            more.accept(config);
            config.routes.exception(ApiProblem.class, (e, ctx) -> problem(ctx, e));
            config.routes.exception(Exception.class, (e, ctx) -> problem(ctx, translate(e)));
            config.routes.error(404, ctx -> {
                String type = ctx.res().getContentType();
                // a web UI page that answered 404 has said so in its own words already
                if (type == null || !(type.startsWith("application/problem+json") || type.startsWith("text/html"))) {
                    problem(ctx, ApiProblem.notFound("no route " + ctx.method() + " " + ctx.path(), "see the API's routes in openapi.yaml (GET /api/v1/openapi.yaml)"));
                }
            });
            config.routes.error(405, ctx -> problem(ctx, new ApiProblem(405, "Method not allowed", ctx.method() + " is not served at " + ctx.path(),
                    "see the API's routes in openapi.yaml (GET /api/v1/openapi.yaml)")));
        });
    }

    /** Every route, with the least role that may call it. */
    public List<ApiRoute> routes() {
        return routes;
    }

    /**
     * Listens on the address.
     *
     * @throws PortBusy when another process has the port
     */
    public ApiServer start(String host, int port) {
        try {
            app.start(host, port);
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new PortBusy(host, port);
                }
            }
            throw e;
        }
        return this;
    }

    public int port() {
        return app.port();
    }

    private static ApiProblem translate(Exception e) {
        return switch (e) {
            case SyncAlreadyRunning running -> new ApiProblem(409, "Sync is running", running.problem(), running.fix());
            case SyncIsRunning running -> new ApiProblem(409, "Sync is running", running.problem(), running.fix());
            case dev.sfsync.server.run.ProjectInUse inUse -> new ApiProblem(409, "Project in use", inUse.problem(), inUse.fix());
            case SyncProject.UnknownSync unknown -> new ApiProblem(404, "Not found", unknown.problem(), unknown.fix());
            case SyncHasProblems problems -> new ApiProblem(422, "Sync has problems", problems.problem(), problems.fix());
            case dev.sfsync.server.schedule.NothingToPause manual -> new ApiProblem(409, "Nothing to pause", manual.problem(), manual.fix());
            case dev.sfsync.server.auth.Users.BadUserInput bad -> new ApiProblem(400, "Bad request", bad.problem(), bad.fix());
            case SfsyncException known -> new ApiProblem(502, "Run could not start", known.problem(), known.fix() == null ? "" : known.fix());
            default -> {
                LOG.error("unexpected error in a request: {}", e.toString(), e);
                yield new ApiProblem(500, "Internal error", "the server failed on this request (" + e.getClass().getSimpleName() + ")",
                        "try again; if it persists, report it with the server's log around this time");
            }
        };
    }

    private static void problem(Context ctx, ApiProblem problem) {
        ctx.status(problem.status()).contentType("application/problem+json");
        try {
            ctx.result(JSON.writeValueAsString(problem.document(ctx.path())));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            ctx.result("{\"title\":\"Internal error\",\"status\":500}");
        }
    }

    @Override
    public void close() {
        app.stop();
    }

    /** The listen address is taken by another process. */
    public static final class PortBusy extends SfsyncException {
        PortBusy(String host, int port) {
            super("cannot listen on " + host + ":" + port + ": another process uses that port",
                    "stop that process, or pass --listen " + host + ":PORT with a free port");
        }
    }
}
