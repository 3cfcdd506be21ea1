package dev.sfsync.server.auth;

import java.util.Objects;

/** Someone who may use the server's API and pages. */
public record User(String name, Role role) {
    public User {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(role, "role is null");
    }
}
