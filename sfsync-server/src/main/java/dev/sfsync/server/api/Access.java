package dev.sfsync.server.api;

import dev.sfsync.server.auth.ApiTokens;
import dev.sfsync.server.auth.Role;
import dev.sfsync.server.auth.Sessions;
import dev.sfsync.server.auth.User;
import io.javalin.http.Context;

import java.util.Optional;

/**
 * Who is calling and whether they may: a bearer API token, or the session cookie (then a state-changing call must
 * repeat the session's CSRF token in {@value Sessions#CSRF_HEADER}: a page of another site can make the browser send
 * the cookie, but cannot read the token). Runs before every matched route.
 */
final class Access {
    private static final String USER = "sfsync.user";

    private final ApiTokens tokens;
    private final Sessions sessions;

    Access(ApiTokens tokens, Sessions sessions) {
        this.tokens = tokens;
        this.sessions = sessions;
    }

    /** The route's handler, behind the check: no route is served without it. */
    io.javalin.http.Handler guard(ApiRoute route) {
        return ctx -> {
            check(ctx, route);
            route.handler().handle(ctx);
        };
    }

    private void check(Context ctx, ApiRoute route) {
        if (route.isPublic()) {
            return;
        }
        User user = authenticate(ctx, route);
        if (!user.role().allows(route.role())) {
            throw new ApiProblem(403, "Forbidden", "user '" + user.name() + "' is a " + user.role().name().toLowerCase(java.util.Locale.ROOT)
                    + "; this needs the " + route.role().name().toLowerCase(java.util.Locale.ROOT) + " role",
                    "ask an admin: sfsync users add " + user.name() + " --role " + route.role().name().toLowerCase(java.util.Locale.ROOT));
        }
        ctx.attribute(USER, user);
    }

    private User authenticate(Context ctx, ApiRoute route) {
        String authorization = ctx.header("Authorization");
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw unauthorized("the Authorization header is not 'Bearer TOKEN'");
            }
            return tokens.authenticate(authorization.substring(7).trim()).orElseThrow(() -> unauthorized("the API token is unknown or revoked"));
        }
        Optional<Sessions.Session> session = sessions.find(ctx.cookie(Sessions.COOKIE));
        if (session.isEmpty()) {
            throw unauthorized("no API token and no login session");
        }
        if (route.changesState() && !Sessions.csrfMatches(session.get(), ctx.header(Sessions.CSRF_HEADER))) {
            throw new ApiProblem(403, "CSRF token missing", "a " + route.method() + " with the session cookie must carry the session's CSRF token",
                    "send the csrf_token from POST or GET /api/v1/session in the " + Sessions.CSRF_HEADER + " header");
        }
        return session.get().user();
    }

    private static ApiProblem unauthorized(String detail) {
        return new ApiProblem(401, "Unauthorized", detail,
                "log in with POST /api/v1/session, or send 'Authorization: Bearer TOKEN' with a token from 'sfsync tokens create'");
    }

    /** The caller of an authenticated route. */
    static User user(Context ctx) {
        User user = ctx.attribute(USER);
        if (user == null) {
            throw new IllegalStateException("no user on an authenticated route");
        }
        return user;
    }

    static Role role(String text) {
        try {
            return Role.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (RuntimeException e) {
            throw ApiProblem.badRequest("unknown role '" + text + "'", "use admin, operator or viewer");
        }
    }
}
