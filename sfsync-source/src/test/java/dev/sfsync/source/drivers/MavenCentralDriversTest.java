package dev.sfsync.source.drivers;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The drivers sfsync names, downloaded for real from Maven Central (or SFSYNC_MAVEN_REPOSITORY) and loaded from the
 * project's drivers/ directory. Snowflake's jar alone is ~100 MB, so this runs only when SFSYNC_NETWORK_TESTS is set.
 */
@Tag("network")
@EnabledIfEnvironmentVariable(named = "SFSYNC_NETWORK_TESTS", matches = "1|true")
class MavenCentralDriversTest {
    @TempDir
    Path project;

    /** The drivers registered here would answer the other tests' URLs in this JVM, which expect them missing. */
    @AfterEach
    void deregisterTheDownloadedDrivers() throws java.sql.SQLException {
        for (java.sql.Driver driver : DriverManager.drivers().filter(d -> d.getClass().getName().startsWith(ExtraDrivers.class.getName())).toList()) {
            DriverManager.deregisterDriver(driver);
        }
    }

    @ParameterizedTest
    @CsvSource({"trino, jdbc:trino://127.0.0.1:1/catalog", "snowflake, jdbc:snowflake://acme.snowflakecomputing.com/"})
    void a_known_driver_is_downloaded_checksum_checked_and_then_serves_its_urls(String id, String url) {
        KnownDriver driver = KnownDriver.byId(id).orElseThrow();
        assertThatThrownBy(() -> DriverManager.getDriver(url)).as("not on sfsync's classpath").hasMessageContaining("No suitable driver");
        DriverInstaller.Installed installed = DriverInstaller.fromEnvironment().install(driver.artifact(driver.defaultVersion()),
                project.resolve(ExtraDrivers.DIRECTORY));
        assertThat(installed.bytes()).isPositive();
        List<String> registered = ExtraDrivers.register(ExtraDrivers.directories(project, null));
        // Snowflake 4 declares a driver class of its own beside the one sfsync checks the jar for.
        assertThat(registered).isNotEmpty();
        assertThat(DriverManager.drivers().anyMatch(d -> {
            try {
                return d.acceptsURL(url);
            } catch (java.sql.SQLException e) {
                return false;
            }
        })).isTrue();
    }
}
