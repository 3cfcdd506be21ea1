package dev.sfsync.source.duckdb;

import org.duckdb.DuckDBDriver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * Opens DuckDB connections through DuckDB's driver itself rather than {@link DriverManager}: DriverManager's first
 * connection loads and initialises every JDBC driver on the class path (SQLite's, Postgres's, any extra ones), which a
 * run that only reads DuckDB files pays at every start (BENCHMARKS.md, issue 18 start-up). The driver's exceptions are
 * the same either way.
 */
public final class DuckDbConnections {
    public static final String URL_PREFIX = "jdbc:duckdb:";

    private DuckDbConnections() {
    }

    /** A connection to a {@code jdbc:duckdb:} URL; any other URL goes through DriverManager. */
    public static Connection open(String url, Properties properties) throws SQLException {
        Connection connection = url.startsWith(URL_PREFIX) ? new DuckDBDriver().connect(url, properties) : null;
        return connection != null ? connection : DriverManager.getConnection(url, properties);
    }
}
