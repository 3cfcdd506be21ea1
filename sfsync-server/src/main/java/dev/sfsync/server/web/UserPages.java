package dev.sfsync.server.web;

import dev.sfsync.server.ServerContext;
import dev.sfsync.server.auth.ApiTokens;
import dev.sfsync.server.auth.Role;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Users and roles (admin), and API tokens: each user's own, the new token shown once. */
final class UserPages {
    private final ServerContext server;
    private final Templates templates;
    private final Frames frames;

    UserPages(ServerContext server, Templates templates, Frames frames) {
        this.server = server;
        this.templates = templates;
        this.frames = frames;
    }

    void page(Context ctx, Viewer viewer) {
        show(ctx, viewer, ctx.queryParam("notice"), null);
    }

    private void show(Context ctx, Viewer viewer, String notice, String newToken) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("frame", frames.of(viewer, viewer.admin() ? "Users" : "API tokens", "users", notice));
        params.put("users", viewer.admin() ? server.users().list() : java.util.List.of());
        params.put("tokens", server.tokens().list(viewer.user().name()));
        params.put("newToken", newToken);
        templates.page(ctx, "users.jte", params);
    }

    void add(Context ctx, Viewer viewer) {
        String name = value(ctx.formParam("name"));
        Role role = role(value(ctx.formParam("role")));
        server.users().add(name, role, value(ctx.formParam("password")));
        ctx.redirect("/ui/users?notice=" + ConnectionPages.encode("User '" + name + "' is now a " + role.wireName() + "."), HttpStatus.SEE_OTHER);
    }

    void remove(Context ctx, Viewer viewer) {
        String name = ctx.pathParam("user");
        if (name.equals(viewer.user().name())) {
            throw WebProblem.badRequest("you cannot remove yourself while logged in as '" + name + "'", "log in as another admin to remove this user");
        }
        if (!server.users().remove(name)) {
            throw WebProblem.notFound("there is no user '" + name + "'", "pick one on the Users page");
        }
        ctx.redirect("/ui/users?notice=" + ConnectionPages.encode("User '" + name + "' removed, with their tokens and sessions."), HttpStatus.SEE_OTHER);
    }

    void createToken(Context ctx, Viewer viewer) {
        ApiTokens.NewToken token = server.tokens().create(viewer.user().name(), value(ctx.formParam("description")));
        show(ctx, viewer, "Token created. Copy it now: it is shown this once.", token.token());
    }

    void revokeToken(Context ctx, Viewer viewer) {
        if (!server.tokens().revoke(ctx.pathParam("token"), viewer.user().name())) {
            throw WebProblem.notFound("you have no token '" + ctx.pathParam("token") + "'", "pick one of yours on the Users page");
        }
        ctx.redirect((viewer.admin() ? "/ui/users" : "/ui/tokens") + "?notice=" + ConnectionPages.encode("Token revoked."), HttpStatus.SEE_OTHER);
    }

    private static Role role(String text) {
        try {
            return Role.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw WebProblem.badRequest("'" + text + "' is not a role", "choose admin, operator or viewer");
        }
    }

    private static String value(String text) {
        return text == null ? "" : text.trim();
    }
}
