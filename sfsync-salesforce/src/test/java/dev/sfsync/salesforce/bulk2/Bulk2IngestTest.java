package dev.sfsync.salesforce.bulk2;

import dev.sfsync.salesforce.AgainstEmulatedOrg;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.bulk.BulkRowResult.Outcome;
import dev.sfsync.salesforce.bulk.Operation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Bulk API 2.0 against the emulator. */
class Bulk2IngestTest extends AgainstEmulatedOrg {
    private static final List<String> COLUMNS = List.of("External_Key__c", "Name", "Tier__c");

    @TempDir
    Path work;

    @BeforeEach
    void bulkClient() {
        useBulkClient(work);
    }

    @Test
    void rows_split_across_jobs_by_upload_size_and_every_row_gets_its_result() throws Exception {
        List<List<?>> rows = accounts(3_000);
        rows.set(17, List.of("K-17", "Bad tier", "Platinum"));
        rows.set(2_222, List.of("K-2222", "Bad tier", "Copper"));
        IngestSpec spec = IngestSpec.of("Account", Operation.UPSERT, "External_Key__c", COLUMNS).withMaxBytesPerJob(40_000);

        Map<Long, BulkRowResult> byRow;
        try (IngestRun run = client.bulk2().ingest(spec, rows.iterator())) {
            assertThat(run.jobs()).hasSizeGreaterThan(1).allMatch(j -> j.state().equals(JobInfo.JOB_COMPLETE));
            byRow = run.results().collect(Collectors.toMap(BulkRowResult::row, r -> r));
        }

        assertThat(byRow).hasSize(3_000).doesNotContainKey(-1L);
        assertThat(byRow.get(17L).error().code()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(byRow.get(2_222L).outcome()).isEqualTo(Outcome.FAILED);
        assertThat(byRow.values()).filteredOn(BulkRowResult::succeeded).hasSize(2_998).allMatch(BulkRowResult::created);
        Map<String, Object> keyById = org.records("Account").stream().collect(Collectors.toMap(r -> (String) r.get("Id"), r -> r.get("External_Key__c")));
        assertThat(keyById).hasSize(2_998);
        byRow.values().stream().filter(BulkRowResult::succeeded)
                .forEach(r -> assertThat(keyById.get(r.id())).isEqualTo(rows.get((int) r.row()).getFirst()));
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void result_sets_the_job_counts_show_empty_are_not_downloaded() {
        IngestSpec spec = IngestSpec.of("Account", Operation.UPSERT, "External_Key__c", COLUMNS);
        try (IngestRun run = client.bulk2().ingest(spec, accounts(50).iterator())) {
            assertThat(run.results().filter(BulkRowResult::succeeded)).hasSize(50);
        }
        List<List<?>> bad = List.of(List.of("K-1", "Bad tier", "Platinum"), List.of("K-2", "Bad tier", "Copper"));
        try (IngestRun run = client.bulk2().ingest(spec, bad.iterator())) {
            assertThat(run.results().filter(r -> r.outcome() == Outcome.FAILED)).hasSize(2);
        }

        assertThat(exchanges.all()).filteredOn(e -> e.method().equals("GET") && e.url().getPath().matches(".*/jobs/ingest/[^/]+/[a-zA-Z]+/?"))
                .extracting(e -> e.url().getPath().replaceAll(".*/([a-zA-Z]+)/?$", "$1"))
                .as("all created: only the successes; all failed: only the failures; never the unprocessed of a complete job")
                .containsExactly("successfulResults", "failedResults");
    }

    @Test
    void identical_rows_are_each_matched_once() {
        List<List<?>> rows = List.of(List.of("Twin"), List.of("Twin"), List.of("Single"));

        try (IngestRun run = client.bulk2().ingest(IngestSpec.of("Account", Operation.INSERT, null, List.of("Name")), rows.iterator())) {
            assertThat(run.results().map(BulkRowResult::row).sorted().toList()).containsExactly(0L, 1L, 2L);
        }
        assertThat(org.records("Account")).hasSize(3);
    }

    @Test
    void a_job_salesforce_refuses_leaves_every_row_unprocessed_with_its_reason() {
        try (IngestRun run = client.bulk2().ingest(IngestSpec.of("Account", Operation.INSERT, null, List.of("Name", "Nmae")),
                List.of(List.of("A", "x"), List.of("B", "y")).iterator())) {
            assertThat(run.jobs()).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(JobInfo.FAILED));
            assertThat(run.results().toList()).hasSize(2).allSatisfy(r -> {
                assertThat(r.outcome()).isEqualTo(Outcome.UNPROCESSED);
                assertThat(r.error().message()).contains("Nmae");
                assertThat(r.retryable()).isTrue();
            });
        }
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void an_upload_whose_answer_was_lost_goes_into_a_new_job_and_no_row_loads_twice() {
        org.faults().set("dropConnections: [{api: bulk2, path: /batches, when: after, times: 1}]");

        try (IngestRun run = client.bulk2().ingest(IngestSpec.of("Account", Operation.INSERT, null, List.of("Name")), names(50).iterator())) {
            assertThat(run.jobs()).singleElement().satisfies(j -> assertThat(j.state()).isEqualTo(JobInfo.JOB_COMPLETE));
            assertThat(run.results()).hasSize(50).allMatch(BulkRowResult::succeeded);
        }

        assertThat(org.records("Account")).hasSize(50);
        assertThat(exchanges.all()).anyMatch(e -> e.status() == 0);
        assertThat(exchanges.all()).anyMatch(e -> e.method().equals("PATCH") && e.requestBody().contains("Aborted"));
    }

    @Test
    void an_expired_session_mid_ingest_is_renewed() {
        client.rest().limits();
        org.expireAccessTokens();

        try (IngestRun run = client.bulk2().ingest(IngestSpec.of("Account", Operation.INSERT, null, List.of("Name")), names(3).iterator())) {
            assertThat(run.results()).hasSize(3).allMatch(BulkRowResult::succeeded);
        }
        assertThat(exchanges.to("/oauth2/token")).hasSize(2);
    }

    @Test
    void a_query_job_is_read_page_by_page_through_the_locator() {
        client.rest().collections().upsert("Account", "External_Key__c", accounts(450).stream()
                .map(r -> Map.<String, Object>of("External_Key__c", r.get(0), "Name", r.get(1))).toList());

        try (QueryRows rows = client.bulk2().query("SELECT Id, External_Key__c, Name, Website FROM Account", false, 200)) {
            List<Map<String, String>> all = rows.stream().toList();

            assertThat(all).hasSize(450);
            assertThat(rows.pagesRead()).isEqualTo(3);
            assertThat(rows.header()).containsExactly("Id", "External_Key__c", "Name", "Website");
            assertThat(all).allSatisfy(r -> assertThat(r).containsEntry("Website", null));
        }
    }

    private static List<List<?>> accounts(int count) {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(List.of("K-" + i, "Bulk2 " + i, i % 3 == 0 ? "Gold" : "Bronze"));
        }
        return rows;
    }

    private static List<List<?>> names(int count) {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(List.of("Loaded " + i));
        }
        return rows;
    }
}
