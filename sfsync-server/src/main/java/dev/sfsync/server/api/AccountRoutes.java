package dev.sfsync.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.server.ServerContext;
import dev.sfsync.server.auth.ApiTokens;
import dev.sfsync.server.auth.Role;
import dev.sfsync.server.auth.Sessions;
import dev.sfsync.server.auth.User;
import io.javalin.http.Context;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Logging in and out, API tokens, users (admin), connections with their status and quota. */
final class AccountRoutes {
    private final ServerContext server;
    private final boolean secureCookies;

    AccountRoutes(ServerContext server, boolean secureCookies) {
        this.server = server;
        this.secureCookies = secureCookies;
    }

    List<ApiRoute> routes() {
        return List.of(
                ApiRoute.post("/api/v1/session", null, "Log in with name and password; sets the session cookie, returns the CSRF token", this::login),
                ApiRoute.get("/api/v1/session", Role.VIEWER, "Who is logged in, and the session's CSRF token", this::session),
                ApiRoute.delete("/api/v1/session", Role.VIEWER, "Log out", this::logout),
                ApiRoute.get("/api/v1/tokens", Role.VIEWER, "Your API tokens (never their secrets)", this::tokens),
                ApiRoute.post("/api/v1/tokens", Role.VIEWER, "Create an API token for yourself; the token is in this answer only", this::createToken),
                ApiRoute.delete("/api/v1/tokens/{token}", Role.VIEWER, "Revoke one of your API tokens", this::revokeToken),
                ApiRoute.get("/api/v1/users", Role.ADMIN, "List users and roles", this::users),
                ApiRoute.post("/api/v1/users", Role.ADMIN, "Add a user, or set a user's role and password", this::addUser),
                ApiRoute.delete("/api/v1/users/{user}", Role.ADMIN, "Remove a user with their tokens and sessions", this::removeUser),
                ApiRoute.get("/api/v1/connections", Role.VIEWER, "Connections with their status (never their tokens)", this::connections),
                ApiRoute.get("/api/v1/connections/{connection}/quota", Role.VIEWER, "The org's daily API requests used and left", this::quota));
    }

    private void login(Context ctx) {
        JsonNode body = body(ctx);
        String name = body.path("name").asText("");
        String password = body.path("password").asText("");
        Optional<Instant> locked = server.throttle().lockedUntil(name);
        if (locked.isPresent()) {
            ctx.header("Retry-After", String.valueOf(Math.max(1, java.time.Duration.between(Instant.now(), locked.get()).toSeconds())));
            throw new ApiProblem(429, "Too many failed logins", "logins as '" + name + "' are paused until " + locked.get() + " after repeated failures",
                    "wait until then; an admin can reset the password with 'sfsync users add " + name + " --role ROLE'");
        }
        Optional<User> user = server.users().authenticate(name, password);
        if (user.isEmpty()) {
            server.throttle().failed(name);
            throw new ApiProblem(401, "Unauthorized", "wrong user name or password", "check both; an admin can set a new password with 'sfsync users add'");
        }
        server.throttle().succeeded(name);
        Sessions.Opened opened = server.sessions().open(user.get());
        ctx.header("Set-Cookie", Sessions.COOKIE + "=" + opened.cookieValue() + "; Path=/; Max-Age=" + Sessions.LIFETIME.toSeconds()
                + "; HttpOnly; SameSite=Strict" + (secureCookies ? "; Secure" : ""));
        ctx.json(sessionBody(opened.session()));
    }

    private void session(Context ctx) {
        String cookie = ctx.cookie(Sessions.COOKIE);
        Optional<Sessions.Session> session = server.sessions().find(cookie);
        User user = Access.user(ctx);
        Map<String, Object> body = session.map(AccountRoutes::sessionBody).orElseGet(() -> Map.of("user", user.name(),
                "role", user.role().name().toLowerCase(java.util.Locale.ROOT)));
        ctx.json(body);
    }

