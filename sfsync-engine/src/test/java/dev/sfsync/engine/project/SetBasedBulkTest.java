package dev.sfsync.engine.project;

import dev.sfsync.core.outcome.OutcomeStatus;
import dev.sfsync.core.outcome.RowOutcome;
import dev.sfsync.engine.run.RunResult;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The set-based Bulk API 2.0 path (DuckDB writes the upload and joins the results) and the row path (every row through
 * the planner) give the same outcome, code for code, and the same org and snapshot, for a model with rows the planner
 * refuses, rows Salesforce fails (a validation rule), rows failing with a retryable code, and shared match values.
 */
class SetBasedBulkTest {
    @RegisterExtension
    static final EmulatedOrg setBasedOrg = EmulatedOrg.withDefinition("orgs/engine-test.yaml");
    @RegisterExtension
    static final EmulatedOrg rowOrg = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    @RegisterExtension
    static final EmulatedOrg typedOrg = EmulatedOrg.withDefinition("orgs/record-types.yaml");
    @RegisterExtension
    static final EmulatedOrg typedRowOrg = EmulatedOrg.withDefinition("orgs/record-types.yaml");

    @RegisterExtension
    static final EmulatedOrg multiOrg = EmulatedOrg.withDefinition("orgs/multi-select.yaml");
    @RegisterExtension
    static final EmulatedOrg multiRowOrg = EmulatedOrg.withDefinition("orgs/multi-select.yaml");

    static final String SYNC = EngineHarness.ACCOUNTS_SYNC + """
                mode: upsert
                api: bulk2
                match: {column: ext, field: External_Key__c}
                mappings:
                  - {from: name, to: Name}
                  - {from: tier, to: Tier__c}
                  - {from: partner, to: Is_Partner__c}
                  - {from: score, to: Score__c}
                  - {from: founded, to: Founded__c}
                  - {from: website, to: Website}
                  - {from: employees, to: NumberOfEmployees}
                  - {from: stamp, to: Description}
            """;

    static final String MODEL = """
            create table accounts as select i as id, 'K' || i as ext, 'Account ' || i as name,
                ['Gold', 'Silver', 'Bronze'][i % 3 + 1] as tier, (i % 2 = 0) as partner, round((i % 1000) / 10.0, 2) as score,
                DATE '2020-01-01' + CAST(i AS INTEGER) as founded, 'https://a' || i || '.example.com' as website, i * 7 as employees,
                CAST(TIMESTAMP '2024-05-06 07:08:09' + to_seconds(i) + to_milliseconds(i % 3) AS VARCHAR) as stamp
            from range(1, 201) t(i)""";

    /** Rows the planner refuses, Salesforce fails, or that need the planner's own conversion. */
    static final String[] ODD_ROWS = {
            "update accounts set tier = 'Platinum' where id = 3",           // restricted picklist: refused locally
            "update accounts set name = repeat('x', 300) where id = 4",     // too long: refused locally
            "update accounts set name = NULL where id = 5",                 // Name is required: refused locally
            "update accounts set score = 12345.5 where id = 6",             // beyond the field's precision: refused locally
            "update accounts set score = 1.005 where id = 7",               // rounded by the planner, then sent
            "update accounts set website = 'http://plain.example.com' where id = 8", // the org's validation rule fails it
            "update accounts set ext = 'k9' where id = 10",                 // shares K9 with row 9 ignoring case: both refused
            "update accounts set ext = '  ' where id = 11",                 // blank match value: refused locally
            "update accounts set founded = NULL, website = NULL where id = 12", // cleared fields
            "update accounts set name = 'Quote \"and, comma' where id = 13"};

    @TempDir
    Path setBasedDir;
    @TempDir
    Path rowDir;
    EngineHarness setBased;
    EngineHarness rows;

    @AfterEach
    void tearDown() {
        if (setBased != null) {
            setBased.close();
        }
        if (rows != null) {
            rows.close();
        }
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bulk2", "bulk1"})
    void the_set_based_path_and_the_row_path_give_the_same_outcomes_and_snapshot(String api) {
        // keep_row_outcomes: all, so that every row's outcome, successes included, can be compared one by one.
        String sync = SYNC.replace("api: bulk2", "api: " + api) + "    keep_row_outcomes: all\n";
        setBased = new EngineHarness(setBasedDir, setBasedOrg).sql(MODEL).sql(ODD_ROWS).config(sync);
        rows = new EngineHarness(rowDir, rowOrg).sql(MODEL).sql(ODD_ROWS).config(sync);
        rows.project().bulkRowByRow(true);
        // One record's lock fails: it goes again alone after the wait (BulkLoadsTest sees the set-based rows retried).
        setBasedOrg.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 1);
        rowOrg.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 1);

