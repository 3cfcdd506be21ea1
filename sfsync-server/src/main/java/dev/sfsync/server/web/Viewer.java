package dev.sfsync.server.web;

import dev.sfsync.server.auth.Role;
import dev.sfsync.server.auth.User;

import java.util.Objects;

/** Who looks at a page: the logged-in user and their session's CSRF token, which every form of the page repeats. */
public record Viewer(User user, String csrf) {
    public Viewer {
        Objects.requireNonNull(user, "user is null");
        Objects.requireNonNull(csrf, "csrf is null");
    }

    public boolean may(Role needed) {
        return user.role().allows(needed);
    }

    public boolean operator() {
        return may(Role.OPERATOR);
    }

    public boolean admin() {
        return may(Role.ADMIN);
    }

    public String role() {
        return user.role().wireName();
    }
}
