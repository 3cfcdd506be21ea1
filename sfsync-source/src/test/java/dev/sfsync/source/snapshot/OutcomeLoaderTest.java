package dev.sfsync.source.snapshot;

import dev.sfsync.core.SyncId;
import dev.sfsync.core.model.RowKey;
import dev.sfsync.core.outcome.RowError;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.source.warehouse.PostgresDialect;
import dev.sfsync.testing.PostgresServer;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Both ways of loading outcomes into a run's outcomes table keep every value exactly, quotes, commas, newlines, nulls and empty texts too. */
@Tag("postgres")
class OutcomeLoaderTest {
    static final WarehouseTables TABLES = WarehouseTables.of(new PostgresDialect(), "public", SyncId.of("accounts"), 2);
    static String url;

    @BeforeAll
    static void database() {
        url = PostgresServer.shared().createDatabase("outcome_loader");
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void outcomes_are_loaded_with_every_value_as_recorded(boolean copy) throws SQLException {
        List<RowOutcome> outcomes = List.of(
                new RowOutcome.Created(RowKey.of("EU", "1"), "001000000000001AAA"),
                new RowOutcome.Failed(RowKey.of("EU", "say \"hi\", then\nleave"), new RowError("FIELD_CUSTOM_VALIDATION_EXCEPTION",
                        "Name: \"a, b\"\r\nis ünïcode ✓", List.of("Name")), 1),
                new RowOutcome.Failed(RowKey.of("", "3"), new RowError("", "", List.of()), 1));
        try (Connection connection = DriverManager.getConnection(url, "postgres", ""); Statement statement = connection.createStatement()) {
            String table = "outcomes_" + (copy ? "copy" : "insert");
            statement.execute("DROP TABLE IF EXISTS " + table);
            statement.execute("CREATE TABLE " + table + " (_sfsync_t0 TEXT, _sfsync_t1 TEXT, _sfsync_status TEXT, _sfsync_record_id TEXT,"
                    + " _sfsync_code TEXT, _sfsync_message TEXT, _sfsync_seq BIGINT)");
            OutcomeLoader loader = copy ? new CopyOutcomeLoader(connection, TABLES, table) : new InsertOutcomeLoader(connection, TABLES, table);
            loader.load(outcomes, 41);
            loader.load(List.of(), 44);

            assertThat(OutcomeLoader.of(connection, TABLES, table)).isInstanceOf(CopyOutcomeLoader.class);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("SELECT * FROM " + table + " ORDER BY _sfsync_seq")) {
                while (rs.next()) {
                    List<String> row = new ArrayList<>();
                    for (int i = 1; i <= 7; i++) {
                        row.add(rs.getString(i));
                    }
                    rows.add(row);
                }
            }
            assertThat(rows).containsExactly(
                    Arrays.asList("EU", "1", "CREATED", "001000000000001AAA", null, null, "41"),
                    Arrays.asList("EU", "say \"hi\", then\nleave", "FAILED", null, "FIELD_CUSTOM_VALIDATION_EXCEPTION",
                            "Name: \"a, b\"\r\nis ünïcode ✓", "42"),
                    Arrays.asList("", "3", "FAILED", null, "", "", "43"));
        }
    }
}