        RunResult bySet = setBased.run("accounts");
        RunResult byRow = rows.run("accounts");

        assertThat(outcomes(setBased, bySet)).isEqualTo(outcomes(rows, byRow)).containsEntry("[3]", "REJECTED:INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
                .containsEntry("[8]", "FAILED:FIELD_CUSTOM_VALIDATION_EXCEPTION").containsEntry("[10]", "REJECTED:DUPLICATE_EXTERNAL_ID")
                .containsEntry("[1]", "CREATED:");
        assertThat(bySet.summary()).isEqualTo(byRow.summary());
        assertThat(bySet.errorCounts()).isEqualTo(byRow.errorCounts());
        assertThat(setBased.waits).isEqualTo(rows.waits).isNotEmpty();
        assertThat(jobs(setBased, bySet)).as("row 7 (rounded by the planner) and its retry, then the set-based job (Bulk 1.0: one job each, batches inside)").isEqualTo(3);
        assertThat(jobs(rows, byRow)).as("every row in one job, and the retry").isEqualTo(2);
        assertThat(records(setBasedOrg)).isEqualTo(records(rowOrg)).hasSizeBetween(190, 192);

        // The same snapshot: a change to the model is seen the same way by both, and so are the rows still to send.
        setBased.sql("update accounts set name = 'Renamed' where id in (1, 2)");
        rows.sql("update accounts set name = 'Renamed' where id in (1, 2)");
        RunResult again = setBased.run("accounts");
        RunResult againByRow = rows.run("accounts");
        assertThat(again.changes()).isEqualTo(againByRow.changes());
        assertThat(outcomes(setBased, again)).isEqualTo(outcomes(rows, againByRow)).containsEntry("[1]", "UPDATED:");
        assertThat(records(setBasedOrg)).isEqualTo(records(rowOrg));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bulk2", "bulk1"})
    void by_default_successes_are_counts_failed_and_rejected_rows_keep_their_outcome_and_the_snapshot_is_the_same(String api) {
        String sync = SYNC.replace("api: bulk2", "api: " + api);
        setBased = new EngineHarness(setBasedDir, setBasedOrg).sql(MODEL).sql(ODD_ROWS).config(sync);
        rows = new EngineHarness(rowDir, rowOrg).sql(MODEL).sql(ODD_ROWS).config(sync + "    keep_row_outcomes: all\n");
        rows.project().bulkRowByRow(true);
        setBasedOrg.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 1);
        rowOrg.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 1);
        java.util.concurrent.atomic.AtomicLong heard = new java.util.concurrent.atomic.AtomicLong();
        dev.sfsync.engine.run.RunProgress progress = new dev.sfsync.engine.run.RunProgress() {
            @Override
            public void settled(java.util.List<RowOutcome> outcomes) {
                heard.addAndGet(outcomes.size());
            }

            @Override
            public void counted(long rows) {
                heard.addAndGet(rows);
            }
        };

        RunResult byCounts = setBased.project().run("accounts", progress);
        RunResult byRow = rows.run("accounts");

