package dev.sfsync.engine.config;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Models given as dbt models, read from a dbt-style manifest fixture (no dbt installation involved). */
class DbtModelReaderTest {
    private static final String SYNC = """
            connections:
              prod: {client_id: abc}
            sources:
              warehouse: {url: 'jdbc:postgresql://db/analytics'}
            syncs:
              accounts: {model: accounts, object: Account, mode: insert, insert_without_key: at_least_once, mappings: [{from: account_name, to: Name}]}
            models:
            """;

    @TempDir
    Path dir;

    @BeforeEach
    void copyTheDbtProject() throws IOException, URISyntaxException {
        Path fixture = Path.of(getClass().getResource("/dbt/analytics").toURI());
        try (Stream<Path> files = Files.walk(fixture)) {
            for (Path file : files.toList()) {
                Path copy = dir.resolve("analytics").resolve(fixture.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
                    Files.setLastModifiedTime(copy, FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
                }
            }
        }
        Files.setLastModifiedTime(manifest(), FileTime.from(Instant.parse("2026-01-02T00:00:00Z")));
    }

    @Test
    void the_relation_and_the_unique_test_of_a_dbt_model_become_the_models_sql_and_primary_key() {
        ConfigResult result = read("  accounts: {dbt: {project: analytics, model: dim_accounts}}\n"
                + "  regions: {dbt: {project: analytics, model: fct_region_accounts}}\n");
        assertThat(result.problems()).isEmpty();
        ModelConfig accounts = result.config().orElseThrow().models().get("accounts");
        assertThat(accounts.sql()).isEqualTo("select * from \"analytics\".\"marts\".\"dim_accounts\"");
        assertThat(accounts.primaryKey()).containsExactly("account_id");
        ModelConfig regions = result.config().orElseThrow().models().get("regions");
        assertThat(regions.sql()).as("an older manifest without relation_name").isEqualTo("select * from \"analytics\".\"marts_eu\".\"region_accounts\"");
        assertThat(regions.primaryKey()).as("dbt_utils.unique_combination_of_columns").containsExactly("region", "account_id");
    }

    @Test
    void a_model_without_a_unique_test_needs_a_primary_key_and_one_given_overrides_the_test() {
        ConfigResult none = read("  accounts: {dbt: {project: analytics, model: stg_events}}\n");
        assertThat(modelProblems(none)).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("models.accounts.primary_key");
            assertThat(p.fix()).contains("add a unique test");
        });
        ConfigResult given = read("  accounts: {dbt: {project: analytics, model: stg_events}, primary_key: event_id}\n");
        assertThat(given.config().orElseThrow().models().get("accounts").primaryKey()).containsExactly("event_id");
    }

    @Test
    void a_model_missing_from_the_manifest_is_reported_with_the_nearest_name_and_the_dbt_command() {
        ConfigResult result = read("  accounts: {dbt: {project: analytics, model: dim_acounts}}\n");
        assertThat(modelProblems(result)).extracting(ConfigProblem::path, ConfigProblem::message).containsExactly(
                org.assertj.core.groups.Tuple.tuple("models.accounts.dbt.model", "the dbt manifest has no model 'dim_acounts'"));
        assertThat(result.problems().getFirst().fix()).startsWith("did you mean 'dim_accounts'?").contains("run 'dbt parse' in ");
    }

    @Test
    void a_manifest_older_than_the_projects_sql_or_missing_is_reported_with_the_dbt_command() throws IOException {
        Files.setLastModifiedTime(dir.resolve("analytics/models/marts/dim_accounts.sql"), FileTime.from(Instant.parse("2026-01-03T00:00:00Z")));
        ConfigResult stale = read("  accounts: {dbt: {project: analytics, model: dim_accounts}}\n");
        assertThat(modelProblems(stale)).singleElement().satisfies(p -> {
            assertThat(p.message()).contains("older than 1 file(s)").contains("dim_accounts.sql");
            assertThat(p.fix()).startsWith("run 'dbt parse' (or dbt build");
        });

        Files.delete(manifest());
        ConfigResult missing = read("  accounts: {dbt: {project: analytics, model: dim_accounts}}\n");
        assertThat(modelProblems(missing)).extracting(ConfigProblem::message, ConfigProblem::fix).singleElement().satisfies(p -> {
            assertThat(p.toList().get(0)).isEqualTo("the dbt project has no target/manifest.json");
            assertThat((String) p.toList().get(1)).startsWith("run 'dbt parse' (or dbt build) in ");
        });
    }

    /** The sync naming an unusable model is a problem too; these tests look at the model's own. */
    private static List<ConfigProblem> modelProblems(ConfigResult result) {
        return result.problems().stream().filter(p -> p.path().startsWith("models.")).toList();
    }

    private Path manifest() {
        return dir.resolve("analytics/target/manifest.json");
    }

    private ConfigResult read(String models) {
        return new ProjectConfigReader().read(dir, "sfsync.yaml", new StringReader(SYNC + models));
    }

}
