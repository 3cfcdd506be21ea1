package dev.sfsync.source.drivers;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * JDBC drivers from jars outside sfsync's classpath: a project's {@code drivers/} directory and the directories
 * {@code SFSYNC_DRIVERS} names (separated by the path separator). Each jar directory gets a class loader, and the
 * drivers it declares are registered with {@link DriverManager} through a small wrapper, since DriverManager only
 * hands out drivers that the caller's own class loader can see.
 */
public final class ExtraDrivers {
    public static final String DIRECTORY = "drivers";
    public static final String ENVIRONMENT = "SFSYNC_DRIVERS";

    private static final Set<Path> LOADED = ConcurrentHashMap.newKeySet();

    private ExtraDrivers() {
    }

    /** The project's drivers/ directory, then those of {@code SFSYNC_DRIVERS}. */
    public static List<Path> directories(Path project, String environmentValue) {
        List<Path> directories = new ArrayList<>();
        directories.add(project.resolve(DIRECTORY));
        if (environmentValue != null && !environmentValue.isBlank()) {
            for (String part : environmentValue.split(java.io.File.pathSeparator)) {
                if (!part.isBlank()) {
                    directories.add(Path.of(part.strip()));
                }
            }
        }
        return directories;
    }

    /**
     * Registers the drivers of every jar in these directories not registered before; directories that do not exist
     * are skipped. Returns the driver classes registered by this call.
     */
    public static synchronized List<String> register(List<Path> directories) {
        List<String> registered = new ArrayList<>();
        for (Path directory : directories) {
            List<Path> jars = jars(directory).stream().filter(jar -> !LOADED.contains(jar)).toList();
            if (jars.isEmpty()) {
                continue;
            }
            URLClassLoader loader = new URLClassLoader(urls(jars), ExtraDrivers.class.getClassLoader());
            try {
                for (Driver driver : ServiceLoader.load(Driver.class, loader)) {
                    if (driver.getClass().getClassLoader() == loader) {
                        DriverManager.registerDriver(new Shim(driver));
                        registered.add(driver.getClass().getName());
                    }
                }
            } catch (ServiceConfigurationError | SQLException e) {
                throw new UnableToAddDriver("a JDBC driver in " + directory + " failed to load: " + e.getMessage(),
                        "remove the jar, or replace it with a complete driver ('sfsync drivers add NAME' downloads one)", e);
            }
            LOADED.addAll(jars);
        }
        return registered;
    }

    static List<Path> jars(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar")).map(f -> f.toAbsolutePath().normalize()).sorted().toList();
        } catch (IOException e) {
            throw new UnableToAddDriver("can't list the drivers directory " + directory + ": " + e.getMessage(), "check its permissions", e);
        }
    }

    private static URL[] urls(List<Path> jars) {
        try {
            URL[] urls = new URL[jars.size()];
            for (int i = 0; i < urls.length; i++) {
                urls[i] = jars.get(i).toUri().toURL();
            }
            return urls;
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A driver of another class loader, made visible to DriverManager. */
    private record Shim(Driver driver) implements Driver {
        @Override
        public Connection connect(String url, Properties info) throws SQLException {
            return driver.connect(url, info);
        }

        @Override
        public boolean acceptsURL(String url) throws SQLException {
            return driver.acceptsURL(url);
        }

        @Override
        public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
            return driver.getPropertyInfo(url, info);
        }

        @Override
        public int getMajorVersion() {
            return driver.getMajorVersion();
        }

        @Override
        public int getMinorVersion() {
            return driver.getMinorVersion();
        }

        @Override
        public boolean jdbcCompliant() {
            return driver.jdbcCompliant();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return driver.getParentLogger();
        }
    }
}
