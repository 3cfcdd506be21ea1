package dev.sfsync.engine.project;

import dev.sfsync.engine.config.ProjectConfig;
import dev.sfsync.engine.config.SourceConfig;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** A connection to a project source that syncs write into (inbound and two-way): DuckDB paths resolve against the project directory. */
final class SourceConnections {
    private SourceConnections() {
    }

    /** What an inbound or two-way sync lets DuckDB hold in memory, whatever the size of its table. */
    static final String DUCKDB_MEMORY_LIMIT = "256MB";

    static Connection open(ProjectConfig config, String sourceName) throws SQLException {
        SourceConfig source = config.sources().get(sourceName);
        Path directory = config.directory().toAbsolutePath();
        String url = source.url();
        if (url.startsWith("jdbc:duckdb:")) {
            String location = url.substring("jdbc:duckdb:".length());
            if (!location.isEmpty() && !location.startsWith(":memory:") && !Path.of(location.split("\\?")[0]).isAbsolute()) {
                url = "jdbc:duckdb:" + directory.resolve(location);
            }
            Connection duckdb = dev.sfsync.source.duckdb.DuckDbConnections.open(url, new Properties());
            // DuckDB's default limit is 80 % of the machine's memory, and it keeps the pages of a table it filled: an
            // inbound sync of millions of records would hold them. Past this limit it spills to <file>.tmp instead.
            try (java.sql.Statement s = duckdb.createStatement()) {
                s.execute("SET memory_limit = '" + DUCKDB_MEMORY_LIMIT + "'");
            }
            return duckdb;
        }
        Properties properties = new Properties();
        String user = SecretValues.resolve(source.user(), directory);
        String password = SecretValues.resolve(source.password(), directory);
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }
}
