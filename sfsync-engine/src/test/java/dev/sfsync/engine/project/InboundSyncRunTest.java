package dev.sfsync.engine.project;

import dev.sfsync.emulator.org.SharingModel;
import dev.sfsync.engine.inbound.InboundApi;
import dev.sfsync.engine.inbound.InboundProgress;
import dev.sfsync.engine.inbound.InboundResult;
import dev.sfsync.engine.inbound.InboundSyncFailed;
import dev.sfsync.engine.inbound.WhyMissing;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.testing.EmulatedOrg;
import dev.sfsync.testing.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InboundSyncRunTest {
    static final MovableClock CLOCK = new MovableClock(Instant.parse("2026-03-02T10:00:00Z"));

    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/inbound-test.yaml").withClock(CLOCK);

    static final String CONTACTS = """
            inbound:
              contacts_in:
                object: Contact
                table: sf_contacts
            %s
            """;

    @TempDir
    Path dir;
    EngineHarness harness;
    SalesforceClient admin;

    @BeforeEach
    void setUp() {
        CLOCK.set(Instant.parse("2026-03-02T10:00:00Z"));
        harness = new EngineHarness(dir, org);
        admin = harness.clientAs("owner@inbound.test", "owner-pass");
    }

    @AfterEach
    void tearDown() {
        admin.close();
        harness.close();
    }

    private String contact(String lastName, String email) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("LastName", lastName);
        fields.put("Email", email);
        fields.put("OwnerId", org.user().id());
        return admin.rest().create("Contact", fields).id();
    }

    private InboundResult run(boolean full) {
        return harness.project().runInbound("contacts_in", full, InboundProgress.NONE);
    }

    private Set<String> tableIds() {
        return harness.query("select id from sf_contacts where not isdeleted").stream().map(r -> (String) r.get("id")).collect(Collectors.toSet());
    }

    @Test
    void initial_sync_creates_a_typed_table_of_every_field_the_user_can_read() {
        harness.config(CONTACTS.formatted(""));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("LastName", "Lovelace");
        fields.put("Email", "ada@example.com");
        fields.put("Score__c", 12.5);
        fields.put("Is_Vip__c", true);
        fields.put("Secret__c", "hidden from the integration user");
        String id = admin.rest().create("Contact", fields).id();

        InboundResult result = run(false);

        assertThat(result.initial()).isTrue();
        assertThat(result.api()).isEqualTo(InboundApi.REST);
        assertThat(result.created()).isEqualTo(1);
        Map<String, Object> row = harness.query("select * from sf_contacts").getFirst();
        assertThat(row).containsEntry("id", id).containsEntry("email", "ada@example.com").containsEntry("is_vip__c", true)
                .containsEntry("isdeleted", false).containsKeys("systemmodstamp", "_sfsync_seen_at").doesNotContainKey("secret__c");
        assertThat((BigDecimal) row.get("score__c")).isEqualByComparingTo("12.5");
        assertThat(row.get("systemmodstamp")).isInstanceOf(java.sql.Timestamp.class);
    }

    @Test
    void a_big_initial_sync_is_read_in_id_ranges_one_bulk_query_job_each_and_every_record_arrives_once() {
        harness.config(CONTACTS.formatted("    fields: [LastName]\n    id_range_size: 1000"));
        var target = org.host().org();
        var store = target.store("Contact").orElseThrow();
        Set<String> ids = new java.util.TreeSet<>();
        synchronized (target.writeLock()) {
            for (int i = 0; i < 2_500; i++) {
                String id = target.ids().next(store.schema().keyPrefix());
                Map<String, Object> values = new LinkedHashMap<>(Map.of("LastName", "Last" + i, "OwnerId", org.user().id()));
                store.put(new dev.sfsync.emulator.org.StoredRecord(id, store.schema(),
                        dev.sfsync.emulator.org.SystemFields.stamp(values, id, org.user().id(), CLOCK.instant(), true)));
                ids.add(id);
            }
        }

        InboundResult result = run(false);

        assertThat(result.api()).isEqualTo(InboundApi.BULK2);
        assertThat(result.created()).isEqualTo(2_500);
        assertThat(tableIds()).isEqualTo(ids);
        var run = harness.project().store().runs().recent(1).getFirst();
        assertThat(harness.project().store().apiLog().list(run.id())).filteredOn(c -> c.method().equals("POST") && c.url().endsWith("/jobs/query"))
                .as("three ranges of 1,000 Ids: 1,000, 1,000 and the last 500").hasSize(3);
    }

    @Test
    void api_bulk1_reads_the_initial_sync_in_pk_chunks_runs_a_failed_chunk_again_and_reads_deltas_as_auto_does() {
        harness.config(CONTACTS.formatted("    fields: [LastName]\n    api: bulk1\n    pk_chunk_size: 4"));
        Set<String> ids = new java.util.TreeSet<>();
        for (int i = 0; i < 10; i++) {
            ids.add(contact("Chunked" + i, "c" + i + "@example.com"));
        }
        org.faults().set("recordErrors: [{api: bulk1, object: Contact, times: 1, errorCode: QUERY_TIMEOUT}]");

        InboundResult initial = run(false);

        assertThat(initial.api()).isEqualTo(InboundApi.BULK1);
        assertThat(initial.created()).isEqualTo(10);
        assertThat(tableIds()).isEqualTo(ids);
        var log = harness.project().store().apiLog().list(harness.project().store().runs().recent(1).getFirst().id());
        assertThat(log).filteredOn(c -> c.method().equals("POST") && c.url().endsWith("/job"))
                .as("the chunked job, and one more for the chunk that failed").hasSize(2);
        assertThat(log).filteredOn(c -> c.url().matches(".*/batch/751\\w+/result/752\\w+")).as("three chunks of 4 Ids, read once each").hasSize(3);

        org.faults().set("recordErrors: []");
        CLOCK.advance(Duration.ofMinutes(1));
        contact("Late", "late@example.com");
        InboundResult delta = run(false);
        assertThat(delta.api()).isEqualTo(InboundApi.REST);
        assertThat(delta.created()).isEqualTo(1);
    }

    @Test
    void a_delta_takes_records_stamped_in_the_same_second_as_the_cursor() {
        harness.config(CONTACTS.formatted(""));
        contact("A", "a@example.com");
        contact("B", "b@example.com");
        assertThat(run(false).created()).isEqualTo(2);

        CLOCK.advance(Duration.ofMillis(400));   // same second as A and B: a tie with the cursor
        String tie = contact("C", "c@example.com");
        InboundResult delta = run(false);

        assertThat(delta.initial()).isFalse();
        assertThat(delta.created()).isEqualTo(1);
        assertThat(delta.unchanged()).isEqualTo(2);
        assertThat(tableIds()).contains(tie).hasSize(3);
    }

    @Test
    void a_record_whose_transaction_committed_after_a_later_stamp_was_read_is_taken_by_the_look_back() {
        harness.config(CONTACTS.formatted(""));
        contact("A", "a@example.com");
        run(false);
        CLOCK.advance(Duration.ofMinutes(2));
        contact("B", "b@example.com");
        run(false);

        CLOCK.advance(Duration.ofMinutes(-1));   // stamped a minute before B, visible only now
        String late = contact("Late", "late@example.com");
        CLOCK.advance(Duration.ofMinutes(3));
        InboundResult delta = run(false);

        assertThat(delta.created()).isEqualTo(1);
        assertThat(tableIds()).contains(late).hasSize(3);
    }

    @Test
    void a_record_deleted_in_salesforce_leaves_the_table_or_stays_as_a_tombstone() {
        harness.config(CONTACTS.formatted(""));
        String gone = contact("Gone", "gone@example.com");
        contact("Kept", "kept@example.com");
        run(false);
        CLOCK.advance(Duration.ofSeconds(5));
        admin.rest().delete("Contact", gone);

        InboundResult delta = run(false);
        assertThat(delta.deleted()).isEqualTo(1);
        assertThat(harness.query("select id from sf_contacts")).extracting(r -> r.get("id")).doesNotContain(gone).hasSize(1);

        harness.config(CONTACTS.formatted("    include_deleted: true"));
        run(true);
        assertThat(harness.query("select id, isdeleted from sf_contacts where isdeleted")).extracting(r -> r.get("id")).containsExactly(gone);
    }

    @Test
    void a_run_killed_before_its_commit_leaves_table_and_cursor_and_the_rerun_ends_equal_to_the_org() {
        harness.config(CONTACTS.formatted(""));
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1_200; i++) {
            batch.add(Map.of("LastName", "Person " + i, "Email", "p" + i + "@example.com"));
        }
        for (int i = 0; i < batch.size(); i += 200) {
            admin.rest().collections().create("Contact", batch.subList(i, Math.min(batch.size(), i + 200)), false);
        }
        InboundProgress killed = rows -> {
            if (rows >= 500) {
                throw new IllegalStateException("killed at " + rows + " rows");
            }
        };

        assertThatThrownBy(() -> harness.project().runInbound("contacts_in", false, killed)).hasMessageContaining("killed");
        assertThat(harness.query("select count(*) as n from information_schema.tables where table_name = 'sf_contacts'").getFirst().get("n"))
                .isEqualTo(0L);

        InboundResult rerun = run(false);
        assertThat(rerun.initial()).isTrue();
        Set<String> orgIds = org.records("Contact").stream().map(r -> (String) r.get("Id")).collect(Collectors.toSet());
        assertThat(tableIds()).isEqualTo(orgIds).hasSize(1_200);
    }

    @Test
    void a_field_added_to_the_sync_adds_a_column_and_a_type_change_is_refused() {
        harness.config(CONTACTS.formatted("    fields: [LastName, Email]"));
        contact("A", "a@example.com");
        run(false);
        assertThat(harness.query("select * from sf_contacts").getFirst()).doesNotContainKey("score__c");

        harness.config(CONTACTS.formatted("    fields: [LastName, Email, Score__c]"));
        InboundResult delta = run(false);
        assertThat(delta.notices()).anyMatch(n -> n.contains("column score__c added"));
        assertThat(harness.query("select * from sf_contacts").getFirst()).containsKey("score__c");

        harness.sql("alter table sf_contacts drop column score__c", "alter table sf_contacts add column score__c boolean");
        assertThatThrownBy(() -> run(false)).isInstanceOf(InboundSyncFailed.class).hasMessageContaining("score__c is boolean")
                .satisfies(e -> assertThat(((InboundSyncFailed) e).fix()).contains("--full"));
    }

    @Test
    void a_field_hidden_by_field_level_security_is_refused_with_the_fix() {
        harness.config(CONTACTS.formatted("    fields: [LastName, Secret__c]"));

        assertThatThrownBy(() -> run(false)).isInstanceOf(SyncHasProblems.class).hasMessageContaining("Secret__c is missing, or hidden")
                .hasMessageContaining("Field-Level Security");
    }

    @Test
    void a_record_leaving_the_filter_leaves_the_table() {
        harness.config(CONTACTS.formatted("    filter: \"LastName != 'Archived'\""));
        String id = contact("Active", "x@example.com");
        run(false);
        assertThat(tableIds()).containsExactly(id);
        CLOCK.advance(Duration.ofSeconds(3));
        admin.rest().update("Contact", id, Map.of("LastName", "Archived"));

        InboundResult delta = run(false);
        assertThat(delta.deleted()).isEqualTo(1);
        assertThat(tableIds()).isEmpty();
        assertThat(harness.project().whyMissing("contacts_in", id).reasons()).singleElement().asString().contains("does not meet the sync's filter");
    }

    @Test
    void a_record_hidden_by_a_private_org_wide_default_is_not_read_and_why_missing_says_so() {
        harness.config(CONTACTS.formatted(""));
        org.sharingModel("Contact", SharingModel.Private);
        String mine = contact("Mine", "mine@example.com");
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("LastName", "Theirs");
        fields.put("Email", "theirs@example.com");
        String theirs = admin.rest().create("Contact", fields).id();   // owned by the admin who created it

        run(false);

        assertThat(tableIds()).containsExactly(mine);
        WhyMissing.Answer answer = harness.project().whyMissing("contacts_in", theirs);
        assertThat(answer.inTable()).isFalse();
        assertThat(answer.reasons()).singleElement().asString().contains("cannot see it").contains("Private").contains("View All Data");
        assertThat(harness.project().whyMissing("contacts_in", "MINE@example.com").inTable()).isTrue();
    }

    @Test
    void why_missing_reports_email_duplicates_and_unknown_emails() {
        harness.config(CONTACTS.formatted(""));
        contact("One", "dup@example.com");
        contact("Two", "Dup@Example.com");
        run(false);

        assertThat(harness.project().whyMissing("contacts_in", "dup@example.com").reasons().getFirst()).contains("2 Contact records have the email");
        assertThat(harness.project().whyMissing("contacts_in", "nobody@example.com").reasons()).singleElement().asString()
                .contains("no Contact visible");
    }

    @Test
    void bulk_api_2_reads_the_initial_sync_and_full_rebuilds_the_table() {
        harness.config(CONTACTS.formatted("    api: bulk2"));
        contact("A", "a@example.com");
        contact("B", "b@example.com");
        InboundResult initial = run(false);
        assertThat(initial.api()).isEqualTo(InboundApi.BULK2);
        assertThat(initial.created()).isEqualTo(2);

        harness.sql("insert into sf_contacts (id, systemmodstamp, isdeleted) values ('003000000000000AAA', now(), false)");
        InboundResult full = run(true);
        assertThat(full.initial()).isTrue();
        assertThat(tableIds()).hasSize(2);
    }
}
