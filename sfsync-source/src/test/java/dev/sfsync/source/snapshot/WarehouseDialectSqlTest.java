package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.model.ColumnType;
import dev.sfsync.core.model.Model;
import dev.sfsync.core.model.ModelColumn;
import dev.sfsync.core.model.ModelSchema;
import dev.sfsync.source.warehouse.BigQueryDialect;
import dev.sfsync.source.warehouse.DatabricksDialect;
import dev.sfsync.source.warehouse.DuckDbDialect;
import dev.sfsync.source.warehouse.PostgresDialect;
import dev.sfsync.source.warehouse.RedshiftDialect;
import dev.sfsync.source.warehouse.SnowflakeDialect;
import dev.sfsync.source.warehouse.TrinoDialect;
import dev.sfsync.source.warehouse.WarehouseDialect;

import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every statement warehouse-mode change detection sends, generated per dialect and parsed by JSqlParser: the check
 * for the warehouses sfsync's tests cannot run (Snowflake, BigQuery, Redshift, Databricks, Trino). Postgres and
 * DuckDB also run them for real in the change detection contract.
 */
class WarehouseDialectSqlTest {
    static final Model MODEL = Model.of("accounts", "SELECT region, id, name, amount FROM analytics.accounts", "region", "id");
    static final ModelSchema SCHEMA = new ModelSchema(List.of(new ModelColumn("region", ColumnType.TEXT, "varchar"),
            new ModelColumn("id", ColumnType.INTEGER, "bigint"), new ModelColumn("name", ColumnType.TEXT, "varchar"),
            new ModelColumn("amount", ColumnType.DECIMAL, "numeric")), List.of("region", "id"));

