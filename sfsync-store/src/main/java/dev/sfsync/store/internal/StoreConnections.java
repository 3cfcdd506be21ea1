package dev.sfsync.store.internal;

import org.sqlite.util.LibraryLoaderUtil;

import java.nio.file.Files;
import java.nio.file.Path;
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
    /** Where the CLI's build unpacks SQLite's native libraries, beside the jar that holds the driver. */
    static final String LIBRARIES_BESIDE_THE_JAR = "sqlite-native";
    private static final String LIBRARY_PATH = "org.sqlite.lib.path";
    private static final String LIBRARY_NAME = "org.sqlite.lib.name";

    static {
        useLibraryBesideTheJar();
    }

    private StoreConnections() {
    }

    public static Connection open(String url, Properties properties) throws SQLException {
        Connection connection = url.startsWith("jdbc:sqlite:") ? new org.sqlite.JDBC().connect(url, properties) : null;
        return connection != null ? connection : DriverManager.getConnection(url, properties);
    }

    /**
     * SQLite's driver unpacks its native library from the jar to a temp file (and compares the two) on every start
     * unless {@value #LIBRARY_PATH} names a directory that has it: about 0.1 CPU-s a command (BENCHMARKS.md). Where the
     * library for this machine lies beside the driver's jar, that is where it is loaded from; otherwise, or when the
     * user set the property, the driver does as before.
     */
    private static void useLibraryBesideTheJar() {
        if (System.getProperty(LIBRARY_PATH) != null) {
            return;
        }
        try {
            var source = org.sqlite.JDBC.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return;
            }
            Path directory = Path.of(source.getLocation().toURI()).resolveSibling(LIBRARIES_BESIDE_THE_JAR + LibraryLoaderUtil.getNativeLibResourcePath());
            String name = LibraryLoaderUtil.getNativeLibName();
            if (Files.isRegularFile(directory.resolve(name))) {
                System.setProperty(LIBRARY_PATH, directory.toString());
                System.setProperty(LIBRARY_NAME, name);
            }
        } catch (Exception | LinkageError e) {
            // Not where the build puts it (a jar elsewhere, an unusual class loader): the driver unpacks it as before.
        }
    }
}
