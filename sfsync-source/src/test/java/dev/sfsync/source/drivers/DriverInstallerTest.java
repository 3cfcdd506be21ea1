package dev.sfsync.source.drivers;

import com.sun.net.httpserver.HttpServer;
import dev.sfsync.core.model.Model;
import dev.sfsync.source.Source;
import dev.sfsync.source.SourceConfig;
import dev.sfsync.source.UnableToOpenSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Installing a driver jar from a Maven repository (one served on loopback here), checksum first. */
class DriverInstallerTest {
    static final DriverArtifact PG = new DriverArtifact("org.example", "pg-driver", "1.0", "org.postgresql.Driver");

    @TempDir
    Path project;
    HttpServer repository;
    final Map<String, byte[]> files = new HashMap<>();

    @BeforeEach
    void serveARepository() throws Exception {
        repository = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        repository.createContext("/maven2/", exchange -> {
            byte[] body = files.get(exchange.getRequestURI().getPath().substring("/maven2/".length()));
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                if (body != null) {
                    out.write(body);
                }
            }
        });
        repository.start();
    }

    @AfterEach
    void stop() {
        repository.stop(0);
    }

    @Test
    void a_jar_whose_checksum_matches_and_that_holds_the_driver_class_is_installed() throws Exception {
        byte[] jar = postgresDriverJar();
        publish(PG, jar, sha1(jar) + "  pg-driver-1.0.jar\n");
        DriverInstaller.Installed installed = installer().install(PG, project.resolve("drivers"));
        assertThat(installed.jar()).isEqualTo(project.resolve("drivers/pg-driver-1.0.jar")).hasBinaryContent(jar);
        assertThat(installed.sha1()).isEqualTo(sha1(jar));
        assertThat(project.resolve("drivers")).isDirectoryNotContaining("glob:**.part");
    }

    @Test
    void a_download_whose_checksum_differs_is_refused_and_leaves_nothing() throws Exception {
        byte[] jar = postgresDriverJar();
        publish(PG, jar, "0".repeat(40));
        assertThatThrownBy(() -> installer().install(PG, project.resolve("drivers"))).isInstanceOf(UnableToAddDriver.class)
                .hasMessageContaining("has SHA-1 " + sha1(jar)).hasMessageContaining("it was not installed");
        assertThat(project.resolve("drivers")).isEmptyDirectory();
    }

    @Test
    void a_jar_without_the_driver_class_is_refused() throws Exception {
        DriverArtifact wrong = new DriverArtifact("org.example", "pg-driver", "1.0", "io.trino.jdbc.TrinoDriver");
        byte[] jar = postgresDriverJar();
        publish(wrong, jar, sha1(jar));
        assertThatThrownBy(() -> installer().install(wrong, project.resolve("drivers"))).isInstanceOf(UnableToAddDriver.class)
                .hasMessageContaining("does not hold the driver class io.trino.jdbc.TrinoDriver");
        assertThat(project.resolve("drivers")).isEmptyDirectory();
    }

    @Test
    void an_unknown_version_says_where_the_versions_are_listed() {
        assertThatThrownBy(() -> installer().install(PG, project.resolve("drivers"))).isInstanceOf(UnableToAddDriver.class)
                .hasMessageContaining("answered 404").hasMessageContaining("/maven2/org/example/pg-driver/");
    }

    @Test
    void a_source_whose_driver_is_missing_names_the_command_that_adds_it() {
        Source snowflake = Source.open(new SourceConfig("snow", "jdbc:snowflake://acme.snowflakecomputing.com/?db=ANALYTICS", "SFSYNC", null));
        assertThatThrownBy(() -> snowflake.describe(Model.of("m", "SELECT 1 AS id", "id"))).isInstanceOf(UnableToOpenSource.class)
                .hasMessageContaining("run 'sfsync drivers add snowflake'").hasMessageContaining("net.snowflake:snowflake-jdbc:");
        Source bigQuery = Source.open(SourceConfig.of("bq", "jdbc:bigquery://https://www.googleapis.com/bigquery/v2:443;ProjectId=acme"));
        assertThatThrownBy(() -> bigQuery.describe(Model.of("m", "SELECT 1 AS id", "id"))).hasMessageContaining("download Google's BigQuery JDBC driver");
    }

    private DriverInstaller installer() {
        return new DriverInstaller(URI.create("http://127.0.0.1:" + repository.getAddress().getPort() + "/maven2"));
    }

    private void publish(DriverArtifact artifact, byte[] jar, String checksum) {
        files.put(artifact.path(), jar);
        files.put(artifact.path() + ".sha1", checksum.getBytes(StandardCharsets.US_ASCII));
    }

    /** A real driver jar to serve: Postgres's, from the test classpath. */
    static byte[] postgresDriverJar() throws Exception {
        return Files.readAllBytes(Path.of(Class.forName("org.postgresql.Driver").getProtectionDomain().getCodeSource().getLocation().toURI()));
    }

    static String sha1(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    }

}