    private static Map<String, Object> sessionBody(Sessions.Session session) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("user", session.user().name());
        body.put("role", session.user().role().name().toLowerCase(java.util.Locale.ROOT));
        body.put("csrf_token", session.csrfToken());
        return body;
    }

    private void logout(Context ctx) {
        String cookie = ctx.cookie(Sessions.COOKIE);
        if (cookie != null) {
            server.sessions().close(cookie);
        }
        ctx.header("Set-Cookie", Sessions.COOKIE + "=; Path=/; Max-Age=0; HttpOnly; SameSite=Strict");
        ctx.status(204);
    }

    private void tokens(Context ctx) {
        ctx.json(Map.of("items", server.tokens().list(Access.user(ctx).name())));
    }

    private void createToken(Context ctx) {
        String description = ctx.body().isBlank() ? "" : body(ctx).path("description").asText("");
        ApiTokens.NewToken token = server.tokens().create(Access.user(ctx).name(), description);
        ctx.status(201).json(Map.of("token", token.token(), "info", token.info(), "note", "this is the only time the token is shown; keep it in a secret store"));
    }

    private void revokeToken(Context ctx) {
        if (!server.tokens().revoke(ctx.pathParam("token"), Access.user(ctx).name())) {
            throw ApiProblem.notFound("you have no token '" + ctx.pathParam("token") + "'", "list yours with GET /api/v1/tokens");
        }
        ctx.status(204);
    }

    private void users(Context ctx) {
        ctx.json(Map.of("items", server.users().list()));
    }

    private void addUser(Context ctx) {
        JsonNode body = body(ctx);
        Role role = Access.role(body.path("role").asText("viewer"));
        User user = server.users().add(body.path("name").asText(""), role, body.path("password").asText(""));
        ctx.status(201).json(user);
    }

    private void removeUser(Context ctx) {
        if (!server.users().remove(ctx.pathParam("user"))) {
            throw ApiProblem.notFound("no user '" + ctx.pathParam("user") + "'", "list users with GET /api/v1/users");
        }
        ctx.status(204);
    }

    private void connections(Context ctx) {
        Map<String, dev.sfsync.store.SalesforceConnection> stored = new LinkedHashMap<>();
        server.store().connections().list().forEach(c -> stored.put(c.name(), c));
        ctx.json(Map.of("items", server.config().connections().values().stream().map(config -> {
            var c = stored.get(config.name());
            return c == null
                    ? new Views.ConnectionView(config.name(), config.environment().name().toLowerCase(java.util.Locale.ROOT), config.loginUrl(), null, null,
                    null, "never_connected", "run 'sfsync connect " + config.name() + "'", null)
                    : new Views.ConnectionView(c.name(), c.environment().name().toLowerCase(java.util.Locale.ROOT), c.loginUrl(), c.instanceUrl(), c.username(),
                    c.orgId(), c.status().name().toLowerCase(java.util.Locale.ROOT), c.statusMessage(), c.updatedAt());
        }).toList()));
    }

    private void quota(Context ctx) {
        String name = ctx.pathParam("connection");
        if (!server.config().connections().containsKey(name)) {
            throw ApiProblem.notFound("no connection '" + name + "'", "list connections with GET /api/v1/connections");
        }
        var daily = server.limits().of(name).orElseThrow(() -> new ApiProblem(502, "Limits unavailable",
                "Salesforce did not tell the daily API limit of '" + name + "'", "check the connection's status (GET /api/v1/connections)"));
        server.metrics().quotaRemaining(name, daily.remaining());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("connection", name);
        body.put("daily_api_requests_max", daily.max());
        body.put("daily_api_requests_remaining", daily.remaining());
        body.put("used_percent", daily.max() == 0 ? 0 : Math.round(1000.0 * (daily.max() - daily.remaining()) / daily.max()) / 10.0);
        ctx.json(body);
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode node = ApiServer.JSON.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            return node;
        } catch (Exception e) {
            throw ApiProblem.badRequest("the request body is not a JSON object", "send e.g. {\"name\": \"ada\", \"password\": \"...\"} with Content-Type: application/json");
        }
    }
}
