package dev.sfsync.testing;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Postgres server for tests, one per test JVM, from the Postgres binaries that io.zonky.test publishes as a
 * Maven artifact (so nothing is installed on the machine). Zonky's own launcher is not used because Postgres refuses
 * to run as root, which CI machines are: as root, the server runs as the {@code nobody} user through setpriv.
 * Shared by the source and store modules' Postgres tests.
 */
public final class PostgresServer {
    private static PostgresServer shared;

    private final Path directory;
    private final Process process;
    private final int port;

    private PostgresServer(Path directory, Process process, int port) {
        this.directory = directory;
        this.process = process;
        this.port = port;
    }

    public static synchronized PostgresServer shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stop));
        }
        return shared;
    }

    /** A new, empty database; returns its JDBC URL (user {@code postgres}, no password). */
    public String createDatabase(String name) {
        try (Connection connection = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + name);
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("can't create test database " + name + ": " + e.getMessage(), e);
        }
        return url(name);
    }

    /** Runs one SQL statement against a database of this server, by the URL {@link #createDatabase} gave. */
    public static void execute(String url, String statement) {
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresServer start() {
        try {
            Path directory = Files.createTempDirectory("sfsync-postgres");
            extractBinaries(directory.resolve("pg"));
            boolean root = "root".equals(System.getProperty("user.name"));
            if (root) {
                run(List.of("chown", "-R", "65534:65534", directory.toString()));
            }
            run(asPostgresUser(root, directory.resolve("pg/bin/initdb").toString(), "-A", "trust", "-U", "postgres", "-E", "UTF-8",
                    "--no-locale", "-D", directory.resolve("data").toString()));
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            Process process = new ProcessBuilder(asPostgresUser(root, directory.resolve("pg/bin/postgres").toString(),
                    "-D", directory.resolve("data").toString(), "-p", String.valueOf(port), "-k", directory.toString(),
                    "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"))
                    .redirectErrorStream(true).redirectOutput(directory.resolve("postgres.log").toFile()).start();
            PostgresServer server = new PostgresServer(directory, process, port);
            server.awaitReady();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("can't start the test Postgres server: " + e.getMessage(), e);
        }
    }

    private static List<String> asPostgresUser(boolean root, String... command) {
        List<String> full = new ArrayList<>();
        if (root) {
            full.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        }
        full.addAll(List.of(command));
        return full;
    }

    private static void extractBinaries(Path target) throws IOException {
        String arch = System.getProperty("os.arch").equals("aarch64") ? "arm_64" : "x86_64";
        try (InputStream archive = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", arch);
             TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                Path path = target.resolve(entry.getName()).normalize();
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path, StandardCopyOption.REPLACE_EXISTING);
                    path.toFile().setExecutable((entry.getMode() & 0100) != 0, false);
                }
            }
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        try {
            if (process.waitFor() != 0) {
                throw new IOException(String.join(" ", command) + " failed: " + output);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private void awaitReady() throws IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (true) {
            try (Connection ignored = DriverManager.getConnection(url("postgres"), "postgres", "")) {
                return;
            } catch (SQLException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    throw new IOException("Postgres did not start: " + Files.readString(directory.resolve("postgres.log")), e);
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted", interrupted);
                }
            }
        }
    }

    private void stop() {
        process.destroyForcibly();
        try (Stream<Path> files = Files.walk(directory)) {
            process.waitFor();
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | InterruptedException ignored) {
            // A leftover temp directory is harmless.
        }
    }
}
