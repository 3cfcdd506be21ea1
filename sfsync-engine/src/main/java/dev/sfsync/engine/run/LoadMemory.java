package dev.sfsync.engine.run;

import dev.sfsync.source.snapshot.DatabaseMemory;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * DuckDB's memory limit lowered while a set-based load runs in a database, so that the upload's tables (every row's
 * cells) spill to the state directory's {@code tmp/} instead of staying in memory beside the change set. The limit is
 * the database's, not the load's: it is lowered only while no change detection or snapshot commit runs in the same
 * database (a server running several syncs), shared by the loads running at once, and the limit the database had
 * before comes back when the last load ends (see {@link DatabaseMemory}).
 */
final class LoadMemory implements AutoCloseable {
    private final DatabaseMemory.Use use;

    private LoadMemory(DatabaseMemory.Use use) {
        this.use = use;
    }

    static LoadMemory lower(Statement statement, String limit) throws SQLException {
        return new LoadMemory(DatabaseMemory.load(statement, limit));
    }

    @Override
    public void close() throws SQLException {
        use.close();
    }
}
