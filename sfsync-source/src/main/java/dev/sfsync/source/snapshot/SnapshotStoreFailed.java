package dev.sfsync.source.snapshot;

import dev.sfsync.core.SfsyncException;

import java.sql.SQLException;
import java.util.regex.Pattern;

/** The snapshot store's own DuckDB failed (disk full, file locked by another process, a bug); not the model's fault. */
public final class SnapshotStoreFailed extends SfsyncException {
    private static final Pattern LOCK = Pattern.compile("\\block\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern OUT_OF_MEMORY = Pattern.compile("could not allocate|out of memory", Pattern.CASE_INSENSITIVE);

    private SnapshotStoreFailed(String problem, String fix, Throwable cause) {
        super(problem, fix, cause);
    }

    static SnapshotStoreFailed of(String action, SQLException e) {
        String message = String.valueOf(e.getMessage());
        // A word match: DuckDB's out-of-memory message speaks of a "block", which is no lock.
        String fix = LOCK.matcher(message).find()
                ? "another sfsync process uses this state directory; wait for it to finish or stop it"
                : OUT_OF_MEMORY.matcher(message).find()
                ? "the diff needed more than the snapshot store's memory limit; for a model this large, set 'change_detection: warehouse'"
                        + " on its source, so that the warehouse computes the diff and only the changed rows leave it"
                : message.contains("space") || message.contains("disk")
                ? "free disk space in the state directory (DuckDB spills large diffs to its tmp/ folder)"
                : "run again; the snapshot is unchanged. If it persists, report it with this message";
        return new SnapshotStoreFailed("The snapshot store could not " + action + ": " + message, fix, e);
    }
}
