package dev.sfsync.source.jdbc;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.core.model.Row;
import dev.sfsync.source.ModelQueryFailed;
import dev.sfsync.source.ModelReader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.NoSuchElementException;

/** A {@link ModelReader} over an open result set; owns and closes the connection. */
final class ResultSetModelReader implements ModelReader {
    private final Connection connection;
    private final ResultSet rs;
    private final ModelSchema schema;
    private final String sourceName;
    private final Model model;
    private final List<ModelColumn> columns;
    private Boolean ahead;

    ResultSetModelReader(Connection connection, ResultSet rs, ModelSchema schema, String sourceName, Model model) {
        this.connection = connection;
        this.rs = rs;
        this.schema = schema;
        this.sourceName = sourceName;
        this.model = model;
        this.columns = schema.columns();
    }

    @Override
    public ModelSchema schema() {
        return schema;
    }

    @Override
    public boolean hasNext() {
        if (ahead == null) {
            try {
                ahead = rs.next();
            } catch (SQLException e) {
                throw new ModelQueryFailed(sourceName, model, e);
            }
        }
        return ahead;
    }

    @Override
    public Row next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the model has no more rows");
        }
        ahead = null;
        Object[] values = new Object[columns.size()];
        try {
            for (int i = 0; i < values.length; i++) {
                values[i] = JdbcValues.read(rs, i + 1, columns.get(i).type());
            }
        } catch (SQLException e) {
            throw new ModelQueryFailed(sourceName, model, e);
        }
        return new Row(schema, values);
    }

    @Override
    public void close() {
        ModelQueries.closeQuietly(rs);
        ModelQueries.closeQuietly(connection);
    }
}
