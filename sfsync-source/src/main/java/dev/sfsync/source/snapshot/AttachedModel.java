package dev.sfsync.source.snapshot;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.source.ModelQueryFailed;
import dev.sfsync.source.duckdb.DuckDbSource;
import dev.sfsync.source.jdbc.ModelQueries;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A DuckDB source attached read-only to the snapshot store's DuckDB and made the connection's default catalog,
 * so the model's SQL runs unchanged and its rows are hashed where they are read. A source without a file gets an
 * empty in-memory catalog instead, so a model's unqualified table names never reach the snapshot store's tables.
 */
final class AttachedModel implements StagedModel {
    private final Connection connection;
    private final String catalog;
    private final String alias;
    private final DuckDbSource source;
    private final Model model;
    private final ModelSchema schema;

    private AttachedModel(Connection connection, String catalog, String alias, DuckDbSource source, Model model, ModelSchema schema) {
        this.connection = connection;
        this.catalog = catalog;
        this.alias = alias;
        this.source = source;
        this.model = model;
        this.schema = schema;
    }

    static AttachedModel open(Connection connection, String catalog, long runNo, DuckDbSource source, Model model) throws SQLException {
        String alias = "source_" + runNo;
        String location = source.file() == null ? ":memory:" : source.file().toString();
        try {
            Sql.execute(connection, "ATTACH " + Sql.literal(location) + " AS " + Sql.ident(alias) + (source.file() == null ? "" : " (READ_ONLY)"));
        } catch (SQLException e) {
            throw source.unableToOpen(e);
        }
        try {
            Sql.execute(connection, "USE " + Sql.ident(alias));
            Sql.execute(connection, "SET file_search_path = " + Sql.literal(source.workingDirectory().toString()));
            ModelSchema schema;
            try (PreparedStatement statement = connection.prepareStatement(ModelQueries.sql(model))) {
                schema = ModelQueries.schema(statement.getMetaData(), model);
            } catch (SQLException e) {
                throw new ModelQueryFailed(source.name(), model, e);
            }
            return new AttachedModel(connection, catalog, alias, source, model, schema);
        } catch (SQLException | RuntimeException e) {
            detach(connection, catalog, alias);
            throw e;
        }
    }

    @Override
    public ModelSchema schema() {
        return schema;
    }

    @Override
    public String relation() {
        return "(" + ModelQueries.sql(model) + ")";
    }

    @Override
    public void executeReadingModel(String sql) {
        StagedModel.execute(connection, source.name(), model, sql);
    }

    @Override
    public void close() throws SQLException {
        detach(connection, catalog, alias);
    }

    private static void detach(Connection connection, String catalog, String alias) throws SQLException {
        Sql.execute(connection, "USE " + Sql.ident(catalog));
        Sql.execute(connection, "DETACH DATABASE IF EXISTS " + Sql.ident(alias));
    }
}
