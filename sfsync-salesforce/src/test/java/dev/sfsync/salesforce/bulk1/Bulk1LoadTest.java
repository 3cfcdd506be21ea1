package dev.sfsync.salesforce.bulk1;

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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Bulk1LoadTest extends AgainstEmulatedOrg {
    private static final List<String> COLUMNS = List.of("External_Key__c", "Name", "Tier__c");

    @TempDir
    Path work;

    @BeforeEach
    void bulkClient() {
        useBulkClient(work);
    }

    @Test
    void rows_go_in_batches_and_results_come_back_in_input_order() throws Exception {
        List<List<?>> rows = accounts(2_500);
        rows.set(1_234, List.of("B-1234", "Bad Tier", "Platinum"));

        Bulk1Run run = client.bulk1().load(Bulk1Spec.of("Account", Operation.UPSERT, "External_Key__c", COLUMNS).withBatchSize(1_000), rows.iterator());
        List<BulkRowResult> results = run.results().toList();

        assertThat(run.batches()).hasSize(3).allMatch(BatchInfo::finished);
        assertThat(results).extracting(BulkRowResult::row).containsExactlyElementsOf(rowNumbers(2_500));
        assertThat(results.get(1_234).error().code()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(results).filteredOn(BulkRowResult::succeeded).hasSize(2_499).allMatch(BulkRowResult::created);
        assertThat(org.records("Account")).hasSize(2_499);
        try (var left = Files.list(work)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void a_second_load_of_the_same_rows_updates_in_serial_mode() {
        Bulk1Spec spec = Bulk1Spec.of("Account", Operation.UPSERT, "External_Key__c", COLUMNS).withBatchSize(100);
        client.bulk1().load(spec, accounts(250).iterator()).results().forEach(r -> { });

        List<BulkRowResult> again = client.bulk1().load(spec.withConcurrencyMode(ConcurrencyMode.SERIAL), accounts(250).iterator()).results().toList();

        assertThat(again).allMatch(r -> r.succeeded() && !r.created());
        assertThat(org.records("Account")).hasSize(250);
    }

    @Test
    void a_batch_the_api_refuses_leaves_its_rows_unprocessed_with_the_reason() {
        Bulk1Run run = client.bulk1().load(Bulk1Spec.of("Account", Operation.INSERT, null, List.of("Name", "No_Such_Field__c")),
                List.of(List.of("A", "x"), List.of("B", "y")).iterator());

        List<BulkRowResult> results = run.results().toList();

        assertThat(run.batches().getFirst().state()).isEqualTo(BatchInfo.FAILED);
        assertThat(results).hasSize(2).allSatisfy(r -> {
            assertThat(r.outcome()).isEqualTo(Outcome.UNPROCESSED);
            assertThat(r.error().code()).isEqualTo("InvalidBatch");
            assertThat(r.error().message()).contains("No_Such_Field__c");
        });
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void an_expired_session_is_renewed_through_the_session_header() {
        client.rest().limits();
        org.expireAccessTokens();

        List<BulkRowResult> results = client.bulk1().load(Bulk1Spec.of("Account", Operation.INSERT, null, List.of("Name")),
                List.of(List.of("After expiry")).iterator()).results().toList();

        assertThat(results).singleElement().matches(BulkRowResult::succeeded);
        assertThat(exchanges.to("/oauth2/token")).hasSize(2);
    }

    @Test
    void a_batch_whose_answer_was_lost_is_found_on_the_job_instead_of_sent_twice() {
        org.faults().set("dropConnections: [{api: bulk1, path: '/batch$', when: after, times: 1}]");

        Bulk1Run run = client.bulk1().load(Bulk1Spec.of("Account", Operation.INSERT, null, List.of("Name")).withBatchSize(50),
                accountNames(120).iterator());

        assertThat(run.batches()).hasSize(3);
        assertThat(run.results()).hasSize(120).allMatch(BulkRowResult::succeeded);
        assertThat(org.records("Account")).hasSize(120);
        assertThat(exchanges.all()).anyMatch(e -> e.status() == 0);
    }

    @Test
    void batch_size_is_checked_against_bulk_1_limits() {
        assertThatThrownBy(() -> Bulk1Spec.of("Account", Operation.INSERT, null, List.of("Name")).withBatchSize(10_001))
                .hasMessageContaining("1 to 10000");
        assertThatThrownBy(() -> Bulk1Spec.of("Account", Operation.UPDATE, null, List.of("Name")))
                .hasMessageContaining("Id must be one of the columns");
    }

    private static List<List<?>> accounts(int count) {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(List.of("B-" + i, "Bulk " + i, i % 2 == 0 ? "Gold" : "Silver"));
        }
        return rows;
    }

    private static List<List<?>> accountNames(int count) {
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(List.of("Named " + i));
        }
        return rows;
    }

    private static List<Long> rowNumbers(int count) {
        List<Long> rows = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            rows.add(i);
        }
        return rows;
    }
}
