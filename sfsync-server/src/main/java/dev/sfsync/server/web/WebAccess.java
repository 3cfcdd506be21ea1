package dev.sfsync.server.web;

import dev.sfsync.core.SfsyncException;
import dev.sfsync.server.auth.Role;
import dev.sfsync.server.auth.Sessions;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' gate, the same rules as the API's: the session cookie names the user, the user's role must allow the
 * page, and a form that changes something must repeat the session's CSRF token (field {@value #CSRF_FIELD}, or the
 * API's header). Anything that goes wrong is rendered as a page with the problem and its fix.
 */
final class WebAccess {
    static final String CSRF_FIELD = "_csrf";
    private static final Logger LOG = LoggerFactory.getLogger(WebAccess.class);

    /** A page's work, for a viewer allowed to see it. */
    @FunctionalInterface
    interface Page {
        void handle(Context ctx, Viewer viewer) throws Exception;
    }

    private final Sessions sessions;
    private final Templates templates;
    private final Frames frames;

    WebAccess(Sessions sessions, Templates templates, Frames frames) {
        this.sessions = sessions;
        this.templates = templates;
        this.frames = frames;
    }

    Optional<Viewer> viewer(Context ctx) {
        return sessions.find(ctx.cookie(Sessions.COOKIE)).map(s -> new Viewer(s.user(), s.csrfToken()));
    }

    Handler guard(Role least, Page page) {
        return ctx -> {
            Optional<Viewer> viewer = viewer(ctx);
            if (viewer.isEmpty()) {
                if (ctx.method() == HandlerType.GET) {
                    String next = ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString());
                    ctx.redirect("/ui/login?next=" + URLEncoder.encode(next, StandardCharsets.UTF_8));
                } else {
                    problem(ctx, null, new WebProblem(401, "you are not logged in (or your session ended)", "log in again, then repeat what you did"));
                }
                return;
            }
            Viewer who = viewer.get();
            if (!who.may(least)) {
                problem(ctx, who, new WebProblem(403, "'" + who.user().name() + "' is a " + who.role() + "; this needs the " + least.wireName() + " role",
                        "ask an admin to give you the " + least.wireName() + " role (Users page, or: sfsync users add " + who.user().name()
                                + " --role " + least.wireName() + ")"));
                return;
            }
            if (ctx.method() != HandlerType.GET && !csrfMatches(ctx, who)) {
                problem(ctx, who, new WebProblem(403, "the form did not carry this session's CSRF token (an old page, or a page of another site)",
                        "reload the page and try again"));
                return;
            }
            try {
                page.handle(ctx, who);
            } catch (Exception e) {
                problem(ctx, who, translate(e));
            }
        };
    }

    private static boolean csrfMatches(Context ctx, Viewer viewer) {
        String sent = ctx.header(Sessions.CSRF_HEADER);
        if (sent == null) {
            sent = ctx.formParam(CSRF_FIELD);
        }
        return Sessions.csrfMatches(new Sessions.Session(viewer.user(), viewer.csrf()), sent);
    }

    static WebProblem translate(Exception e) {
        return switch (e) {
            case WebProblem problem -> problem;
            case dev.sfsync.server.run.SyncAlreadyRunning running -> new WebProblem(409, running.problem(), running.fix());
            case dev.sfsync.engine.lease.SyncIsRunning running -> new WebProblem(409, running.problem(), running.fix());
            case dev.sfsync.engine.lease.RunNotCancellable ended -> new WebProblem(409, ended.problem(), ended.fix());
            case dev.sfsync.engine.lease.RunNotFound unknown -> new WebProblem(404, unknown.problem(), unknown.fix());
            case dev.sfsync.server.schedule.NothingToPause manual -> new WebProblem(409, manual.problem(), manual.fix());
            case dev.sfsync.server.run.ProjectInUse inUse -> new WebProblem(409, inUse.problem(), inUse.fix());
            case dev.sfsync.engine.project.SyncProject.UnknownSync unknown -> new WebProblem(404, unknown.problem(), unknown.fix());
            case dev.sfsync.server.auth.Users.BadUserInput bad -> new WebProblem(400, bad.problem(), bad.fix());
            case SfsyncException known -> new WebProblem(502, known.problem(), known.fix() == null ? "" : known.fix());
            default -> {
                LOG.error("unexpected error on a page: {}", e.toString(), e);
                yield new WebProblem(500, "the server failed on this page (" + e.getClass().getSimpleName() + ")",
                        "try again; if it persists, report it with the server's log around this time");
            }
        };
    }

    void problem(Context ctx, Viewer viewer, WebProblem problem) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, "Problem", "", null));
        params.put("status", problem.status());
        params.put("problem", problem.problem());
        params.put("fix", problem.fix() == null ? "" : problem.fix());
        templates.page(ctx, problem.status(), "problem.jte", params);
    }
}
