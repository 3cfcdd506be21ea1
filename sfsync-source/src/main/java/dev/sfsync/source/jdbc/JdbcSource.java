package dev.sfsync.source.jdbc;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.source.ModelReader;
import dev.sfsync.source.Source;
import dev.sfsync.source.SourceConfig;
import dev.sfsync.source.UnableToOpenSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * A source behind any JDBC driver on the classpath (Postgres's is included). Rows are fetched through a cursor,
 * {@value #FETCH_SIZE} at a time, where the driver supports it.
 */
public final class JdbcSource implements Source {
    static final int FETCH_SIZE = 10_000;

    private final SourceConfig config;

    public JdbcSource(SourceConfig config) {
        this.config = Objects.requireNonNull(config, "config is null");
    }

    @Override
    public String name() {
        return config.name();
    }

    public SourceConfig config() {
        return config;
    }

    @Override
    public ModelSchema describe(Model model) {
        try (Connection connection = connect()) {
            return ModelQueries.describe(connection, name(), model);
        } catch (SQLException e) {
            throw unableToOpen(e);
        }
    }

    @Override
    public ModelReader read(Model model) {
        return ModelQueries.read(connect(), name(), model, FETCH_SIZE);
    }

    /** A new connection; the caller closes it. */
    public Connection connect() {
        Properties properties = new Properties();
        properties.putAll(config.properties());
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        try {
            return DriverManager.getConnection(config.url(), properties);
        } catch (SQLException e) {
            throw unableToOpen(e);
        }
    }

    private UnableToOpenSource unableToOpen(SQLException e) {
        String message = String.valueOf(e.getMessage());
        String fix = message.startsWith("No suitable driver")
                ? dev.sfsync.source.drivers.KnownDriver.forUrl(config.url()).map(d -> "its JDBC driver is not installed: " + d.howToAdd())
                        .orElse("no JDBC driver on the classpath accepts this URL: check its spelling, or put the database's JDBC driver jar"
                                + " in the project's drivers/ directory")
                : "check the URL, that the database server is running and reachable, and the user and password"
                        + " (given by environment variable or secrets file)";
        return new UnableToOpenSource(config.name(), config.url(), message, fix, e);
    }
}
