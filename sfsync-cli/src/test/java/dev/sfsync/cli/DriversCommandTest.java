package dev.sfsync.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.sfsync.cli.ProjectCommandsTest.sfsync;
import static org.assertj.core.api.Assertions.assertThat;

/** `sfsync drivers`: what a user reads when a driver can't be added (the download itself is tested in sfsync-source). */
class DriversCommandTest {
    @TempDir
    Path project;

    @Test
    void an_unknown_driver_is_usage_error_naming_the_known_ones() {
        ProjectCommandsTest.Result result = sfsync("drivers", "add", "snowflak", "-p", project.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("sfsync knows no driver 'snowflak'").contains("snowflake bigquery redshift databricks trino mysql sqlserver oracle");
    }

    @Test
    void bigquery_says_where_its_driver_comes_from() {
        ProjectCommandsTest.Result result = sfsync("drivers", "add", "bigquery", "-p", project.toString());
        assertThat(result.exitCode()).isEqualTo(DriversCommand.NOT_ADDED);
        assertThat(result.err()).contains("not on Maven Central").contains("drivers/ directory");
    }

    @Test
    void an_unreachable_repository_installs_nothing_and_says_what_to_check() {
        ProjectCommandsTest.Result result = sfsync("drivers", "add", "trino", "-p", project.toString(), "--repository", "http://127.0.0.1:1/maven2");
        assertThat(result.exitCode()).isEqualTo(DriversCommand.NOT_ADDED);
        assertThat(result.err()).contains("can't download io.trino:trino-jdbc:484").contains("SFSYNC_MAVEN_REPOSITORY");
        assertThat(Files.exists(project.resolve("drivers/trino-jdbc-484.jar"))).isFalse();
    }

    @Test
    void list_shows_the_jars_the_project_loads() throws Exception {
        Files.createDirectories(project.resolve("drivers"));
        Files.write(project.resolve("drivers/snowflake-jdbc-4.4.1.jar"), new byte[] {1});
        ProjectCommandsTest.Result result = sfsync("drivers", "list", "-p", project.toString());
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("snowflake-jdbc-4.4.1.jar").contains("Known drivers: snowflake");
    }
}
