package dev.sfsync.core.change;

import java.sql.Connection;
import java.util.List;
import java.util.stream.Stream;

/**
 * A change set whose changes sit in a SQL table that a writer may work on set-based (the local DuckDB snapshot store),
 * instead of reading it row by row. The table's columns: {@code _sfsync_kind}, typed keys {@code _sfsync_k<i>}, text
 * keys {@code _sfsync_t<i>} (an outcome's key values), {@code _sfsync_record_id}, the model's columns by their names,
 * and per unique column {@code _sfsync_ui<i>}, the rows sharing the row's value ignoring case (null when none).
 */
public interface ChangeTable {
    /** A connection of the caller's own to the database holding the table; the caller closes it. */
    Connection connect();

    /** The changes table's qualified name. */
    String name();

    int keyCount();

    /** How many unique columns carry shared-value counts. */
    int uniqueColumns();

    /**
     * Records as outcomes the rows {@code query} selects, set-based, for outcomes known in the database (results joined to
     * the changes) that need not pass through Java one by one: as {@link ChangeSet#record}, durable when this returns and
     * later than every outcome recorded before. The query runs on {@code connection} (one of {@link #connect}'s) and
     * gives, in order: the text keys {@code _sfsync_t<i>}, the status's name, the record Id, the error code and message.
     *
     * @return how many outcomes it recorded
     */
    long recordFrom(Connection connection, String query);

    /** The changes for which {@code condition} (SQL over the table's columns) holds, as {@link ChangeSet#changes} streams them. */
    Stream<Change> changesWhere(String condition);

    /** A view of the change set that streams only the changes {@code condition} holds for; recording and committing go to it. */
    static ChangeSet filtered(ChangeSet changes, ChangeTable table, String condition) {
        return new ChangeSet() {
            @Override
            public dev.sfsync.core.model.ModelSchema schema() {
                return changes.schema();
            }

            @Override
            public ChangeCounts counts() {
                return changes.counts();
            }

            @Override
            public List<String> notices() {
                return changes.notices();
            }

            @Override
            public Stream<Change> changes(java.util.Set<ChangeKind> kinds) {
                if (!kinds.isEmpty()) {
                    throw new UnsupportedOperationException("a filtered change set streams every kind");
                }
                return table.changesWhere(condition);
            }

            @Override
            public void record(java.util.Collection<? extends dev.sfsync.core.outcome.RowOutcome> outcomes) {
                changes.record(outcomes);
            }

            @Override
            public CommitResult commit() {
                return changes.commit();
            }

            @Override
            public void close() {
                changes.close();
            }
        };
    }
}
