package dev.sfsync.engine.config;

import dev.sfsync.source.ChangeDetectionMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A source's change detection and warehouse authentication settings, checked without connecting. */
class SourceSettingsReaderTest {
    private static final String REST = """
            connections:
              prod: {client_id: abc}
            models:
              accounts: {sql: select * from accounts, primary_key: id}
            syncs:
              accounts: {model: accounts, object: Account, mode: insert, insert_without_key: at_least_once, mappings: [{from: name, to: Name}]}
            """;

    @TempDir
    Path project;

    @Test
    void warehouse_change_detection_and_its_state_schema_are_read_and_local_is_the_default() {
        ConfigResult result = read("""
                sources:
                  analytics: {url: 'jdbc:postgresql://db/analytics', user: sync, password: '${env:PG_PASSWORD}',
                              change_detection: warehouse, state_schema: sync_state}
                  files: {url: 'jdbc:duckdb:'}
                models:
                  accounts: {source: analytics, sql: select * from accounts, primary_key: id}
                connections:
                  prod: {client_id: abc}
                syncs:
                  accounts: {model: accounts, object: Account, mode: insert, insert_without_key: at_least_once, mappings: [{from: name, to: Name}]}
                """);
        assertThat(result.problems()).isEmpty();
        SourceSettings analytics = result.config().orElseThrow().sources().get("analytics").settings();
        assertThat(analytics.changeDetection()).isEqualTo(ChangeDetectionMode.WAREHOUSE);
        assertThat(analytics.stateSchema()).isEqualTo("sync_state");
        assertThat(result.config().orElseThrow().sources().get("files").settings()).isEqualTo(SourceSettings.local());
    }

    @Test
    void warehouse_mode_on_a_database_without_a_dialect_and_a_bad_schema_name_are_problems() {
        ConfigResult result = read("""
                sources:
                  crm: {url: 'jdbc:mysql://db/crm', change_detection: warehouse, state_schema: 'sfsync state'}
                  other: {url: 'jdbc:postgresql://db/x', change_detection: warehous, state_schema: s}
                """ + REST.replace("accounts: {sql", "accounts: {source: crm, sql"));
        assertThat(result.problems()).extracting(ConfigProblem::path, ConfigProblem::message).contains(
                org.assertj.core.groups.Tuple.tuple("sources.crm.change_detection", "sfsync can diff inside Postgres, Redshift, Snowflake,"
                        + " BigQuery, Databricks, Trino, DuckDB only, and this URL is none of them"),
                org.assertj.core.groups.Tuple.tuple("sources.crm.state_schema", "'sfsync state' is not a plain schema name"),
                org.assertj.core.groups.Tuple.tuple("sources.other.change_detection", "unknown value 'warehous'"));
    }

    @Test
    void snowflake_key_pair_auth_becomes_driver_properties_and_an_incomplete_one_is_a_problem() throws IOException {
        Files.writeString(project.resolve("sfsync.p8"), "-----BEGIN ENCRYPTED PRIVATE KEY-----\n...\n");
        ConfigResult ok = read("""
                sources:
                  snow: {url: 'jdbc:snowflake://acme.snowflakecomputing.com/?db=ANALYTICS', user: SFSYNC,
                         private_key_file: sfsync.p8, private_key_passphrase: '${env:SNOWFLAKE_KEY_PASSPHRASE}', change_detection: warehouse}
                """ + REST);
        assertThat(ok.problems()).isEmpty();
        SourceSettings snow = ok.config().orElseThrow().sources().get("snow").settings();
        assertThat(snow.properties()).containsEntry("private_key_file", new SecretRef(SecretRef.Kind.PLAIN, project.resolve("sfsync.p8").toString()))
                .containsEntry("private_key_file_pwd", new SecretRef(SecretRef.Kind.ENV, "SNOWFLAKE_KEY_PASSPHRASE"))
                .containsEntry("authenticator", new SecretRef(SecretRef.Kind.PLAIN, "SNOWFLAKE_JWT"));

        ConfigResult incomplete = read("""
                sources:
                  snow: {url: 'jdbc:snowflake://acme.snowflakecomputing.com/', private_key_passphrase: hunter2}
                """ + REST);
        assertThat(incomplete.problems()).extracting(ConfigProblem::path).contains("sources.snow.user", "sources.snow.private_key_file",
                "sources.snow.private_key_passphrase");
        assertThat(incomplete.problems().toString()).doesNotContain("hunter2");
    }

    @Test
    void a_bigquery_service_account_file_is_checked_for_what_a_key_holds() throws IOException {
        Files.writeString(project.resolve("bq.json"), """
                {"type": "service_account", "project_id": "acme", "private_key": "-----BEGIN PRIVATE KEY-----", "client_email": "sync@acme.iam.gserviceaccount.com"}
                """);
        Files.writeString(project.resolve("not-a-key.json"), "{\"type\": \"authorized_user\", \"client_id\": \"x\"}");
        ConfigResult result = read("""
                sources:
                  bq: {url: 'jdbc:bigquery://https://www.googleapis.com/bigquery/v2:443;ProjectId=acme', service_account_file: bq.json}
                  wrong: {url: 'jdbc:bigquery://https://www.googleapis.com/bigquery/v2:443;ProjectId=acme', service_account_file: not-a-key.json}
                  none: {url: 'jdbc:bigquery://https://www.googleapis.com/bigquery/v2:443;ProjectId=acme'}
                """ + REST.replace("accounts: {sql", "accounts: {source: bq, sql"));
        assertThat(result.problems()).extracting(ConfigProblem::path).containsExactly("sources.wrong.service_account_file",
                "sources.none.service_account_file");
        assertThat(result.problems().getFirst().message()).contains("not a service-account key").contains("project_id, private_key, client_email");
    }

    private ConfigResult read(String yaml) {
        return new ProjectConfigReader().read(project, "sfsync.yaml", new StringReader(yaml));
    }
}
