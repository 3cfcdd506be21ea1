package dev.sfsync.server.db;

import dev.sfsync.core.SfsyncException;

/** The server could not create or migrate its tables in the state database. */
public final class ServerTablesUnusable extends SfsyncException {
    ServerTablesUnusable(String description, Throwable cause) {
        super("the server could not create its tables in the " + description + ": " + cause.getMessage(),
                "check that the database is reachable and that its user may create tables", cause);
    }
}
