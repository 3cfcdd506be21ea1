package dev.sfsync.server.auth;

import io.javalin.security.RouteRole;

/** What a user may do: a viewer reads, an operator also runs and cancels, an admin also changes connections, alerts and users. */
public enum Role implements RouteRole {
    VIEWER, OPERATOR, ADMIN;

    /** As users write it: in the API's JSON and on the command line. */
    @com.fasterxml.jackson.annotation.JsonValue
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean allows(Role needed) {
        return compareTo(needed) >= 0;
    }
}
