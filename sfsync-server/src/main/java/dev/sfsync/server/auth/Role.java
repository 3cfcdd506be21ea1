package dev.sfsync.server.auth;

import io.javalin.security.RouteRole;

/** What a user may do: a viewer reads, an operator also runs and cancels, an admin also changes connections, alerts and users. */
public enum Role implements RouteRole {
    VIEWER, OPERATOR, ADMIN;

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }
}
