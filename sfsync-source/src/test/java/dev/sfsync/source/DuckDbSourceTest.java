package dev.sfsync.source;

import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.Row;
import dev.sfsync.source.duckdb.DuckDbSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuckDbSourceTest extends SourceContract {
    @TempDir
    static Path dir;

    @Override
    Source source() {
        return Source.open(SourceConfig.of("warehouse", "jdbc:duckdb:" + dir.resolve("warehouse.duckdb")));
    }

    @Override
    void sql(String statement) {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("warehouse.duckdb"));
             Statement s = connection.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement + ": " + e.getMessage(), e);
        }
    }

    @Override
    String timestampTzType() {
        return "TIMESTAMPTZ";
    }

    @Test
    void a_source_without_a_file_reads_csv_files_relative_to_its_directory() throws Exception {
        Files.writeString(dir.resolve("accounts.csv"), "id,name\n1,Acme\n2,Globex\n");
        DuckDbSource files = DuckDbSource.files("csv", dir);
        List<Row> rows = new ArrayList<>();
        try (ModelReader reader = files.read(Model.of("accounts", "SELECT * FROM 'accounts.csv' ORDER BY id", "id"))) {
            reader.forEachRemaining(rows::add);
        }
        assertThat(rows).extracting(row -> row.get("name")).containsExactly("Acme", "Globex");
    }

    @Test
    void a_model_over_a_missing_csv_file_says_to_restore_the_file_or_correct_its_path() {
        DuckDbSource files = DuckDbSource.files("csv", dir);
        assertThatThrownBy(() -> files.describe(Model.of("gone", "SELECT * FROM read_csv('data/gone.csv')", "id")))
                .isInstanceOfSatisfying(ModelQueryFailed.class, e -> assertThat(e.fix())
                        .isEqualTo("restore \"data/gone.csv\", or correct its path in the model's SQL (a relative path starts at the project"
                                + " directory), then run again"));
    }

    @Test
    void a_missing_database_file_is_reported_not_created() {
        Path missing = dir.resolve("nope.duckdb");
        assertThatThrownBy(() -> DuckDbSource.file("warehouse", missing).describe(Model.of("m", "SELECT 1 AS id", "id")))
                .isInstanceOf(UnableToOpenSource.class).hasMessageContaining("no such file").hasMessageContaining("never creates them");
        assertThat(missing).doesNotExist();
    }
}