        Map<String, String> failedOnly = new TreeMap<>(outcomes(rows, byRow));
        failedOnly.values().removeIf(code -> !code.startsWith("FAILED:") && !code.startsWith("REJECTED:"));
        assertThat(outcomes(setBased, byCounts)).as("failed and rejected rows one by one, nothing else").isEqualTo(failedOnly)
                .containsEntry("[8]", "FAILED:FIELD_CUSTOM_VALIDATION_EXCEPTION").containsEntry("[3]", "REJECTED:INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
                .doesNotContainKey("[1]");
        assertThat(byCounts.summary()).as("the successes counted").isEqualTo(byRow.summary());
        assertThat(byCounts.summary().created()).isEqualTo(192);
        assertThat(setBased.project().store().runs().find(byCounts.runId()).orElseThrow().summary()).isEqualTo(byRow.summary());
        assertThat(byCounts.errorCounts()).isEqualTo(byRow.errorCounts());
        assertThat(heard.get()).as("progress heard every row").isEqualTo(byCounts.changes().total());
        assertThat(records(setBasedOrg)).isEqualTo(records(rowOrg));

        // The snapshot took exactly the rows Salesforce accepted: the same rows go again, and a change is seen the same way.
        setBased.sql("update accounts set name = 'Renamed' where id in (1, 2)");
        rows.sql("update accounts set name = 'Renamed' where id in (1, 2)");
        RunResult again = setBased.run("accounts");
        RunResult againByRow = rows.run("accounts");
        assertThat(again.changes()).isEqualTo(againByRow.changes());
        assertThat(again.summary()).isEqualTo(againByRow.summary());
        assertThat(again.summary().updated()).isGreaterThanOrEqualTo(2);
        assertThat(records(setBasedOrg)).isEqualTo(records(rowOrg));
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bulk2", "bulk1"})
    void successes_counted_set_based_keep_their_record_ids_in_the_snapshot_so_removed_rows_are_deleted_by_id(String api) {
        // Counted successes never pass through Java: the snapshot takes their Ids from the joined results. A removed
        // row is deleted by that Id, with no query to find its record; a missing Id would cost the rerun a lookup.
        String sync = SYNC.replace("api: bulk2", "api: " + api) + "    on_delete: delete\n";
        setBased = new EngineHarness(setBasedDir, setBasedOrg).sql(MODEL).sql(ODD_ROWS).config(sync);
        rows = new EngineHarness(rowDir, rowOrg).sql(MODEL).sql(ODD_ROWS).config(sync + "    keep_row_outcomes: all\n");
        rows.project().bulkRowByRow(true);
        setBased.run("accounts");
        rows.run("accounts");

        setBased.sql("delete from accounts where id in (1, 2, 3)");
        rows.sql("delete from accounts where id in (1, 2, 3)");
        RunResult again = setBased.run("accounts");
        RunResult againByRow = rows.run("accounts");

        assertThat(again.summary()).isEqualTo(againByRow.summary());
        assertThat(again.summary().deleted()).as("rows 1 and 2; row 3 was refused, so never created").isEqualTo(2);
        assertThat(again.apiCalls()).as("calls of the rerun, row path's Ids from its outcomes").isEqualTo(againByRow.apiCalls());
        assertThat(setBased.project().store().apiLog().list(again.runId())).noneMatch(call -> call.url().contains("/query"));
        assertThat(records(setBasedOrg)).isEqualTo(records(rowOrg)).doesNotContainKeys("K1", "K2");
    }

    @Test
    void a_sync_the_set_based_path_covers_sends_its_rows_in_one_job_and_reads_back_only_the_result_sets_it_needs() {
        setBased = new EngineHarness(setBasedDir, setBasedOrg).sql(MODEL).config(SYNC);

        RunResult result = setBased.run("accounts");

        assertThat(result.summary().created()).isEqualTo(200);
        assertThat(setBased.project().store().apiLog().list(result.runId()).stream().filter(c -> c.url().contains("/jobs/ingest"))
                .map(c -> c.method() + " " + c.url().replaceAll(".*/jobs/ingest/?[^/]*", ""))
                .filter(c -> !c.contains("GET ") || c.endsWith("Results/")).toList())
                .as("one job: created, uploaded, closed, and its successes read").containsExactly("POST ", "PUT /batches", "PATCH ", "GET /successfulResults/");
        Map<String, Object> first = setBasedOrg.records("Account").stream().filter(r -> "K1".equals(r.get("External_Key__c"))).findFirst().orElseThrow();
        assertThat(first).containsEntry("Name", "Account 1").containsEntry("Tier__c", "Silver").containsEntry("Founded__c", "2020-01-02")
                .containsEntry("Description", "2024-05-06 07:08:10.001");
    }

    private static Map<String, String> outcomes(EngineHarness harness, RunResult result) {
        return harness.project().store().outcomes().list(result.runId(), EnumSet.allOf(OutcomeStatus.class), 10_000, 0).stream()
                .collect(Collectors.toMap(o -> o.key().values().toString(), SetBasedBulkTest::codeOf, (a, b) -> b, TreeMap::new));
    }

    @Test
    void answers_lost_on_the_set_based_path_leave_every_row_accounted_for_and_written_once() {
        setBased = new EngineHarness(setBasedDir, setBasedOrg).sql(MODEL).config(SYNC);
        // The first upload's answer is always lost after Salesforce took it; then one answer in ten at random.
        setBasedOrg.faults().seed(11).set("dropConnections: [{api: bulk2, times: 1, when: after, path: 'batches'}, {api: bulk2, rate: 0.1, when: after}]");

        RunResult result = setBased.run("accounts");

        assertThat(setBasedOrg.faults().log()).as("answers were lost").isNotEmpty();
        assertThat(result.summary().created() + result.summary().updated() + result.summary().failed()).as("no row unaccounted for").isEqualTo(200);
        setBasedOrg.faults().clear();
        RunResult rerun = setBased.run("accounts");
        assertThat(rerun.summary().failed()).isZero();
        assertThat(setBasedOrg.records("Account")).as("every row in the org once").hasSize(200);
        assertThat(setBased.run("accounts").apiCalls()).as("nothing left to send").isZero();
    }

    static final String CONTACTS_SYNC = """
            models:
              contacts:
                sql: select * from contacts
                primary_key: id
            syncs:
              contacts:
                model: contacts
                object: Contact
                mode: upsert
                api: bulk2
                match: {column: id, field: External_Id__c}
                mappings: [{from: last, to: LastName}, {from: email, to: Email}]
                lookups: [{to: AccountId, object: Account, field: External_Key__c, column: account}]
            """;

    /** Contacts of the accounts A0 to A3; A4 is not in the org until the second run. */
    static final String[] CONTACTS = {
            "create table contacts as select 'C' || i as id, 'Smith ' || i as last, 'c' || i || '@example.com' as email,"
                    + " 'A' || (i % 5) as account from range(0, 60) t(i)",
            "update contacts set account = NULL where id = 'C1'",                  // no account: the field is cleared
            "update contacts set account = '   ' where id = 'C2'",                 // blank: cleared by the planner
            "update contacts set account = 'a1' where id = 'C3'",                  // found ignoring case, as external IDs match
            "update contacts set account = '001000000000404AAA' where id = 'C5'",   // an Account Id: sent as it is, Salesforce fails it
            "update contacts set last = NULL where id = 'C6'",                     // LastName is required: refused locally
            "update contacts set email = 'not an email' where id = 'C7'"};         // refused locally

    /**
     * Lookups resolved into a table and joined, for upserts and for inserts (with their idempotency key): the same
     * outcomes, org and snapshot as the row path, with lookups that miss (REFERENCE_NOT_FOUND, then found once the
     * account exists), cleared and blank references, an Id sent as it is, refusals, a failure and a lock retry.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}, row outcomes kept: {2}")
    @org.junit.jupiter.params.provider.CsvSource({"bulk2, upsert, all", "bulk1, upsert, failed", "bulk2, insert, failed", "bulk1, insert, all"})
    void lookups_and_inserts_give_the_same_outcomes_and_snapshot_on_both_paths(String api, String mode, String kept) {
        // With 'all' every success is compared row by row; by default ('failed') successes are counts on both paths.
        String sync = CONTACTS_SYNC.replace("api: bulk2", "api: " + api).replace("mode: upsert", "mode: " + mode)
                + "    keep_row_outcomes: " + kept + "\n";
        setBased = new EngineHarness(setBasedDir, setBasedOrg).sql(CONTACTS).config(sync);
        rows = new EngineHarness(rowDir, rowOrg).sql(CONTACTS).config(sync);
        rows.project().bulkRowByRow(true);
        for (EngineHarness harness : java.util.List.of(setBased, rows)) {
            for (int i = 0; i < 4; i++) {
                account(harness, "A" + i);
            }
            harness.org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 1);
        }

        RunResult bySet = setBased.run("contacts");
        RunResult byRow = rows.run("contacts");

        assertThat(outcomes(setBased, bySet)).isEqualTo(outcomes(rows, byRow))
                .containsEntry("[C4]", "FAILED:REFERENCE_NOT_FOUND").containsEntry("[C6]", "REJECTED:REQUIRED_FIELD_MISSING")
                .containsEntry("[C7]", "REJECTED:INVALID_EMAIL_ADDRESS");
        if (kept.equals("all")) {
            assertThat(outcomes(setBased, bySet)).containsEntry("[C0]", "CREATED:").containsEntry("[C3]", "CREATED:");
        } else {
            assertThat(outcomes(setBased, bySet)).doesNotContainKeys("[C0]", "[C3]");
        }
        assertThat(failures(setBased, bySet)).isEqualTo(failures(rows, byRow));
        assertThat(bySet.summary()).isEqualTo(byRow.summary());
        assertThat(bySet.errorCounts()).isEqualTo(byRow.errorCounts()).containsEntry("REFERENCE_NOT_FOUND", 12L);
        assertThat(setBased.waits).isEqualTo(rows.waits).isNotEmpty();
        assertThat(contacts(setBasedOrg)).isEqualTo(contacts(rowOrg)).hasSizeBetween(45, 46);
        assertThat(contacts(setBasedOrg).get("C3")).containsEntry("Account", "A1");
        assertThat(jobs(setBased, bySet)).as("C2 (blank, for the planner), the set-based job, the retry").isEqualTo(3);
        assertThat(jobs(rows, byRow)).isEqualTo(2);

        // The missing account appears and two rows change: the misses go again, now found, and both paths agree.
        account(setBased, "A4");
        account(rows, "A4");
        setBased.sql("update contacts set last = 'Renamed' where id in ('C10', 'C11')");
        rows.sql("update contacts set last = 'Renamed' where id in ('C10', 'C11')");
        RunResult again = setBased.run("contacts");
        RunResult againByRow = rows.run("contacts");
        assertThat(again.changes()).isEqualTo(againByRow.changes());
        assertThat(outcomes(setBased, again)).isEqualTo(outcomes(rows, againByRow));
        if (kept.equals("all")) {
            assertThat(outcomes(setBased, again)).containsEntry("[C4]", "CREATED:")
                    .containsEntry("[C10]", mode.equals("upsert") ? "UPDATED:" : "UNCHANGED:");
        }
        assertThat(again.summary()).isEqualTo(againByRow.summary());
        assertThat(contacts(setBasedOrg)).as("all but the contact Salesforce fails and the two refused").isEqualTo(contacts(rowOrg)).hasSize(57);
    }

    @Test
    void an_insert_keeps_its_write_ahead_intents_before_its_rows_are_uploaded() {
        contactInserts();
        // The upload's answer is lost after Salesforce took the rows: the run must find them again, not create them twice.
        setBasedOrg.faults().set("dropConnections: [{api: bulk2, times: 1, when: after, path: 'batches'}]");

        RunResult first = setBased.run("contacts");
        setBasedOrg.faults().clear();
        RunResult second = setBased.run("contacts");

        assertThat(first.summary().created() + second.summary().created()).isEqualTo(setBasedOrg.records("Contact").size());
        assertThat(setBasedOrg.records("Contact").stream().map(r -> r.get("External_Id__c")).distinct().count())
                .as("no contact created twice").isEqualTo(setBasedOrg.records("Contact").size());
        assertThat(setBased.run("contacts").summary().created()).isZero();
    }

    @Test
    void an_insert_whose_job_results_cannot_be_read_is_reconciled_from_the_job_next_run_not_created_twice() {
        contactInserts();
        // Salesforce takes the job and creates its rows, but this run never reads its results: their fate is unknown here.
        setBasedOrg.faults().set("errors: [{api: bulk2, times: 1000, path: 'successfulResults', status: 503}]");

        RunResult first = setBased.run("contacts");
        setBasedOrg.faults().clear();
        long inOrg = setBasedOrg.records("Contact").size();
        RunResult second = setBased.run("contacts");

        assertThat(first.summary().created()).isZero();
        assertThat(inOrg).as("the job ran at Salesforce").isPositive();
        assertThat(second.notices()).anySatisfy(n -> assertThat(n).contains("reconciled"));
        assertThat(setBasedOrg.records("Contact").stream().map(r -> r.get("External_Id__c")).distinct().count())
                .as("no contact created twice").isEqualTo(setBasedOrg.records("Contact").size());
        assertThat(second.summary().created()).as("the rows the job created, found again in its results").isEqualTo(inOrg);
        assertThat(setBasedOrg.records("Contact")).hasSize((int) inOrg);
        assertThat(setBased.run("contacts").summary().created()).isZero();
    }

    /**
     * Record types set-based, from a name or per row from a column: the same outcomes and record types as the row path,
     * with a name in another case, rows without one (the profile's default), an unknown name and a spaced one.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1} {2}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {"bulk2|upsert|{from: kind}", "bulk1|insert|{from: kind}",
            "bulk2|insert|Customer"})
    void record_types_give_the_same_outcomes_and_records_on_both_paths(String api, String mode, String recordType) {
        String sync = EngineHarness.ACCOUNTS_SYNC + """
                    mode: %s
                    api: %s
                    match: {column: id, field: External_Key__c}
                    mappings: [{from: name, to: Name}]
                    record_type: %s
                """.formatted(mode, api, recordType);
        String[] model = {"create table accounts as select 'A' || i as id, 'Account ' || i as name,"
                + " ['Customer', 'partner', NULL, 'Nonsense', ' Customer'][i % 5 + 1] as kind from range(0, 20) t(i)"};
        RunResult bySet = runAccountsBothWays(typedOrg, typedRowOrg, model, sync);

        assertThat(recordTypes(typedOrg)).isEqualTo(recordTypes(typedRowOrg)).containsEntry("A1", recordType.startsWith("{") ? "Partner" : "Customer");
        assertThat(jobs(setBased, bySet)).as("the spaced names go the planner's way, in a job of their own").isEqualTo(recordType.startsWith("{") ? 2 : 1);
    }

    /** Multi-select picklists: values as the planner writes them go set-based, every other spelling its way, alike. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bulk2", "bulk1"})
    void multi_select_picklists_give_the_same_outcomes_and_records_on_both_paths(String api) {
        String sync = EngineHarness.ACCOUNTS_SYNC + """
                    mode: upsert
                    api: %s
                    match: {column: id, field: External_Key__c}
                    mappings: [{from: name, to: Name}, {from: regions, to: Regions__c}, {from: topics, to: Topics__c}]
                """.formatted(api);
        String[] model = {"create table accounts as select 'A' || i as id, 'Account ' || i as name,"
                + " ['EMEA', 'EMEA;APAC', 'AMER; APAC', 'APAC;APAC', 'Mars', 'North America;EMEA', NULL, '', ';EMEA', 'emea'][i % 10 + 1] as regions,"
                + " ['Cloud', 'Data;Cloud', 'Cloud;Data;Cloud;Data;Cloud', NULL][i % 4 + 1] as topics from range(0, 20) t(i)"};
        RunResult bySet = runAccountsBothWays(multiOrg, multiRowOrg, model, sync);

        assertThat(outcomes(setBased, bySet)).containsEntry("[A4]", "REJECTED:INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(records(multiOrg, "External_Key__c")).isEqualTo(records(multiRowOrg, "External_Key__c"));
        assertThat(jobs(setBased, bySet)).as("the spellings the planner rewrites go in a job of their own").isEqualTo(2);
    }

    static final String BY_ID_SYNC = EngineHarness.ACCOUNTS_SYNC + """
                mode: %s
                api: %s
                on_delete: %s
                match: {column: ext, field: External_Key__c}
                mappings: [{from: name, to: Name}, {from: tier, to: Tier__c}, {from: score, to: Score__c}, {from: website, to: Website}]
                keep_row_outcomes: %s
            """;

    /** Accounts K1 to K40; the org holds K1 to K30 before the first run. */
    static final String[] BY_ID_MODEL = {
            "create table accounts as select i as id, 'K' || i as ext, 'Account ' || i as name, ['Gold', 'Silver'][i % 2 + 1] as tier,"
                    + " round(i / 10.0, 2) as score, 'https://a' || i || '.example.com' as website from range(1, 41) t(i)",
            "update accounts set tier = 'Platinum' where id = 3",                   // restricted picklist: refused locally
            "update accounts set score = 1.005 where id = 7",                       // rounded by the planner, then sent
            "update accounts set website = 'http://plain.example.com' where id = 8", // the org's validation rule fails it
            "update accounts set ext = 'k9' where id = 10",                         // shares K9 with row 9 ignoring case: both refused
            "update accounts set ext = '  ' where id = 11"};                        // blank match value: refused locally

    /**
     * Updates and removed rows set-based, addressed by record Id: found by the match value on the first run (rows whose
     * record does not exist fail RECORD_NOT_FOUND in update mode), by the snapshot's Id on the next, joined back to their
     * results by Id (Bulk 2.0) or position (Bulk 1.0); rows leaving the model are deleted or cleared by Id. Refusals, a
     * validation failure and a lock retry included: the same outcomes, org and snapshot as the row path.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}, on_delete {2}, row outcomes kept: {3}")
    @org.junit.jupiter.params.provider.CsvSource({"bulk2, update, clear_fields, all", "bulk1, update, clear_fields, failed",
            "bulk2, upsert, delete, failed"})
    void updates_deletes_and_clears_give_the_same_outcomes_and_snapshot_on_both_paths(String api, String mode, String onDelete, String kept) {
        String sync = BY_ID_SYNC.formatted(mode, api, onDelete, kept);
        setBased = new EngineHarness(setBasedDir, setBasedOrg).sql(BY_ID_MODEL).config(sync);
        rows = new EngineHarness(rowDir, rowOrg).sql(BY_ID_MODEL).config(sync);
        rows.project().bulkRowByRow(true);
        for (EngineHarness harness : java.util.List.of(setBased, rows)) {
            for (int i = 1; i <= 30; i++) {
                account(harness, "K" + i);
            }
            harness.org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 1);
        }

        RunResult bySet = setBased.run("accounts");
        RunResult byRow = rows.run("accounts");

        assertThat(outcomes(setBased, bySet)).isEqualTo(outcomes(rows, byRow)).containsEntry("[3]", "REJECTED:INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST")
                .containsEntry("[8]", "FAILED:FIELD_CUSTOM_VALIDATION_EXCEPTION").containsEntry("[10]", "REJECTED:DUPLICATE_EXTERNAL_ID");
        if (mode.equals("update")) {
            assertThat(outcomes(setBased, bySet)).containsEntry("[35]", "FAILED:RECORD_NOT_FOUND");
        }
        assertThat(failures(setBased, bySet)).isEqualTo(failures(rows, byRow));
        assertThat(bySet.summary()).isEqualTo(byRow.summary());
        assertThat(bySet.summary().updated()).isEqualTo(25);
        assertThat(bySet.errorCounts()).isEqualTo(byRow.errorCounts());
        assertThat(setBased.waits).isEqualTo(rows.waits).isNotEmpty();
        assertThat(records(setBasedOrg)).isEqualTo(records(rowOrg));
        assertThat(jobs(setBased, bySet)).as("row 7 (rounded by the planner), the set-based job, the retry").isEqualTo(jobs(rows, byRow) + 1);

        // Next run: two rows change (their records now known by the snapshot's Id), one odd one, two leave the model.
        for (EngineHarness harness : java.util.List.of(setBased, rows)) {
            harness.sql("update accounts set name = 'Renamed' where id in (1, 2)", "update accounts set score = 2.005 where id = 12",
                    "delete from accounts where id in (4, 5)");
        }
        RunResult again = setBased.run("accounts");
        RunResult againByRow = rows.run("accounts");
        assertThat(again.changes()).isEqualTo(againByRow.changes());
        assertThat(outcomes(setBased, again)).isEqualTo(outcomes(rows, againByRow));
        assertThat(again.summary()).isEqualTo(againByRow.summary());
        assertThat(onDelete.equals("delete") ? again.summary().deleted() : again.summary().updated()).isGreaterThanOrEqualTo(2);
        assertThat(records(setBasedOrg)).isEqualTo(records(rowOrg));
        assertThat(jobs(setBased, again)).as("row 12 on its own, the set-based updates, the removals").isEqualTo(3);
        assertThat(setBased.run("accounts").changes()).isEqualTo(rows.run("accounts").changes());
    }

    /**
     * Archive syncs delete the records their rows match set-based, found by the match value: rows whose record is not
     * there are left unchanged, a blank value refused, a match value SQL cannot read as the planner does goes its way.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bulk2", "bulk1"})
    void archives_give_the_same_outcomes_and_org_on_both_paths(String api) {
        String sync = EngineHarness.ACCOUNTS_SYNC + """
                    mode: archive
                    api: %s
                    match: {column: ext, field: External_Key__c}
                    keep_row_outcomes: all
                """.formatted(api);
        String[] model = {"create table accounts as select i as id, 'K' || i as ext from range(1, 16) t(i)",
                "update accounts set ext = '  ' where id = 2", "update accounts set ext = 'Ä' where id = 3"};
        setBased = new EngineHarness(setBasedDir, setBasedOrg).sql(model).config(sync);
        rows = new EngineHarness(rowDir, rowOrg).sql(model).config(sync);
        rows.project().bulkRowByRow(true);
        for (EngineHarness harness : java.util.List.of(setBased, rows)) {
            for (int i = 1; i <= 12; i++) {
                account(harness, i == 3 ? "Ä" : "K" + i);
            }
            account(harness, "K99");
            harness.org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 1);
        }

        RunResult bySet = setBased.run("accounts");
        RunResult byRow = rows.run("accounts");

        assertThat(outcomes(setBased, bySet)).isEqualTo(outcomes(rows, byRow)).containsEntry("[1]", "DELETED:")
                .containsEntry("[2]", "REJECTED:MISSING_ARGUMENT").containsEntry("[3]", "DELETED:").containsEntry("[14]", "UNCHANGED:");
        assertThat(bySet.summary()).isEqualTo(byRow.summary());
        assertThat(setBased.waits).isEqualTo(rows.waits).isNotEmpty();
        assertThat(records(setBasedOrg)).isEqualTo(records(rowOrg)).containsOnlyKeys("K2", "K99");
        assertThat(jobs(setBased, bySet)).as("row 3 the planner's way, the set-based job, the retry").isEqualTo(jobs(rows, byRow) + 1);
        assertThat(setBased.run("accounts").changes()).isEqualTo(rows.run("accounts").changes());
    }

    /**
     * A row re-keyed in the model (its old key leaves, a new key brings the same match value): the removed row's delete
     * reaches Salesforce before the upsert, which then creates the record again; deleting after the upsert would leave
     * the row's record deleted while the snapshot says it is synced.
     */
    @Test
    void a_row_re_keyed_onto_a_removed_rows_record_is_deleted_first_then_written_again_not_written_then_deleted() {
        String sync = EngineHarness.ACCOUNTS_SYNC + """
                    mode: upsert
                    api: bulk2
                    on_delete: delete
                    match: {column: ext, field: External_Key__c}
                    mappings: [{from: name, to: Name}]
                """;
        setBased = new EngineHarness(setBasedDir, setBasedOrg)
                .sql("create table accounts as select i as id, 'K' || i as ext, 'Account ' || i as name from range(1, 6) t(i)").config(sync);
        setBased.run("accounts");
        setBased.sql("update accounts set id = 7 where id = 5");

        RunResult again = setBased.run("accounts");

        assertThat(again.summary().deleted()).isEqualTo(1);
        assertThat(records(setBasedOrg)).containsOnlyKeys("K1", "K2", "K3", "K4", "K5");
        assertThat(setBased.run("accounts").changes().total()).isZero();
    }

    /** The contacts inserted set-based with their idempotency key, into an org holding account A0 only. */
    private void contactInserts() {
        setBased = new EngineHarness(setBasedDir, setBasedOrg).sql(CONTACTS).config(CONTACTS_SYNC.replace("mode: upsert", "mode: insert"));
        account(setBased, "A0");
    }

    /** Runs the sync 'accounts' set-based against one org and row by row against the other; both give the same outcomes. */
    private RunResult runAccountsBothWays(EmulatedOrg setOrg, EmulatedOrg rowOrg, String[] model, String syncByDefault) {
        String sync = syncByDefault + "    keep_row_outcomes: all\n";
        setBased = new EngineHarness(setBasedDir, setOrg).sql(model).config(sync);
        rows = new EngineHarness(rowDir, rowOrg).sql(model).config(sync);
        rows.project().bulkRowByRow(true);

        RunResult bySet = setBased.run("accounts");
        RunResult byRow = rows.run("accounts");

        assertThat(outcomes(setBased, bySet)).isEqualTo(outcomes(rows, byRow)).containsEntry("[A0]", "CREATED:");
        assertThat(failures(setBased, bySet)).isEqualTo(failures(rows, byRow));
        assertThat(bySet.summary()).isEqualTo(byRow.summary());
        return bySet;
    }

    private static Map<String, String> recordTypes(EmulatedOrg org) {
        Map<Object, Object> names = org.records("RecordType").stream().collect(Collectors.toMap(r -> r.get("Id"), r -> r.get("DeveloperName")));
        return org.records("Account").stream().collect(Collectors.toMap(r -> (String) r.get("External_Key__c"),
                r -> String.valueOf(names.get(r.get("RecordTypeId"))), (a, b) -> a, TreeMap::new));
    }

    private static void account(EngineHarness harness, String key) {
        harness.client(dev.sfsync.salesforce.observe.ExchangeListener.NONE).rest().create("Account", Map.of("Name", "Account " + key, "External_Key__c", key));
    }

    private static Map<String, String> failures(EngineHarness harness, RunResult result) {
        return harness.project().store().outcomes().list(result.runId(), EnumSet.of(OutcomeStatus.FAILED, OutcomeStatus.REJECTED), 10_000, 0).stream()
                .collect(Collectors.toMap(o -> o.key().values().toString(), o -> o.error().message(), (a, b) -> b, TreeMap::new));
    }

    /** The org's contacts by external Id, their account by its key, without what differs between two orgs. */
    private static Map<Object, Map<String, Object>> contacts(EmulatedOrg org) {
        Map<Object, Object> accountKeys = org.records("Account").stream().filter(a -> a.get("External_Key__c") != null)
                .collect(Collectors.toMap(a -> a.get("Id"), a -> a.get("External_Key__c")));
        return org.records("Contact").stream().collect(Collectors.toMap(r -> r.get("External_Id__c"), r -> {
            Map<String, Object> kept = new TreeMap<>();
            kept.put("LastName", r.get("LastName"));
            kept.put("Email", r.get("Email"));
            kept.put("Account", r.get("AccountId") == null ? "" : accountKeys.getOrDefault(r.get("AccountId"), r.get("AccountId")));
            return kept;
        }, (a, b) -> a, TreeMap::new));
    }

    private static long jobs(EngineHarness harness, RunResult result) {
        return harness.project().store().apiLog().list(result.runId()).stream()
                .filter(c -> c.method().equals("POST") && (c.url().endsWith("/jobs/ingest") || c.url().endsWith("/job"))).count();
    }

    private static String codeOf(RowOutcome outcome) {
        return outcome.status().name() + ":" + (outcome.error() == null ? "" : outcome.error().code());
    }

    /** The org's accounts by external key, without the Ids and stamps that differ between two orgs. */
    private static Map<Object, Map<String, Object>> records(EmulatedOrg org) {
        return records(org, "External_Key__c");
    }

    private static Map<Object, Map<String, Object>> records(EmulatedOrg org, String keyField) {
        return org.records("Account").stream().collect(Collectors.toMap(r -> r.get(keyField), r -> new TreeMap<>(r.entrySet().stream()
                .filter(e -> !e.getKey().equals("Id") && !e.getKey().endsWith("Date") && !e.getKey().equals("Account_No__c")
                        && !e.getKey().equals("SystemModstamp") && !e.getKey().endsWith("ById") && e.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))), (a, b) -> a, TreeMap::new));
    }
}
