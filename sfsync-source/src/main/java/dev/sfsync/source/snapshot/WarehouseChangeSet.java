package dev.sfsync.source.snapshot;

import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeCounts;
import dev.sfsync.core.change.ChangeKind;
import dev.sfsync.core.change.ChangeSet;
import dev.sfsync.core.change.CommitResult;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.source.jdbc.JdbcSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A change set whose changes and outcomes stay in the warehouse: the changes are streamed from the run's changes
 * table through a cursor, and each {@link #record} loads its outcomes into the run's outcomes table in bulk (COPY on
 * Postgres, multi-row inserts elsewhere; durable when it returns), which {@link #commit} applies set-based. Thread-safe: record from any thread.
 */
final class WarehouseChangeSet implements ChangeSet {
    /**
     * Rows per fetch from the cursor. Measured: at 10,000 the rows in flight outlived young collections and were
     * promoted, so the old generation filled with garbage and the heap grew; at 1,000 the heap after each young
     * collection stays under 10 MB, and a fetch is still about 200 KB, large enough that round trips do not dominate.
     */
    private static final int FETCH_SIZE = 1_000;

    private final JdbcSource source;
    private final WarehouseDetection.Detected detected;
    private final WarehouseTables tables;
    private final CommitHook hook;
    private final Runnable release;
    private Connection writer;
    private OutcomeLoader loader;
    private long sequence;
    private boolean ended;

    WarehouseChangeSet(JdbcSource source, WarehouseDetection.Detected detected, CommitHook hook, Runnable release) {
        this.source = source;
        this.detected = detected;
        this.tables = detected.tables();
        this.hook = hook;
        this.release = release;
    }

    @Override
    public ModelSchema schema() {
        return detected.schema();
    }

    @Override
    public ChangeCounts counts() {
        return detected.counts();
    }

    @Override
    public List<String> notices() {
        return List.copyOf(detected.notices());
    }

    @Override
    public synchronized Stream<Change> changes(Set<ChangeKind> kinds) {
        checkOpen();
        Set<ChangeKind> wanted = kinds.isEmpty() ? EnumSet.allOf(ChangeKind.class) : EnumSet.copyOf(kinds);
        Connection[] reader = new Connection[1];
        return ChangeCursor.stream(wanted.stream().filter(kind -> counts().of(kind) > 0).iterator(), schema(), tables.keyCount(),
                detected.uniqueColumns(), kind -> {
                    if (reader[0] == null) {
                        reader[0] = source.connect();
                        // Drivers such as Postgres's stream through a cursor only outside autocommit.
                        reader[0].setAutoCommit(false);
                    }
                    Statement statement = reader[0].createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                    statement.setFetchSize(FETCH_SIZE);
                    return statement.executeQuery("SELECT * FROM " + tables.changes(detected.run()) + " WHERE _sfsync_kind = '" + kind.name() + "'");
                }, () -> {
                    if (reader[0] != null) {
                        reader[0].rollback();
                        reader[0].close();
                    }
                });
    }

    @Override
    public synchronized void record(Collection<? extends RowOutcome> recorded) {
        checkOpen();
        List<? extends RowOutcome> outcomes = List.copyOf(recorded);
        for (RowOutcome outcome : outcomes) {
            if (outcome.key().values().size() != tables.keyCount()) {
                throw new IllegalArgumentException("outcome key " + outcome.key() + " has " + outcome.key().values().size() + " value(s); the model's key "
                        + schema().keyColumns().stream().map(ModelColumn::name).toList() + " has " + tables.keyCount());
            }
        }
        try {
            if (loader == null) {
                loader = OutcomeLoader.of(writer(), tables, tables.outcomes(detected.run()));
            }
            loader.load(outcomes, sequence + 1);
            sequence += outcomes.size();
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("record outcomes in the warehouse", e);
        }
    }

    @Override
    public synchronized CommitResult commit() {
        checkOpen();
        try {
            CommitResult result = WarehouseCommit.apply(writer(), tables, detected.run(), hook);
            end();
            return result;
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("commit the snapshot in the warehouse", e);
        }
    }

    @Override
    public synchronized void close() {
        if (!ended) {
            end();
        }
    }

    private Connection writer() {
        if (writer == null) {
            writer = source.connect();
        }
        return writer;
    }

    private void end() {
        ended = true;
        try {
            if (writer != null) {
                writer.close();
            }
        } catch (SQLException ignored) {
            // Every statement of this change set was committed (or left pending on purpose) before this point.
        } finally {
            release.run();
        }
    }

    private void checkOpen() {
        if (ended) {
            throw new IllegalStateException("this change set is committed or closed; detect changes again for a new one");
        }
    }
}
