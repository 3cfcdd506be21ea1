package dev.sfsync.source.duckdb;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.source.ModelReader;
import dev.sfsync.source.Source;
import dev.sfsync.source.SourceConfig;
import dev.sfsync.source.UnableToOpenSource;
import dev.sfsync.source.jdbc.ModelQueries;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;
import java.util.Properties;

/**
 * The embedded default source: a DuckDB database file, opened read-only, or no file at all for models that
 * read CSV or Parquet files ({@code SELECT * FROM 'accounts.csv'}). Relative file paths in models resolve
 * against {@link #workingDirectory()}.
 * <p>
 * Change detection runs a DuckDB model inside the snapshot store's own DuckDB (the file attached read-only), so
 * rows never cross into Java just to be hashed. DuckDB opens a file once per process: while a snapshot store has
 * this file attached, {@link #read} and {@link #describe} on the same file wait for nothing and fail.
 */
public final class DuckDbSource implements Source {
    private static final String PREFIX = "jdbc:duckdb:";

    private final String name;
    private final Path file;
    private final Path workingDirectory;

    private DuckDbSource(String name, Path file, Path workingDirectory) {
        this.name = Objects.requireNonNull(name, "name is null");
        this.file = file;
        this.workingDirectory = Objects.requireNonNull(workingDirectory, "workingDirectory is null").toAbsolutePath();
    }

    /** From a {@code jdbc:duckdb:/path/file.duckdb} URL, or {@code jdbc:duckdb:} for no file. */
    public static DuckDbSource of(SourceConfig config) {
        String rest = config.url().substring(PREFIX.length());
        int query = rest.indexOf('?');
        String location = query < 0 ? rest : rest.substring(0, query);
        Path cwd = Path.of("").toAbsolutePath();
        return location.isEmpty() || location.startsWith(":memory:")
                ? new DuckDbSource(config.name(), null, cwd)
                : new DuckDbSource(config.name(), cwd.resolve(location), cwd);
    }

    public static DuckDbSource file(String name, Path file) {
        Path absolute = file.toAbsolutePath();
        return new DuckDbSource(name, absolute, absolute.getParent());
    }

    /** A source with no database file, for models that read files (CSV, Parquet, JSON) found under {@code workingDirectory}. */
    public static DuckDbSource files(String name, Path workingDirectory) {
        return new DuckDbSource(name, null, workingDirectory);
    }

    @Override
    public String name() {
        return name;
    }

    /** The database file, or null when models only read files. */
    public Path file() {
        return file;
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public ModelSchema describe(Model model) {
        try (Connection connection = connect(false)) {
            return ModelQueries.describe(connection, name, model);
        } catch (SQLException e) {
            throw new UnableToOpenSource(name, url(), e.getMessage(), null, e);
        }
    }

    @Override
    public ModelReader read(Model model) {
        return ModelQueries.read(connect(true), name, model, 2048);
    }

    /** The URL this source was opened with, for messages. */
    public String url() {
        return PREFIX + (file == null ? "" : file);
    }

    /** The reason a DuckDB file can't be opened, phrased for the user. */
    public UnableToOpenSource unableToOpen(SQLException e) {
        String message = String.valueOf(e.getMessage());
        String fix = message.contains("lock") || message.contains("already attached")
                ? "another program (or another sync in this process) holds the file open for writing; close it or wait for it to finish"
                : "check that the file is a DuckDB database and readable";
        return new UnableToOpenSource(name, url(), message, fix, e);
    }

    private Connection connect(boolean streamResults) {
        if (file != null && !Files.isRegularFile(file)) {
            throw new UnableToOpenSource(name, url(), "no such file",
                    "check the path in the source's URL; sfsync opens source files read-only and never creates them", null);
        }
        Properties properties = new Properties();
        properties.setProperty("jdbc_stream_results", String.valueOf(streamResults));
        if (file != null) {
            properties.setProperty("duckdb.read_only", "true");
        }
        try {
            Connection connection = DuckDbConnections.open(url(), properties);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET file_search_path = '" + workingDirectory.toString().replace("'", "''") + "'");
            }
            return connection;
        } catch (SQLException e) {
            throw unableToOpen(e);
        }
    }
}
