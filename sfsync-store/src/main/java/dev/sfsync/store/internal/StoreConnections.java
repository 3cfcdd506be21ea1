package dev.sfsync.store.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens the embedded store's SQLite connections through SQLite's driver itself rather than {@link DriverManager}, whose
 * first connection loads and initialises every JDBC driver on the class path (DuckDB's, Postgres's, any extra ones) on
 * every command's start (BENCHMARKS.md, issue 18 start-up). Postgres stores go through DriverManager as before; the
 * drivers' exceptions are the same either way.
 */
public final class StoreConnections {
    private StoreConnections() {
    }

    public static Connection open(String url, Properties properties) throws SQLException {
        Connection connection = url.startsWith("jdbc:sqlite:") ? new org.sqlite.JDBC().connect(url, properties) : null;
        return connection != null ? connection : DriverManager.getConnection(url, properties);
    }
}
