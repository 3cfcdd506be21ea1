package dev.sfsync.engine.project;

import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.twoway.TwoWayResult;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.store.Run;
import dev.sfsync.testing.EmulatedOrg;
import dev.sfsync.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TwoWaySyncRunTest {
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/inbound-test.yaml").withClock(CLOCK);

    static final String SYNC = """
            two_way:
              contacts_2way:
                object: Contact
                table: crm_contacts
                key: id
                match: {column: email, field: Email}
                conflict: %s
                updated_at_column: updated_at
                mappings:
                  - {column: first_name, field: FirstName, direction: both}
                  - {column: last_name, field: LastName, direction: both}
                  - {column: phone, field: Phone, direction: outbound}
                  - {column: title, field: Title, direction: inbound}
            """;

    @TempDir
    Path dir;
    EngineHarness harness;
    SalesforceClient admin;

    @BeforeEach
    void setUp() {
        CLOCK.set(Instant.parse("2026-03-02T10:00:00Z"));
        harness = new EngineHarness(dir, org).sql(
                "create table crm_contacts (id varchar primary key, salesforce_id varchar, email varchar, first_name varchar, last_name varchar,"
                        + " phone varchar, title varchar, updated_at timestamp)",
                "insert into crm_contacts values ('1', null, 'ADA@example.com', 'Ada', 'Lovelace', '555-0100', null, timestamp '2026-03-02 09:00:00'),"
                        + " ('2', null, 'new@example.com', 'Nia', 'New', '555-0200', null, timestamp '2026-03-02 09:00:00')");
        admin = harness.clientAs("owner@inbound.test", "owner-pass");
    }

    @AfterEach
    void tearDown() {
        admin.close();
        harness.close();
    }

    private String contact(String first, String last, String email, String title) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("FirstName", first);
        fields.put("LastName", last);
        fields.put("Email", email);
        fields.put("Title", title);
        fields.put("OwnerId", org.user().id());
        return admin.rest().create("Contact", fields).id();
    }

    private TwoWayResult run() {
        CLOCK.advance(Duration.ofSeconds(1));
        return harness.project().runTwoWay("contacts_2way");
    }

    private Map<String, Object> row(String id) {
        return harness.query("select * from crm_contacts where id = '" + id + "'").getFirst();
    }

    private Map<String, Object> record(String id) {
        return org.records("Contact").stream().filter(r -> id.equals(r.get("Id"))).findFirst().orElseThrow();
    }

    @Test
    void ten_rounds_without_edits_make_no_write_after_the_first() {
        harness.config(SYNC.formatted("salesforce_wins"));
        String ada = contact("Ada", "Lovelace", "ada@example.com", "Countess");

        TwoWayResult first = run();
        assertThat(first.createdInSalesforce()).isEqualTo(1);                 // row 2 had no record
        assertThat(row("1")).containsEntry("salesforce_id", ada).containsEntry("title", "Countess");   // matched by email, any case
        String created = (String) row("2").get("salesforce_id");
        assertThat(record(created)).containsEntry("Email", "new@example.com").containsEntry("Phone", "555-0200");
        List<Map<String, Object>> tableAfterFirst = harness.query("select * from crm_contacts order by id");
        Object stampAfterFirst = record(ada).get("SystemModstamp");

        for (int round = 0; round < 10; round++) {
            TwoWayResult again = run();
            assertThat(again.writes()).as("writes in round %d", round + 2).isZero();
            assertThat(again.conflicts()).isEmpty();
            assertThat(again.unchanged()).isEqualTo(2);
        }
        assertThat(harness.query("select * from crm_contacts order by id")).isEqualTo(tableAfterFirst);
        assertThat(record(ada).get("SystemModstamp")).isEqualTo(stampAfterFirst);
        assertThat(record(created).get("SystemModstamp")).isNotNull();
    }

    @Test
    void a_change_on_one_side_flows_to_the_other_once_and_never_echoes() {
        harness.config(SYNC.formatted("salesforce_wins"));
        String ada = contact("Ada", "Lovelace", "ada@example.com", null);
        run();

        admin.rest().update("Contact", ada, Map.of("LastName", "King", "Title", "Mathematician"));
        TwoWayResult inbound = run();
        assertThat(inbound.updatedInTable()).isEqualTo(1);
        assertThat(inbound.updatedInSalesforce()).isZero();
        assertThat(row("1")).containsEntry("last_name", "King").containsEntry("title", "Mathematician");

        harness.sql("update crm_contacts set first_name = 'Augusta', phone = '555-0199' where id = '1'");
        TwoWayResult outbound = run();
        assertThat(outbound.updatedInSalesforce()).isEqualTo(1);
        assertThat(outbound.updatedInTable()).isZero();
        assertThat(record(ada)).containsEntry("FirstName", "Augusta").containsEntry("Phone", "555-0199");

        assertThat(run().writes()).isZero();
        assertThat(run().writes()).isZero();
    }

    @Test
    void a_field_changed_on_both_sides_is_settled_by_the_rule_and_recorded_with_both_values() {
        for (String rule : List.of("salesforce_wins", "database_wins", "latest_wins")) {
            org.emulator().reset();
            harness.sql("delete from crm_contacts", "insert into crm_contacts values ('1', null, 'ada@example.com', 'Ada', 'Lovelace', null, null,"
                    + " timestamp '2026-03-02 09:00:00')");
            harness.sql("drop table if exists sfsync_two_way_base");
            harness.config(SYNC.formatted(rule));
            String ada = contact("Ada", "Lovelace", "ada@example.com", null);
            run();

            CLOCK.advance(Duration.ofMinutes(1));
            admin.rest().update("Contact", ada, Map.of("FirstName", "FromSalesforce"));
            // The row changes after the record: latest_wins keeps the database's value.
            harness.sql("update crm_contacts set first_name = 'FromDatabase', updated_at = timestamp '2026-03-02 23:00:00' where id = '1'");
            TwoWayResult result = run();

            String kept = rule.equals("salesforce_wins") ? "FromSalesforce" : "FromDatabase";
            assertThat(result.conflicts()).as(rule).singleElement().satisfies(c -> {
                assertThat(c.databaseValue()).isEqualTo("FromDatabase");
                assertThat(c.salesforceValue()).isEqualTo("FromSalesforce");
                assertThat(c.resolution()).startsWith(rule);
            });
            assertThat(row("1").get("first_name")).as(rule).isEqualTo(kept);
            assertThat(record(ada).get("FirstName")).as(rule).isEqualTo(kept);
            Run recorded = harness.project().store().runs().recent(1).getFirst();
            assertThat(recorded.message()).contains("conflict: row 1 / " + ada + " FirstName: database 'FromDatabase', salesforce 'FromSalesforce'");
            assertThat(run().writes()).as(rule).isZero();
        }
    }

    @Test
    void an_email_shared_by_two_records_is_a_conflict_and_nothing_is_merged() {
        harness.config(SYNC.formatted("salesforce_wins"));
        String one = contact("Ada", "One", "ada@example.com", null);
        String two = contact("Ada", "Two", "Ada@Example.com", null);

        TwoWayResult result = run();

        assertThat(result.problems()).filteredOn(o -> o.key().toString().equals("1")).singleElement()
                .isInstanceOfSatisfying(RowOutcome.RejectedLocally.class, r -> assertThat(r.error().code()).isEqualTo("DUPLICATE_MATCH"));
        assertThat(result.conflicts()).singleElement().satisfies(c -> assertThat(c.resolution()).contains("not merged").contains(one).contains(two));
        assertThat(row("1").get("salesforce_id")).isNull();
        assertThat(record(one).get("LastName")).isEqualTo("One");
        assertThat(record(two).get("LastName")).isEqualTo("Two");
    }

    @Test
    void a_table_of_several_pages_pairs_every_row_once_and_then_writes_nothing() {
        harness.config(SYNC.formatted("salesforce_wins"));
        int rows = 1_200;   // more than one page of TwoWayRun.PAGE (1,000)
        StringBuilder insert = new StringBuilder("insert into crm_contacts select 'r' || lpad(cast(i as varchar), 5, '0'), null,"
                + " 'p' || i || '@example.com', 'First' || i, 'Last' || i, null, null, timestamp '2026-03-02 09:00:00' from range(0, " + rows + ") t(i)");
        harness.sql("delete from crm_contacts", insert.toString());
        List<Map<String, Object>> existing = new java.util.ArrayList<>();
        for (int i = 0; i < rows; i += 2) {
            existing.add(Map.of("LastName", "Last" + i, "Email", "P" + i + "@example.com", "Title", "T" + i, "OwnerId", org.user().id()));
        }
        for (int from = 0; from < existing.size(); from += 200) {
            admin.rest().collections().create("Contact", existing.subList(from, Math.min(existing.size(), from + 200)), false);
        }

        TwoWayResult first = run();

        assertThat(first.createdInSalesforce()).isEqualTo(rows / 2);
        assertThat(org.records("Contact")).hasSize(rows);
        assertThat(harness.query("select count(*) as n from crm_contacts where salesforce_id is not null").getFirst().get("n")).isEqualTo((long) rows);
        assertThat(harness.query("select title from crm_contacts where id = 'r01198'").getFirst()).containsEntry("title", "T1198");
        assertThat(harness.project().store().outcomes().summarize(harness.project().store().runs().recent(1).getFirst().id()).rows())
                .isEqualTo(rows);
        TwoWayResult second = run();
        assertThat(second.writes()).isZero();
        assertThat(second.unchanged()).isEqualTo(rows);

        // Edits on rows of different pages wait for one another: one call writes them all.
        harness.sql("update crm_contacts set phone = '555-0000' where id in ('r00001', 'r00700', 'r01150')");
        TwoWayResult spread = run();
        assertThat(spread.updatedInSalesforce()).isEqualTo(3);
        assertThat(harness.project().store().apiLog().list(harness.project().store().runs().recent(1).getFirst().id()))
                .filteredOn(c -> c.url().contains("/composite/sobjects")).hasSize(1);
        assertThat(org.records("Contact")).filteredOn(r -> "555-0000".equals(r.get("Phone"))).hasSize(3);
        assertThat(run().writes()).isZero();
    }

    @Test
    void records_read_through_a_bulk_query_settle_fields_edited_on_both_sides_and_then_nothing_echoes() {
        harness.config(SYNC.formatted("database_wins").replace("    mappings:", "    api: bulk2\n    mappings:"));
        String ada = contact("Ada", "Lovelace", "ada@example.com", "Countess");

        TwoWayResult first = run();
        assertThat(first.readApi()).isEqualTo(dev.sfsync.engine.inbound.InboundApi.BULK2);
        assertThat(harness.project().store().apiLog().list(harness.project().store().runs().recent(1).getFirst().id()))
                .filteredOn(c -> c.method().equals("POST") && c.url().endsWith("/jobs/query")).hasSize(1);
        assertThat(row("1")).containsEntry("salesforce_id", ada).containsEntry("title", "Countess");

        CLOCK.advance(Duration.ofMinutes(1));
        admin.rest().update("Contact", ada, Map.of("FirstName", "FromSalesforce", "LastName", "King", "Title", "Mathematician"));
        harness.sql("update crm_contacts set first_name = 'FromDatabase', phone = '555-0199' where id = '1'");
        TwoWayResult both = run();

        assertThat(both.readApi()).isEqualTo(dev.sfsync.engine.inbound.InboundApi.BULK2);
        assertThat(both.conflicts()).singleElement().satisfies(c -> {
            assertThat(c.field()).isEqualTo("FirstName");
            assertThat(c.databaseValue()).isEqualTo("FromDatabase");
            assertThat(c.salesforceValue()).isEqualTo("FromSalesforce");
        });
        assertThat(row("1")).containsEntry("first_name", "FromDatabase").containsEntry("last_name", "King").containsEntry("title", "Mathematician");
        assertThat(record(ada)).containsEntry("FirstName", "FromDatabase").containsEntry("LastName", "King").containsEntry("Phone", "555-0199");
        for (int round = 0; round < 3; round++) {
            assertThat(run().writes()).as("round %d after the edits", round + 1).isZero();
        }
        // The values the edits replaced were appended beside the old ones; a run starts by keeping only the newest.
        assertThat(harness.query("select row_key, field from sfsync_two_way_base group by row_key, field having count(*) > 1")).isEmpty();
    }

    @Test
    void a_last_synced_values_table_an_older_sfsync_made_with_a_key_is_moved_to_the_keyless_form_and_still_stops_echoes() {
        harness.config(SYNC.formatted("salesforce_wins"));
        String ada = contact("Ada", "Lovelace", "ada@example.com", "Countess");
        // The second run records the inbound-only fields of the record the first created; the third starts by keeping
        // only the newest values and writes none: the table is then as an older sfsync would have left it.
        run();
        run();
        run();
        harness.sql("create table older_base as select sync_name, row_key, field, record_id, field_value from sfsync_two_way_base",
                "drop table sfsync_two_way_base",
                "create table sfsync_two_way_base (sync_name varchar not null, row_key varchar not null, field varchar not null, record_id varchar,"
                        + " field_value varchar, primary key (sync_name, row_key, field))",
                "insert into sfsync_two_way_base select * from older_base", "drop table older_base");
        long values = (long) harness.query("select count(*) as n from sfsync_two_way_base").getFirst().get("n");

        assertThat(run().writes()).isZero();

        assertThat(harness.query("select count(*) as n from sfsync_two_way_base").getFirst()).containsEntry("n", values);
        assertThat(harness.query("select * from duckdb_constraints() where table_name = 'sfsync_two_way_base' and constraint_type = 'PRIMARY KEY'"))
                .isEmpty();
        admin.rest().update("Contact", ada, Map.of("Title", "Mathematician"));
        TwoWayResult inbound = run();
        assertThat(inbound.updatedInTable()).isEqualTo(1);
        assertThat(row("1")).containsEntry("title", "Mathematician");
        assertThat(run().writes()).isZero();
    }

    @Test
    void fields_that_cannot_flow_the_mapped_way_are_refused_with_the_reason() {
        harness.sql("alter table crm_contacts add column doubled double", "alter table crm_contacts add column secret varchar");
        harness.config(SYNC.formatted("salesforce_wins").replace("      - {column: title, field: Title, direction: inbound}",
                "      - {column: doubled, field: Score_Doubled__c, direction: both}\n      - {column: secret, field: Secret__c, direction: inbound}"));

        assertThatThrownBy(this::run).isInstanceOf(SyncHasProblems.class)
                .hasMessageContaining("Score_Doubled__c cannot flow outbound: it is a formula field")
                .hasMessageContaining("Secret__c is missing, or hidden from the connection's user by field-level security");
    }
}
