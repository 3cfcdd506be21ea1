package dev.sfsync.source.snapshot;

import dev.sfsync.core.change.Change;
import dev.sfsync.core.change.ChangeKind;
import dev.sfsync.core.change.SharedValue;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.core.model.Row;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.source.jdbc.JdbcValues;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Walks a changes table one kind at a time, one query per kind, so no sort is needed and rows stream from the
 * database. The table's columns, in the local store and the warehouse alike: kind, typed keys, text keys, record id,
 * prior failures, hash, the model's columns, then a pair of shared-value counts per unique column.
 */
final class ChangeCursor implements Iterator<Change>, AutoCloseable {
    /** Opens the query for one kind's rows. */
    @FunctionalInterface
    interface Query {
        ResultSet open(ChangeKind kind) throws SQLException;
    }

    private final Iterator<ChangeKind> kinds;
    private final ModelSchema schema;
    private final int keyCount;
    private final List<String> uniqueColumns;
    private final Query query;
    private final AutoCloseable resources;
    private ResultSet rs;
    private ChangeKind kind;
    private Boolean ahead;

    private ChangeCursor(Iterator<ChangeKind> kinds, ModelSchema schema, int keyCount, List<String> uniqueColumns, Query query,
                         AutoCloseable resources) {
        this.kinds = kinds;
        this.schema = schema;
        this.keyCount = keyCount;
        this.uniqueColumns = uniqueColumns;
        this.query = query;
        this.resources = resources;
    }

    /** The changes of {@code kinds} as a stream whose closing closes {@code resources} (the reading connection). */
    static Stream<Change> stream(Iterator<ChangeKind> kinds, ModelSchema schema, int keyCount, List<String> uniqueColumns, Query query,
                                 AutoCloseable resources) {
        ChangeCursor cursor = new ChangeCursor(kinds, schema, keyCount, uniqueColumns, query, resources);
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(cursor::close);
    }

    @Override
    public boolean hasNext() {
        if (ahead != null) {
            return ahead;
        }
        try {
            while (true) {
                if (rs == null) {
                    if (!kinds.hasNext()) {
                        ahead = false;
                        return false;
                    }
                    kind = kinds.next();
                    rs = query.open(kind);
                }
                if (rs.next()) {
                    ahead = true;
                    return true;
                }
                rs.close();
                rs = null;
            }
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("read changes", e);
        }
    }

    @Override
    public Change next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more changes");
        }
        ahead = null;
        try {
            return read();
        } catch (SQLException e) {
            throw SnapshotStoreFailed.of("read changes", e);
        }
    }

    private Change read() throws SQLException {
        int n = keyCount;
        List<String> key = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            key.add(rs.getString(2 + n + k));
        }
        Row row = null;
        List<SharedValue> shared = List.of();
        if (kind != ChangeKind.REMOVED) {
            int first = 2 * n + 5;
            Object[] values = new Object[schema.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = JdbcValues.read(rs, first + i, schema.columns().get(i).type());
            }
            row = new Row(schema, values);
            shared = sharedValues(first + values.length);
        }
        return new Change(kind, new RowKey(key), row, rs.getString(2 * n + 2), rs.getInt(2 * n + 3), shared);
    }

    private List<SharedValue> sharedValues(int first) throws SQLException {
        List<SharedValue> shared = new ArrayList<>(0);
        for (int i = 0; i < uniqueColumns.size(); i++) {
            long rows = rs.getLong(first + 2 * i);
            if (!rs.wasNull()) {
                shared.add(new SharedValue(uniqueColumns.get(i), rows, rs.getLong(first + 2 * i + 1)));
            }
        }
        return shared;
    }

    @Override
    public void close() {
        try {
            resources.close();
        } catch (Exception ignored) {
            // A reader that fails to close holds nothing the change set needs.
        }
    }
}
