package dev.sfsync.source.snapshot;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.source.ModelQueryFailed;
import dev.sfsync.source.Source;
import dev.sfsync.source.duckdb.DuckDbSource;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A model made queryable inside the snapshot store's DuckDB for the length of one change detection: a DuckDB
 * source is attached read-only and its query runs there; any other source's rows are streamed into a table.
 */
interface StagedModel extends AutoCloseable {
    ModelSchema schema();

    /** SQL for the model's rows, to use as {@code FROM <relation> AS m}. */
    String relation();

    /** Runs SQL that reads the model: its failures are the model's, reported with the source's message. */
    void executeReadingModel(String sql);

    @Override
    void close() throws SQLException;

    static StagedModel of(Connection connection, String catalog, long runNo, Source source, Model model) throws SQLException {
        return source instanceof DuckDbSource duckDb
                ? AttachedModel.open(connection, catalog, runNo, duckDb, model)
                : AppendedModel.open(connection, runNo, source, model);
    }

    /** Shared by both: a failing statement over the model's rows is the model's failure. */
    static void execute(Connection connection, String sourceName, Model model, String sql) {
        try {
            Sql.execute(connection, sql);
        } catch (SQLException e) {
            throw new ModelQueryFailed(sourceName, model, e);
        }
    }
}
