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

    static Connection open(ProjectConfig config, String sourceName) throws SQLException {
        SourceConfig source = config.sources().get(sourceName);
        Path directory = config.directory().toAbsolutePath();
        String url = source.url();
        if (url.startsWith("jdbc:duckdb:")) {
            String location = url.substring("jdbc:duckdb:".length());
            if (!location.isEmpty() && !location.startsWith(":memory:") && !Path.of(location.split("\\?")[0]).isAbsolute()) {
                url = "jdbc:duckdb:" + directory.resolve(location);
            }
            return DriverManager.getConnection(url);
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
