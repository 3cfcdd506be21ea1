package dev.sfsync.source.jdbc;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.source.ModelMissingKeyColumn;
import dev.sfsync.source.ModelQueryFailed;
import dev.sfsync.source.ModelReader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Describing and reading models over an open JDBC connection; shared by every kind of source. */
public final class ModelQueries {
    private ModelQueries() {
    }

    /** The model's SQL without trailing semicolons, so it can be wrapped in other queries. */
    public static String sql(Model model) {
        String sql = model.sql().strip();
        while (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        return sql;
    }

    public static ModelSchema describe(Connection connection, String sourceName, Model model) {
        try (PreparedStatement statement = connection.prepareStatement(sql(model))) {
            ResultSetMetaData metadata = statement.getMetaData();
            if (metadata != null) {
                return schema(metadata, model);
            }
        } catch (SQLException e) {
            throw new ModelQueryFailed(sourceName, model, e);
        }
        // Some drivers describe only executed queries; this one runs no rows.
        try (PreparedStatement statement = connection.prepareStatement("SELECT * FROM (" + sql(model) + ") AS model WHERE 1 = 0");
             ResultSet rs = statement.executeQuery()) {
            return schema(rs.getMetaData(), model);
        } catch (SQLException e) {
            throw new ModelQueryFailed(sourceName, model, e);
        }
    }

    /** Checks the key against the columns the query returns. */
    public static ModelSchema schema(ResultSetMetaData metadata, Model model) throws SQLException {
        List<ModelColumn> columns = new ArrayList<>();
        for (int i = 1; i <= metadata.getColumnCount(); i++) {
            columns.add(new ModelColumn(metadata.getColumnLabel(i), ColumnTypes.of(metadata, i), String.valueOf(metadata.getColumnTypeName(i))));
        }
        ModelSchema all = new ModelSchema(columns, List.of());
        List<String> missing = model.keyColumns().stream().filter(key -> all.indexOf(key) < 0).toList();
        if (!missing.isEmpty()) {
            throw new ModelMissingKeyColumn(model, missing, all.names());
        }
        return new ModelSchema(columns, model.keyColumns());
    }

    /**
     * Streams the model's rows; the reader owns the connection and closes it. Autocommit is turned off so that
     * drivers such as Postgres's fetch through a cursor, {@code fetchSize} rows at a time.
     */
    public static ModelReader read(Connection connection, String sourceName, Model model, int fetchSize) {
        try {
            connection.setAutoCommit(false);
            PreparedStatement statement = connection.prepareStatement(sql(model), ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
            statement.setFetchSize(fetchSize);
            ResultSet rs = statement.executeQuery();
            return new ResultSetModelReader(connection, rs, schema(rs.getMetaData(), model), sourceName, model);
        } catch (SQLException e) {
            closeQuietly(connection);
            throw new ModelQueryFailed(sourceName, model, e);
        } catch (RuntimeException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // Nothing useful to do about a failed close of a connection being abandoned.
        }
    }
}
