package dev.sfsync.server.web;

import dev.sfsync.engine.connection.Logins;
import dev.sfsync.server.ServerContext;
import dev.sfsync.server.auth.Role;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.router.Endpoint;

import java.time.Clock;

/**
 * The web UI under {@code /ui}: server-rendered pages (JTE) over the same services as the API, with htmx for the
 * live parts and uPlot for charts, both served from the jar. Roles as in the API: a viewer reads, an operator also
 * runs and plans, an admin also connects and disconnects, tests alerts and manages users.
 */
public final class WebUi {
    private final Templates templates = new Templates();
    private final Frames frames;
    private final WebAccess access;
    private final LoginPages login;
    private final ConnectionPages connections;
    private final SyncPages syncs;
    private final RunPages runs;
    private final ChartPages charts;
    private final AlertPages alerts;
    private final UserPages users;

    /** @param publicUrl the address users reach the server at (for the OAuth callback); null: the address each request came to */
    public WebUi(ServerContext server, Logins logins, boolean secureCookies, String publicUrl, Clock clock) {
        this.frames = new Frames(server.config(), server.store());
        this.access = new WebAccess(server.sessions(), templates, frames);
        this.login = new LoginPages(server, templates, frames, secureCookies);
        this.connections = new ConnectionPages(server, logins, new OAuthLogins(logins, server.config().connections(), server.config().directory(),
                server.db(), server.store().secretCipher(), clock), templates, frames, clock,
                publicUrl);
        this.syncs = new SyncPages(server, logins, templates, frames);
        this.runs = new RunPages(server, templates, frames);
        this.charts = new ChartPages(server, templates, frames, clock);
        this.alerts = new AlertPages(server, templates, frames);
        this.users = new UserPages(server, templates, frames);
    }

    /** Adds the pages to the server's routes. */
    public void register(JavalinConfig config) {
        add(config, HandlerType.GET, "/", ctx -> ctx.redirect("/ui/connections"));
        add(config, HandlerType.GET, "/ui", ctx -> ctx.redirect("/ui/connections"));
        add(config, HandlerType.GET, "/ui/assets/{file}", Assets::serve);
        add(config, HandlerType.GET, "/ui/login", login::form);
        add(config, HandlerType.POST, "/ui/login", login::login);
        add(config, HandlerType.GET, OAuthLogins.CALLBACK_PATH, connections::callback);
        page(config, HandlerType.POST, "/ui/logout", Role.VIEWER, login::logout);

        page(config, HandlerType.GET, "/ui/connections", Role.VIEWER, connections::list);
        page(config, HandlerType.POST, "/ui/connections/{connection}/check", Role.OPERATOR, connections::checkNow);
        page(config, HandlerType.POST, "/ui/connections/{connection}/connect", Role.ADMIN, connections::connect);
        page(config, HandlerType.GET, "/ui/connections/{connection}/disconnect", Role.ADMIN, connections::confirmDisconnect);
        page(config, HandlerType.POST, "/ui/connections/{connection}/disconnect", Role.ADMIN, connections::disconnect);

        page(config, HandlerType.GET, "/ui/syncs", Role.VIEWER, syncs::list);
        page(config, HandlerType.GET, "/ui/syncs/{sync}", Role.VIEWER, syncs::one);
        page(config, HandlerType.POST, "/ui/syncs/{sync}/run", Role.OPERATOR, syncs::runNow);
        page(config, HandlerType.POST, "/ui/syncs/{sync}/plan", Role.OPERATOR, syncs::plan);
        page(config, HandlerType.POST, "/ui/syncs/{sync}/pause", Role.OPERATOR, (ctx, viewer) -> syncs.pauseSync(ctx, viewer, false));
        page(config, HandlerType.POST, "/ui/syncs/{sync}/resume", Role.OPERATOR, (ctx, viewer) -> syncs.pauseSync(ctx, viewer, true));
        page(config, HandlerType.POST, "/ui/sequences/{sequence}/run", Role.OPERATOR, syncs::runSequence);
        page(config, HandlerType.POST, "/ui/sequences/{sequence}/pause", Role.OPERATOR, (ctx, viewer) -> syncs.pauseSequence(ctx, viewer, false));
        page(config, HandlerType.POST, "/ui/sequences/{sequence}/resume", Role.OPERATOR, (ctx, viewer) -> syncs.pauseSequence(ctx, viewer, true));

        page(config, HandlerType.GET, "/ui/runs", Role.VIEWER, runs::list);
        page(config, HandlerType.GET, "/ui/runs/{run}", Role.VIEWER, runs::one);
        page(config, HandlerType.GET, "/ui/runs/{run}/status", Role.VIEWER, runs::status);
        page(config, HandlerType.POST, "/ui/runs/{run}/cancel", Role.OPERATOR, runs::cancel);
        page(config, HandlerType.GET, "/ui/runs/{run}/calls", Role.VIEWER, runs::calls);
        page(config, HandlerType.GET, "/ui/runs/{run}/live", Role.VIEWER, runs::live);
        page(config, HandlerType.GET, "/ui/runs/{run}/calls/{seq}", Role.VIEWER, runs::call);
        page(config, HandlerType.GET, "/ui/runs/{run}/rows", Role.VIEWER, runs::rows);
        page(config, HandlerType.GET, "/ui/runs/{run}/rows.csv", Role.VIEWER, runs::csv);
        page(config, HandlerType.GET, "/ui/runs/{run}/rows/{row}", Role.VIEWER, runs::row);

        page(config, HandlerType.GET, "/ui/charts", Role.VIEWER, charts::page);
        page(config, HandlerType.GET, "/ui/alerts", Role.VIEWER, alerts::page);
        page(config, HandlerType.POST, "/ui/alerts/{destination}/test", Role.ADMIN, alerts::test);
        page(config, HandlerType.GET, "/ui/users", Role.ADMIN, users::page);
        page(config, HandlerType.POST, "/ui/users", Role.ADMIN, users::add);
        page(config, HandlerType.POST, "/ui/users/{user}/remove", Role.ADMIN, users::remove);
        page(config, HandlerType.GET, "/ui/tokens", Role.VIEWER, users::page);
        page(config, HandlerType.POST, "/ui/tokens", Role.VIEWER, users::createToken);
        page(config, HandlerType.POST, "/ui/tokens/{token}/revoke", Role.VIEWER, users::revokeToken);
    }

    private static void add(JavalinConfig config, HandlerType method, String path, Handler handler) {
        config.routes.addEndpoint(new Endpoint(method, path, handler));
    }

    private void page(JavalinConfig config, HandlerType method, String path, Role least, WebAccess.Page page) {
        add(config, method, path, access.guard(least, page));
    }
}
