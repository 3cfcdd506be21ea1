package dev.sfsync.server.api;

import dev.sfsync.server.auth.Role;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;

import java.util.Objects;

/**
 * One route of the server: method, path (Javalin's {@code {param}} syntax, as in the OpenAPI file), the least role
 * that may call it ({@code null}: anyone, logged in or not), and what it does.
 */
public record ApiRoute(HandlerType method, String path, Role role, String summary, Handler handler) {
    public ApiRoute {
        Objects.requireNonNull(method, "method is null");
        Objects.requireNonNull(path, "path is null");
        Objects.requireNonNull(summary, "summary is null");
        Objects.requireNonNull(handler, "handler is null");
    }

    public boolean isPublic() {
        return role == null;
    }

    /** Changes state, so a cookie-authenticated call must carry the CSRF token. */
    public boolean changesState() {
        return method != HandlerType.GET && method != HandlerType.HEAD && method != HandlerType.OPTIONS;
    }

    static ApiRoute get(String path, Role role, String summary, Handler handler) {
        return new ApiRoute(HandlerType.GET, path, role, summary, handler);
    }

    static ApiRoute post(String path, Role role, String summary, Handler handler) {
        return new ApiRoute(HandlerType.POST, path, role, summary, handler);
    }

    static ApiRoute delete(String path, Role role, String summary, Handler handler) {
        return new ApiRoute(HandlerType.DELETE, path, role, summary, handler);
    }
}
