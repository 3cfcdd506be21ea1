package dev.sfsync.source.snapshot;

import dev.sfsync.core.model.ColumnType;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.core.model.Row;
import dev.sfsync.source.ModelReader;
import dev.sfsync.source.Source;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

/**
 * A model of a source outside DuckDB (Postgres, any JDBC), its rows streamed into a temporary table of the snapshot
 * store's connection through DuckDB's appender, so the diff runs in DuckDB SQL all the same. The table is dropped on close.
 */
final class AppendedModel implements StagedModel {
    private final Connection connection;
    private final String table;
    private final Source source;
    private final Model model;
    private final ModelSchema schema;

    private AppendedModel(Connection connection, String table, Source source, Model model, ModelSchema schema) {
        this.connection = connection;
        this.table = table;
        this.source = source;
        this.model = model;
        this.schema = schema;
    }

    static AppendedModel open(Connection connection, long runNo, Source source, Model model) throws SQLException {
        String name = "rows_" + runNo;
        // A temporary table: no commit with its WAL write and sync at every appender flush (2,048 rows; measured, half
        // the CPU and a quarter of the time of appending into a table of the file), it spills to the temp directory
        // past the memory limit, and a crash leaves nothing behind in the snapshot store.
        String table = "temp.main." + Sql.ident(name);
        try (ModelReader reader = source.read(model)) {
            ModelSchema schema = reader.schema();
            Sql.execute(connection, "CREATE TEMP TABLE " + table + " (" + Sql.list(schema.columns().stream()
                    .map(c -> Sql.ident(c.name()) + " " + duckDbType(c.type())).toList()) + ")");
            AppendedModel staged = new AppendedModel(connection, table, source, model, schema);
            try (DuckDBAppender appender = connection.unwrap(DuckDBConnection.class).createAppender("temp", "main", name)) {
                List<ModelColumn> columns = schema.columns();
                while (reader.hasNext()) {
                    Row row = reader.next();
                    appender.beginRow();
                    for (int i = 0; i < columns.size(); i++) {
                        append(appender, columns.get(i).type(), row.get(i));
                    }
                    appender.endRow();
                }
            } catch (SQLException | RuntimeException e) {
                staged.close();
                throw e;
            }
            return staged;
        }
    }

    /** Decimals are kept as text (exact at any precision) and read back as BigDecimal; lists as lists of text. */
    private static String duckDbType(ColumnType type) {
        return switch (type) {
            case TEXT, OTHER, DECIMAL -> "VARCHAR";
            case INTEGER -> "BIGINT";
            case DOUBLE -> "DOUBLE";
            case BOOLEAN -> "BOOLEAN";
            case DATE -> "DATE";
            case TIME -> "TIME";
            case TIMESTAMP -> "TIMESTAMP";
            case TIMESTAMP_TZ -> "TIMESTAMPTZ";
            case LIST -> "VARCHAR[]";
        };
    }

    private static void append(DuckDBAppender appender, ColumnType type, Object value) throws SQLException {
        if (value == null) {
            appender.appendNull();
            return;
        }
        switch (type) {
            case TEXT, OTHER -> appender.append((String) value);
            case DECIMAL -> appender.append(((BigDecimal) value).toPlainString());
            case INTEGER -> appender.append((Long) value);
            case DOUBLE -> appender.append((Double) value);
            case BOOLEAN -> appender.append((Boolean) value);
            case DATE -> appender.append((LocalDate) value);
            case TIME -> appender.append((LocalTime) value);
            case TIMESTAMP -> appender.append((LocalDateTime) value);
            case TIMESTAMP_TZ -> appender.append((OffsetDateTime) value);
            case LIST -> appender.append(((Collection<?>) value).stream().map(v -> v == null ? null : v.toString()).toList());
        }
    }

    @Override
    public ModelSchema schema() {
        return schema;
    }

    @Override
    public String relation() {
        return table;
    }

    @Override
    public void executeReadingModel(String sql) {
        StagedModel.execute(connection, source.name(), model, sql);
    }

    @Override
    public void close() throws SQLException {
        Sql.execute(connection, "DROP TABLE IF EXISTS " + table);
    }
}
