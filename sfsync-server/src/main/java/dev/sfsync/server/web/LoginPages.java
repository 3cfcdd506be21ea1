package dev.sfsync.server.web;

import dev.sfsync.server.ServerContext;
import dev.sfsync.server.auth.Sessions;
import dev.sfsync.server.auth.User;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The login form and logging out: the same users, throttle and sessions as the API's POST /api/v1/session. */
final class LoginPages {
    private final ServerContext server;
    private final Templates templates;
    private final Frames frames;
    private final boolean secureCookies;

    LoginPages(ServerContext server, Templates templates, Frames frames, boolean secureCookies) {
        this.server = server;
        this.templates = templates;
        this.frames = frames;
        this.secureCookies = secureCookies;
    }

    void form(Context ctx) {
        show(ctx, 200, safeNext(ctx.queryParam("next")), null, "");
    }

    void login(Context ctx) {
        String name = value(ctx.formParam("name"));
        String next = safeNext(ctx.formParam("next"));
        Optional<Instant> locked = server.throttle().lockedUntil(name);
        if (locked.isPresent()) {
            show(ctx, 429, next, "Logins as '" + name + "' are paused until " + locked.get() + " after repeated failures. Wait until then, or ask an"
                    + " admin to set a new password (sfsync users add " + name + " --role ROLE).", name);
            return;
        }
        Optional<User> user = server.users().authenticate(name, value(ctx.formParam("password")));
        if (user.isEmpty()) {
            server.throttle().failed(name);
            show(ctx, 401, next, "Wrong user name or password. Check both; an admin can set a new password with 'sfsync users add'.", name);
            return;
        }
        server.throttle().succeeded(name);
        Sessions.Opened opened = server.sessions().open(user.get());
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + opened.cookieValue() + "; Path=/; Max-Age=" + Sessions.LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Lax" + (secureCookies ? "; Secure" : ""));
        ctx.redirect(next, io.javalin.http.HttpStatus.SEE_OTHER);
    }

    void logout(Context ctx, Viewer viewer) {
        String cookie = ctx.cookie(Sessions.COOKIE);
        if (cookie != null) {
            server.sessions().close(cookie);
        }
        ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
        ctx.redirect("/ui/login", io.javalin.http.HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, String next, String error, String name) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(null, "Log in", "", null));
        params.put("next", next);
        params.put("error", error);
        params.put("name", name);
        templates.page(ctx, status, "login.jte", params);
    }

    /** Only a page of this UI: a login link must not send the user on to another site. */
    static String safeNext(String next) {
        return next != null && next.startsWith("/ui") && !next.startsWith("//") && !next.contains("\\") ? next : "/ui/connections";
    }

    private static String value(String text) {
        return text == null ? "" : text.trim();
    }
}
