package dev.sfsync.store;

import dev.sfsync.store.secret.EncryptionKey;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentSchemaTest {
    @TempDir
    Path stateDirectory;

    private String url() {
        return "jdbc:sqlite:" + stateDirectory.resolve(StateStore.FILE_NAME).toAbsolutePath();
    }

    @Test
    void the_bundled_versions_are_those_of_the_migration_files() throws Exception {
        Path migrations = Path.of(CurrentSchema.class.getClassLoader().getResource(CurrentSchema.LOCATION).toURI());
        Set<String> files;
        try (Stream<Path> listed = Files.list(migrations)) {
            files = listed.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("V"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.')).collect(Collectors.toSet());
        }

        assertThat(CurrentSchema.bundledVersions()).contains(files);
        assertThat(files).contains("1", "6");
    }

    @Test
    void a_new_store_is_not_current_and_one_opened_once_is() {
        assertThat(CurrentSchema.isCurrent(url(), new Properties())).isFalse();

        StateStore.embedded(stateDirectory).open().close();

        assertThat(CurrentSchema.isCurrent(url(), new Properties())).isTrue();
    }

    @Test
    void a_store_missing_a_bundled_migration_goes_through_flyway_which_applies_it() throws Exception {
        List<String> versions = CurrentSchema.bundledVersions().orElseThrow().stream()
                .sorted(Comparator.comparing(MigrationVersion::fromVersion)).toList();
        String previous = versions.get(versions.size() - 2);
        // A store an older sfsync made (its key beside it): every migration but the newest
        EncryptionKey.forStateDirectory(stateDirectory);
        Flyway.configure().dataSource(url(), null, null).locations("classpath:" + CurrentSchema.LOCATION)
                .target(previous).load().migrate();
        assertThat(CurrentSchema.isCurrent(url(), new Properties())).isFalse();

        try (StateStore store = StateStore.embedded(stateDirectory).open()) {
            assertThat(store).isNotNull();
        }

        assertThat(CurrentSchema.isCurrent(url(), new Properties())).isTrue();
        try (Connection connection = DriverManager.getConnection(url()); Statement sql = connection.createStatement()) {
            assertThat(sql.executeQuery("SELECT max(CAST(version AS INTEGER)) FROM flyway_schema_history").getString(1))
                    .isEqualTo(versions.getLast());
        }
    }

    @Test
    void a_failed_migration_in_the_history_is_not_current() throws Exception {
        StateStore.embedded(stateDirectory).open().close();
        try (Connection connection = DriverManager.getConnection(url()); Statement sql = connection.createStatement()) {
            sql.execute("UPDATE flyway_schema_history SET success = 0 WHERE version = '6'");
        }

        assertThat(CurrentSchema.isCurrent(url(), new Properties())).isFalse();
    }
}
