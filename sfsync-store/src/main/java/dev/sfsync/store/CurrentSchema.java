package dev.sfsync.store;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Whether a store already has every migration this build bundles, read from Flyway's own history table: then
 * opening it needs no Flyway at all. Flyway's migrate loads a few hundred classes, scans the class path and
 * inspects the database, which was a large share of every command's start (BENCHMARKS.md, issue 18); a store that is
 * behind, new, or whose history cannot be read goes through Flyway as before, which also validates and reports.
 */
final class CurrentSchema {
    static final String LOCATION = "dev/sfsync/store/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9_.]*)__[^/]*\\.sql");

    private CurrentSchema() {
    }

    /** True only when every bundled migration is recorded as applied; any doubt answers false. */
    static boolean isCurrent(String jdbcUrl, Properties properties) {
        Optional<Set<String>> bundled = bundledVersions();
        if (bundled.isEmpty() || bundled.get().isEmpty()) {
            return false;
        }
        // Connecting would create a missing SQLite file, which the store then refuses as a truncated one.
        if (jdbcUrl.startsWith("jdbc:sqlite:") && !Files.isRegularFile(Path.of(jdbcUrl.substring("jdbc:sqlite:".length())))) {
            return false;
        }
        try (Connection connection = dev.sfsync.store.internal.StoreConnections.open(jdbcUrl, properties);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT version, success FROM flyway_schema_history WHERE version IS NOT NULL")) {
            Set<String> applied = new HashSet<>();
            while (rs.next()) {
                if (!rs.getBoolean(2)) {
                    return false;
                }
                applied.add(normalized(rs.getString(1)));
            }
            return applied.containsAll(bundled.get());
        } catch (SQLException e) {
            // No history table yet (a new store), or a database that refuses: Flyway creates, migrates or explains.
            return false;
        }
    }

    /** The versions of the migrations on the class path (in the jar, or in target/classes during a build); empty when they cannot be listed. */
    static Optional<Set<String>> bundledVersions() {
        URL directory = CurrentSchema.class.getClassLoader().getResource(LOCATION);
        if (directory == null) {
            return Optional.empty();
        }
        Set<String> versions = new HashSet<>();
        try {
            if (directory.getProtocol().equals("jar")) {
                JarURLConnection connection = (JarURLConnection) directory.openConnection();
                JarFile jar = connection.getJarFile();
                String prefix = LOCATION + "/";
                for (var entries = jar.entries(); entries.hasMoreElements(); ) {
                    JarEntry entry = entries.nextElement();
                    if (entry.getName().startsWith(prefix)) {
                        version(entry.getName().substring(prefix.length())).ifPresent(versions::add);
                    }
                }
            } else if (directory.getProtocol().equals("file")) {
                try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
                    files.forEach(file -> version(file.getFileName().toString()).ifPresent(versions::add));
                }
            } else {
                return Optional.empty();
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return Optional.empty();
        }
        return Optional.of(versions);
    }

    private static Optional<String> version(String fileName) {
        Matcher matcher = VERSIONED.matcher(fileName);
        return matcher.matches() ? Optional.of(normalized(matcher.group(1))) : Optional.empty();
    }

    /** Flyway writes V1_2 as version "1.2" and drops leading zeros of each part. */
    private static String normalized(String version) {
        StringBuilder out = new StringBuilder();
        for (String part : version.replace('_', '.').split("\\.")) {
            if (!out.isEmpty()) {
                out.append('.');
            }
            out.append(part.replaceFirst("^0+(?=\\d)", ""));
        }
        return out.toString();
    }
}
