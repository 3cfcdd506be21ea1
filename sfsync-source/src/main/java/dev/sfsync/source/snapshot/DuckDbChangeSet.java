package dev.sfsync.source.snapshot;

import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.change.ChangeKind;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.change.ChangeTable;
import dev.sfsync.core.change.CommitResult;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.sql.SQLException;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A change set held in two tables of the snapshot store: the run's changes (kind, key, the row's values and hash)
 * and the outcomes recorded so far. Changes are read back with a streaming cursor per kind. Outcomes are recorded
 * through a DuckDB appender, which is not thread-safe: it stays on the thread that recorded first.
 */
final class DuckDbChangeSet implements ChangeSet {
    private final DuckDBConnection connection;
    private final Registry registry;
    private final SyncTables tables;
    private final long runNo;
    private final ModelSchema schema;
    private final ChangeCounts counts;
    private final List<String> notices;
    private final List<String> uniqueColumns;
    private final CommitHook hook;
    private final Runnable release;
    private DuckDBAppender outcomes;
    private Thread recorder;
    private long sequence;
    private boolean ended;

    DuckDbChangeSet(DuckDBConnection connection, Registry registry, ChangeDetection.Detected detected, CommitHook hook, Runnable release) {
        this.connection = connection;
        this.registry = registry;
        this.tables = detected.tables();
        this.runNo = detected.runNo();
        this.schema = detected.schema();
        this.counts = detected.counts();
        this.notices = List.copyOf(detected.notices());
        this.uniqueColumns = List.copyOf(detected.uniqueColumns());
        this.hook = hook;
        this.release = release;
    }

    @Override
    public ModelSchema schema() {
        return schema;
    }

    @Override
    public ChangeCounts counts() {
        return counts;
    }

    @Override
    public List<String> notices() {
        return notices;
    }

    @Override
    public Stream<Change> changes(Set<ChangeKind> kinds) {
        return changes(kinds, "TRUE");
    }

    @Override
    public java.util.Optional<ChangeTable> table() {
        return java.util.Optional.of(new ChangeTable() {
            @Override
            public java.sql.Connection connect() {
                checkOpen();
                try {
                    return connection.duplicate();
                } catch (SQLException e) {
                    throw SnapshotStoreFailed.of("open a connection to the changes", e);
                }
            }

            @Override
            public String name() {
                return tables.changes(runNo);
            }

            @Override
            public int keyCount() {
                return tables.keyCount();
            }

            @Override
            public int uniqueColumns() {
                return uniqueColumns.size();
            }

            @Override
            public long recordFrom(java.sql.Connection connection, String query) {
                return recordSelected(connection, query);
            }

            @Override
            public Stream<Change> changesWhere(String condition) {
                return changes(Set.of(), condition);
            }
        });
    }

    private Stream<Change> changes(Set<ChangeKind> kinds, String condition) {
        checkOpen();
        Set<ChangeKind> wanted = kinds.isEmpty() ? EnumSet.allOf(ChangeKind.class) : EnumSet.copyOf(kinds);
        DuckDBConnection[] reader = new DuckDBConnection[1];
        return ChangeCursor.stream(wanted.stream().filter(kind -> counts.of(kind) > 0).iterator(), schema, tables.keyCount(), uniqueColumns,
                kind -> {
                    if (reader[0] == null) {
                        reader[0] = connection.duplicate();
                    }
                    return reader[0].createStatement().executeQuery("SELECT * FROM " + tables.changes(runNo) + " c WHERE _sfsync_kind = '" + kind.name() + "' AND (" + condition + ")");
                }, () -> {
                    if (reader[0] != null) {
                        reader[0].close();
                    }
                });
    }

    @Override
    public synchronized void record(Collection<? extends RowOutcome> recorded) {
        checkOpen();
        checkRecorder();
        try {
            if (outcomes == null) {
                outcomes = connection.createAppender(tables.catalog(), "main", "outcomes_" + runNo);
            }
            for (RowOutcome outcome : recorded) {
                List<String> key = outcome.key().values();
                if (key.size() != tables.keyCount()) {
                    throw new IllegalArgumentException("outcome key " + outcome.key() + " has " + key.size() + " value(s); the model's key "
                            + schema.keyColumns().stream().map(ModelColumn::name).toList() + " has " + tables.keyCount());
                }
                RowError error = outcome.error();
                outcomes.beginRow();
                for (String value : key) {
                    outcomes.append(value);
                }
                outcomes.append(outcome.status().name()).append(outcome.recordId())
                        .append(error == null ? null : error.code()).append(error == null ? null : error.message())
                        .append(++sequence).endRow();
            }
            // Flushing commits the rows: an outcome recorded here survives a crash of this process.
            outcomes.flush();
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("record outcomes", e);
        }
    }

    /**
     * One INSERT ... SELECT: the rows take the sequence numbers after the appender's, so a later outcome still wins at
     * the commit, and the statement commits on its own, as a flushed appender does.
     */
    private synchronized long recordSelected(java.sql.Connection connection, String query) {
        checkOpen();
        try (java.sql.Statement statement = connection.createStatement()) {
            String columns = Sql.each(tables.keyCount(), ", ", k -> "_sfsync_t" + k) + ", _sfsync_status, _sfsync_record_id, _sfsync_code, _sfsync_message";
            long recorded = statement.executeUpdate("INSERT INTO " + tables.outcomes(runNo) + " (" + columns + ", _sfsync_seq) SELECT *, "
                    + sequence + " + row_number() OVER () FROM (" + query + ") q");
            sequence += recorded;
            return recorded;
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("record outcomes", e);
        }
    }

    @Override
    public synchronized CommitResult commit() {
        checkOpen();
        try {
            closeAppender();
            CommitResult result;
            try (java.sql.Statement statement = connection.createStatement(); DatabaseMemory.Use full = DatabaseMemory.full(statement)) {
                result = SnapshotCommit.apply(connection, registry, tables, runNo, hook);
            }
            end();
            return result;
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("commit the snapshot", e);
        }
    }

    @Override
    public synchronized void close() {
        if (!ended) {
            try {
                closeAppender();
            } catch (SQLException e) {
                throw SnapshotStoreFailed.of("keep the recorded outcomes", e);
            } finally {
                end();
            }
        }
    }

    private void closeAppender() throws SQLException {
        if (outcomes != null) {
            outcomes.close();
            outcomes = null;
        }
    }

    private void end() {
        ended = true;
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The connection only served this change set; its data is committed or deliberately left pending.
        } finally {
            release.run();
        }
    }

    private void checkRecorder() {
        Thread current = Thread.currentThread();
        if (recorder == null) {
            recorder = current;
        } else if (recorder != current) {
            throw new IllegalStateException("outcomes of this change set are recorded on thread '" + recorder.getName() + "', and record() was called on '"
                    + current.getName() + "': DuckDB's appender must stay on one thread; hand the outcomes to the thread that recorded first");
        }
    }

    private void checkOpen() {
        if (ended) {
            throw new IllegalStateException("this change set is committed or closed; detect changes again for a new one");
        }
    }
}
