package dev.sfsync.engine.project;

import dev.sfsync.engine.inbound.InboundApi;
import dev.sfsync.engine.inbound.InboundProgress;
import dev.sfsync.engine.inbound.InboundResult;
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
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The same inbound sync into a Postgres database: a table in a schema, typed columns, deltas, deletes and the cursor there too. */
@Tag("postgres")
class InboundPostgresRunTest {
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
        url = PostgresServer.shared().createDatabase("inbound_test");
        PostgresServer.execute(url, "CREATE SCHEMA salesforce");
        harness = new EngineHarness(dir, org).config("""
                  pg:
                    url: %s
                    user: postgres
                inbound:
                  contacts_in:
                    object: Contact
                    source: pg
                    table: salesforce.contacts
                    api: %s
                """.formatted(url, "rest"));
        admin = harness.clientAs("owner@inbound.test", "owner-pass");
    }

    @AfterEach
    void tearDown() {
        admin.close();
        harness.close();
    }

    private String contact(String lastName) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("LastName", lastName);
        fields.put("Score__c", 1.5);
        fields.put("OwnerId", org.user().id());
        return admin.rest().create("Contact", fields).id();
    }

    private Set<String> rows(String sql) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void initial_and_delta_syncs_fill_a_postgres_table_with_the_cursor_beside_it() throws SQLException {
        String a = contact("A");
        String b = contact("B");
        InboundResult initial = harness.project().runInbound("contacts_in", false, InboundProgress.NONE);
        assertThat(initial.initial()).isTrue();
        assertThat(initial.api()).isEqualTo(InboundApi.REST);
        assertThat(rows("select id from salesforce.contacts")).containsExactlyInAnyOrder(a, b);
        assertThat(rows("select data_type from information_schema.columns where table_schema = 'salesforce' and column_name = 'score__c'"))
                .containsExactly("numeric");
        assertThat(rows("select data_type from information_schema.columns where table_schema = 'salesforce' and column_name = 'systemmodstamp'"))
                .containsExactly("timestamp without time zone");

        CLOCK.advance(Duration.ofMillis(300));   // a tie with the cursor
        String c = contact("C");
        admin.rest().delete("Contact", a);
        InboundResult delta = harness.project().runInbound("contacts_in", false, InboundProgress.NONE);

        assertThat(delta.initial()).isFalse();
        assertThat(delta.created()).isEqualTo(1);
        assertThat(delta.deleted()).isEqualTo(1);
        assertThat(rows("select id from salesforce.contacts")).containsExactlyInAnyOrder(b, c);
        assertThat(rows("select sync_name || ' ' || table_name from sfsync_inbound_cursors")).containsExactly("contacts_in salesforce.contacts");
    }
}
