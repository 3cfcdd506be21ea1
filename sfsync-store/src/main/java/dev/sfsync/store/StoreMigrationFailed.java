package dev.sfsync.store;

import dev.sfsync.core.SfsyncException;

import org.flywaydb.core.api.FlywayException;

/** The state store's schema could not be created or brought up to date. */
public final class StoreMigrationFailed extends SfsyncException {
    public StoreMigrationFailed(String description, FlywayException cause) {
        super("Can't prepare the schema of the " + description + ": " + cause.getMessage(),
                "check that the database is reachable and the user may create tables; a store written by a newer sfsync"
                        + " needs that version (or newer)", cause);
    }
}