    static Stream<WarehouseDialect> dialects() {
        return Stream.of(new PostgresDialect(), new RedshiftDialect(), new SnowflakeDialect(), new BigQueryDialect(), new DatabricksDialect(),
                new TrinoDialect(), new DuckDbDialect());
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void every_statement_of_a_detection_and_a_commit_parses(WarehouseDialect dialect) {
        for (String statement : statements(dialect)) {
            assertThatCode(() -> CCJSqlParserUtil.parse(statement)).as("%s: %s", dialect.name(), statement).doesNotThrowAnyException();
        }
    }

    @Test
    void the_parser_refuses_sql_with_a_syntax_error() {
        assertThatThrownBy(() -> CCJSqlParserUtil.parse("MERGE INTO t USING s ON WHEN MATCHED THEN DELETE")).isInstanceOf(JSQLParserException.class);
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void the_diff_hashes_the_mapped_columns_only_and_reads_the_model_once_per_purpose(WarehouseDialect dialect) {
        String diff = diff(dialect, false);
        String hash = dialect.rowHash(List.of("m." + dialect.quote("amount"), "m." + dialect.quote("name")));
        assertThat(diff).contains(hash).contains("FULL OUTER JOIN").contains(dialect.quote("sfsync_state") + ".")
                .doesNotContain(dialect.quote("region") + ")) AS _sfsync_h");
        assertThat(diff.split("analytics\\.accounts", -1)).as("model read for the diff, and twice for the shared-value counts").hasSize(4);
        assertThat(diff(dialect, true)).endsWith("WHERE 1 = 1");
    }

    @ParameterizedTest
    @MethodSource("dialects")
    void the_key_check_reads_the_model_once(WarehouseDialect dialect) {
        assertThat(keyCheck(dialect).split("analytics\\.accounts", -1)).hasSize(2);
    }

    @Test
    void each_warehouse_hashes_with_its_own_function() {
        List<String> columns = List.of("a", "b");
        assertThat(new PostgresDialect().rowHash(columns)).isEqualTo("md5(CAST(ROW(a, b) AS TEXT))");
        assertThat(new RedshiftDialect().rowHash(columns)).startsWith("md5(").contains("VARCHAR(65535)");
        assertThat(new SnowflakeDialect().rowHash(columns)).isEqualTo("HASH(a, b)");
        assertThat(new BigQueryDialect().rowHash(columns)).isEqualTo("FARM_FINGERPRINT(TO_JSON_STRING(STRUCT(a AS c0, b AS c1)))");
        assertThat(new DatabricksDialect().rowHash(columns)).isEqualTo("xxhash64(to_json(named_struct('c0', a, 'c1', b)))");
        assertThat(new TrinoDialect().rowHash(columns)).startsWith("lower(to_hex(md5(to_utf8(");
        assertThat(new DuckDbDialect().rowHash(columns)).isEqualTo("hash(a, b)");
    }

    @Test
    void the_dialect_follows_the_jdbc_url() {
        assertThat(WarehouseDialect.forUrl("jdbc:snowflake://acme.snowflakecomputing.com/?db=analytics")).get().isInstanceOf(SnowflakeDialect.class);
        assertThat(WarehouseDialect.forUrl("jdbc:bigquery://https://www.googleapis.com/bigquery/v2:443;ProjectId=acme")).get()
                .isInstanceOf(BigQueryDialect.class);
        assertThat(WarehouseDialect.forUrl("jdbc:databricks://acme.cloud.databricks.com:443/default")).get().isInstanceOf(DatabricksDialect.class);
        assertThat(WarehouseDialect.forUrl("jdbc:redshift://acme.redshift.amazonaws.com:5439/dev")).get().isInstanceOf(RedshiftDialect.class);
        assertThat(WarehouseDialect.forUrl("jdbc:trino://trino:8080/iceberg/analytics")).get().isInstanceOf(TrinoDialect.class);
        assertThat(WarehouseDialect.forUrl("jdbc:mysql://db/crm")).isEmpty();
    }

    @Test
    void a_delete_without_aliases_names_the_table_in_redshift_and_trino() throws JSQLParserException {
        String delete = new RedshiftDialect().deleteFrom("\"st\".\"snapshot_s\"", "s", "EXISTS (SELECT 1 FROM \"st\".\"settled_r\" o WHERE s._sfsync_k0 = o._sfsync_k0)");
        assertThat(delete).isEqualTo("DELETE FROM \"st\".\"snapshot_s\" WHERE EXISTS (SELECT 1 FROM \"st\".\"settled_r\" o WHERE \"st\".\"snapshot_s\"._sfsync_k0 = o._sfsync_k0)");
        CCJSqlParserUtil.parse(delete);
    }

    static List<String> statements(WarehouseDialect dialect) {
        WarehouseTables tables = WarehouseTables.of(dialect, "sfsync_state", SyncId.of("Accounts-to.Salesforce"), 2);
        String run = tables.tag() + "_abc123";
        String relation = "(SELECT region, id, name, amount FROM analytics.accounts)";
        List<String> statements = new ArrayList<>();
        statements.add(dialect.hashProbe());
        statements.add(dialect.createSchema("sfsync_state"));
        statements.add(dialect.createTable(tables.syncs(), List.of("sync_id " + dialect.textType(), "key_count " + dialect.integerType())));
        statements.add(dialect.dropTable(tables.snapshot()));
        statements.add(keyCheck(dialect));
        statements.add(dialect.createTableAs(tables.changes(run), diff(dialect, false)));
        statements.add(dialect.updateFrom(tables.snapshot(), "_sfsync_h", "(SELECT m.id AS _sfsync_k0, " + dialect.rowHash(List.of("m.name"))
                + " AS _sfsync_hn FROM " + relation + " m)", "_sfsync_hn", tables.keysMatch("t", "c") + " AND t._sfsync_h = c._sfsync_ho"));
        statements.add(WarehouseCommit.settle(tables, run));
        statements.addAll(WarehouseCommit.advance(tables, run));
        statements.addAll(WarehouseCommit.failures(tables, run));
        return statements;
    }

    static String keyCheck(WarehouseDialect dialect) {
        return WarehouseKeyCheck.counts("(SELECT region, id, name, amount FROM analytics.accounts)",
                List.of("m." + dialect.quote("region"), "m." + dialect.quote("id")));
    }

    static String diff(WarehouseDialect dialect, boolean fullResync) {
        WarehouseTables tables = WarehouseTables.of(dialect, "sfsync_state", SyncId.of("Accounts-to.Salesforce"), 2);
        Fingerprint fingerprint = Fingerprint.resolve(DetectOptions.mapped(Map.of("Name", "name", "AnnualRevenue", "amount"))
                .withUniqueColumns(Set.of("name")), SCHEMA, MODEL);
        return WarehouseDetection.diff(tables, SCHEMA, fingerprint, List.of("name"), "(SELECT region, id, name, amount FROM analytics.accounts)",
                fullResync);
    }
}
