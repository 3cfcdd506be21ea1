package dev.sfsync.source.snapshot;

import dev.sfsync.core.SfsyncException;

import java.sql.SQLException;

/** The snapshot store's own DuckDB failed (disk full, file locked by another process, a bug); not the model's fault. */
public final class SnapshotStoreFailed extends SfsyncException {
    private SnapshotStoreFailed(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }

    static SnapshotStoreFailed of(String action, SQLException e) {
        String message = String.valueOf(e.getMessage());
        String fix = message.contains("lock")
                ? "another sfsync process uses this state directory; wait for it to finish or stop it"
                : message.contains("space") || message.contains("disk")
                ? "free disk space in the state directory (DuckDB spills large diffs to its tmp/ folder)"
                : "run again; the snapshot is unchanged. If it persists, report it with this message";
        return new SnapshotStoreFailed("The snapshot store could not " + action + ": " + message, fix, e);
    }
}
