package dev.sfsync.engine.project;

import dev.sfsync.engine.twoway.TwoWayResult;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.testing.EmulatedOrg;
import dev.sfsync.testing.MovableClock;
import dev.sfsync.testing.PostgresServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The streamed two-way run against a Postgres table: records staged, paired and written back there too. */
@Tag("postgres")
class TwoWayPostgresRunTest {
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/inbound-test.yaml").withClock(CLOCK);

    @TempDir
    Path dir;
    EngineHarness harness;
    SalesforceClient admin;
    String url;

    @BeforeEach
    void setUp() {
        CLOCK.set(Instant.parse("2026-03-02T10:00:00Z"));
        url = PostgresServer.shared().createDatabase("two_way_test");
        PostgresServer.execute(url, "CREATE SCHEMA crm");
        PostgresServer.execute(url, "CREATE TABLE crm.contacts (id integer PRIMARY KEY, salesforce_id varchar(18), email varchar,"
                + " last_name varchar, title varchar)");
        PostgresServer.execute(url, "INSERT INTO crm.contacts VALUES (1, NULL, 'ADA@example.com', 'Lovelace', NULL), (2, NULL, 'new@example.com', 'New', NULL)");
        harness = new EngineHarness(dir, org).config("""
                  pg:
                    url: %s
                    user: postgres
                two_way:
                  contacts_2way:
                    object: Contact
                    source: pg
                    table: crm.contacts
                    key: id
                    match: {column: email, field: Email}
                    mappings:
                      - {column: last_name, field: LastName, direction: both}
                      - {column: title, field: Title, direction: inbound}
                """.formatted(url));
        admin = harness.clientAs("owner@inbound.test", "owner-pass");
    }

    @AfterEach
    void tearDown() {
        admin.close();
        harness.close();
    }

    private Map<Integer, String> column(String name) throws SQLException {
        Map<Integer, String> out = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, " + name + " FROM crm.contacts ORDER BY id")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getString(2));
            }
        }
        return out;
    }

    @Test
    void rows_are_matched_created_and_written_back_in_postgres_and_a_second_run_writes_nothing() throws SQLException {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("LastName", "Lovelace");
        fields.put("Email", "ada@example.com");
        fields.put("Title", "Countess");
        fields.put("OwnerId", org.user().id());
        String ada = admin.rest().create("Contact", fields).id();

        CLOCK.advance(Duration.ofSeconds(1));
        TwoWayResult first = harness.project().runTwoWay("contacts_2way");

        assertThat(first.createdInSalesforce()).isEqualTo(1);
        assertThat(column("salesforce_id").get(1)).isEqualTo(ada);
        assertThat(column("salesforce_id").get(2)).startsWith("003").hasSize(18);
        assertThat(column("title")).containsEntry(1, "Countess");
        CLOCK.advance(Duration.ofSeconds(1));
        TwoWayResult second = harness.project().runTwoWay("contacts_2way");
        assertThat(second.writes()).isZero();
        assertThat(second.unchanged()).isEqualTo(2);
    }
}
