package dev.sfsync.salesforce.rest;

import dev.sfsync.salesforce.AgainstEmulatedOrg;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CollectionsTest extends AgainstEmulatedOrg {
    private RestClient rest;

    @BeforeEach
    void restApi() {
        rest = client.rest();
    }

    @Test
    void upsert_sends_200_records_per_call_and_matches_results_to_input_order() {
        List<Map<String, Object>> rows = accounts(450);
        rows.get(7).put("Tier__c", "Platinum");
        rows.get(301).put("Website", "http://insecure.example");

        List<SaveResult> results = rest.collections().upsert("Account", "External_Key__c", rows);

        assertThat(exchanges.to("/composite/sobjects/Account/External_Key__c")).hasSize(3);
        assertThat(results).hasSize(450);
        assertThat(results.get(7).firstError().code()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
        assertThat(results.get(301).firstError().code()).isEqualTo("FIELD_CUSTOM_VALIDATION_EXCEPTION");
        assertThat(results).filteredOn(SaveResult::success).hasSize(448).allMatch(SaveResult::created);
        assertThat(org.records("Account")).hasSize(448);
        Map<String, String> keyById = new LinkedHashMap<>();
        org.records("Account").forEach(r -> keyById.put((String) r.get("Id"), (String) r.get("External_Key__c")));
        for (int i = 0; i < rows.size(); i++) {
            if (results.get(i).success()) {
                assertThat(keyById.get(results.get(i).id())).isEqualTo(rows.get(i).get("External_Key__c"));
            }
        }
    }

    @Test
    void upserting_the_same_rows_again_updates_and_creates_nothing() {
        rest.collections().upsert("Account", "External_Key__c", accounts(30));

        List<SaveResult> again = rest.collections().upsert("Account", "External_Key__c", accounts(30));

        assertThat(again).allMatch(r -> r.success() && !r.created());
        assertThat(org.records("Account")).hasSize(30);
    }

    @Test
    void create_update_and_delete_in_collections() {
        List<SaveResult> created = rest.collections().create("Account", List.of(Map.of("Name", "A"), Map.of("Name", "B"), Map.of("Website", "x")));
        assertThat(created).extracting(SaveResult::success).containsExactly(true, true, false);
        assertThat(created.get(2).firstError().code()).isEqualTo("REQUIRED_FIELD_MISSING");

        List<Map<String, Object>> changes = new ArrayList<>();
        changes.add(Map.of("Id", created.get(0).id(), "Name", "A2"));
        changes.add(Map.of("Name", "no id"));
        List<SaveResult> updated = rest.collections().update("Account", changes);
        assertThat(updated.get(0).success()).isTrue();
        assertThat(updated.get(1).firstError().code()).isEqualTo("MISSING_ARGUMENT");

        List<SaveResult> deleted = rest.collections().delete(List.of(created.get(0).id(), created.get(1).id()));
        assertThat(deleted).allMatch(SaveResult::success);
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void all_or_none_rolls_back_the_valid_records_with_a_retryable_code() {
        List<SaveResult> results = rest.collections().create("Account", List.of(Map.of("Name", "Fine"), Map.of("Website", "x")), true);

        assertThat(results.get(0).firstError().code()).isEqualTo("ALL_OR_NONE_OPERATION_ROLLED_BACK");
        assertThat(results.get(0).retryable()).isTrue();
        assertThat(results.get(1).retryable()).isFalse();
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void a_locked_record_fails_alone_and_its_neighbours_are_written() {
        List<SaveResult> created = rest.collections().create("Account", List.of(Map.of("Name", "A"), Map.of("Name", "B")));
        org.lock(List.of(created.get(0).id()));

        List<SaveResult> updated = rest.collections().update("Account", List.of(
                Map.of("Id", created.get(0).id(), "Name", "A2"), Map.of("Id", created.get(1).id(), "Name", "B2")));

        assertThat(updated.get(0).firstError().code()).isEqualTo("UNABLE_TO_LOCK_ROW");
        assertThat(updated.get(0).retryable()).isTrue();
        assertThat(updated.get(1).success()).isTrue();
        assertThat(exchanges.to("/composite/sobjects")).hasSize(2);
    }

    @Test
    void calls_from_parallel_threads_reuse_kept_alive_connections_one_per_thread_at_most() throws Exception {
        rest.collections().upsert("Account", "External_Key__c", accounts(1));
        long before = org.host().connectionsOpened();
        int threads = 4;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            List<java.util.concurrent.Future<List<SaveResult>>> calls = new ArrayList<>();
            for (int call = 0; call < 24; call++) {
                List<Map<String, Object>> rows = accounts(200);
                for (int i = 0; i < rows.size(); i++) {
                    rows.get(i).put("External_Key__c", "P-" + (call * 200 + i));
                }
                calls.add(pool.submit(() -> rest.collections().upsert("Account", "External_Key__c", rows)));
            }
            for (var call : calls) {
                assertThat(call.get()).allMatch(SaveResult::success);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(exchanges.to("/composite/sobjects/Account/External_Key__c")).hasSize(25);
        assertThat(org.records("Account")).hasSize(24 * 200 + 1);
        // 24 calls over at most one connection per thread: one per call would mean no keep-alive.
        assertThat(before).isPositive();
        assertThat(org.host().connectionsOpened() - before).isLessThanOrEqualTo(threads);
    }

    static List<Map<String, Object>> accounts(int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("External_Key__c", "K-" + i);
            row.put("Name", "Account " + i);
            row.put("Is_Partner__c", i % 2 == 0);
            rows.add(row);
        }
        return rows;
    }
}
