package dev.sfsync.salesforce.retry;

import dev.sfsync.salesforce.AgainstEmulatedOrg;
import dev.sfsync.salesforce.Emulated;
import dev.sfsync.salesforce.error.ServerError;
import dev.sfsync.salesforce.observe.ApiExchange;
import dev.sfsync.salesforce.rest.SaveResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Retries under the emulator's injected faults: transient failures recover, and no record is ever written twice. */
class FaultToleranceTest extends AgainstEmulatedOrg {
    private static final RetryPolicy PATIENT = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(2), 0);

    @BeforeEach
    void patientClient() {
        client = Emulated.builder(org, exchanges, sleeper).retryPolicy(PATIENT).build();
        client.rest().limits();
        exchanges.clear();
    }

    @Test
    void server_unavailable_is_retried_with_backoff() {
        org.faults().set("errors: [{api: rest, status: 503, times: 2}]");

        List<SaveResult> results = client.rest().collections().create("Account", accounts(0, 3));

        assertThat(results).allMatch(SaveResult::success);
        assertThat(exchanges.all()).extracting(ApiExchange::status).containsExactly(503, 503, 200);
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
        assertThat(org.records("Account")).hasSize(3);
    }

    @Test
    void a_create_refused_whole_for_a_lock_is_sent_again_and_saved_once() {
        org.faults().failNextCalls("UNABLE_TO_LOCK_ROW", 2);

        List<SaveResult> results = client.rest().collections().create("Account", accounts(0, 5));

        assertThat(results).allMatch(SaveResult::success);
        assertThat(exchanges.all()).extracting(ApiExchange::status).containsExactly(400, 400, 200);
        assertThat(org.records("Account")).hasSize(5);
    }

    @Test
    void a_create_whose_answer_is_lost_is_not_sent_again() {
        org.faults().set("dropConnections: [{api: rest, path: /composite/sobjects, when: after, times: 1}]");

        ServerError error = catchThrowableOfType(ServerError.class, () -> client.rest().collections().create("Account", accounts(0, 4)));

        assertThat(error.outcomeUnknown()).isTrue();
        assertThat(error.errorCode()).isEqualTo("CONNECTION_LOST");
        assertThat(error.getMessage()).contains("check whether the record exists");
        assertThat(exchanges.all()).hasSize(1);
        assertThat(org.records("Account")).hasSize(4);
    }

    @Test
    void a_create_dropped_before_processing_is_not_sent_again_either_because_the_client_cannot_tell() {
        org.faults().set("dropConnections: [{api: rest, path: /sobjects/Account, when: before, times: 1}]");

        ServerError error = catchThrowableOfType(ServerError.class, () -> client.rest().create("Account", Map.of("Name", "Maybe")));

        assertThat(error.outcomeUnknown()).isTrue();
        assertThat(org.records("Account")).isEmpty();
    }

    @Test
    void an_upsert_whose_answer_is_lost_is_sent_again_and_lands_once() {
        org.faults().set("dropConnections: [{api: rest, path: /composite/sobjects, when: after, times: 1}]");

        List<SaveResult> results = client.rest().collections().upsert("Account", "External_Key__c", accounts(0, 6));

        assertThat(results).allMatch(SaveResult::success);
        assertThat(exchanges.all()).extracting(ApiExchange::status).containsExactly(0, 200);
        assertThat(org.records("Account")).hasSize(6);
        assertThat(keys()).hasSize(6);
    }

    @Test
    void an_update_dropped_either_way_is_retried_to_the_same_state() {
        String id = client.rest().create("Account", Map.of("Name", "Before")).id();
        org.faults().set("dropConnections: [{api: rest, path: /sobjects/Account/, when: after, times: 1}, "
                + "{api: rest, path: /sobjects/Account/, when: before, times: 1}]");

        SaveResult result = client.rest().update("Account", id, Map.of("Name", "After"));

        assertThat(result.success()).isTrue();
        assertThat(org.records("Account")).extracting(r -> r.get("Name")).containsExactly("After");
    }

    @Test
    void a_token_expiring_mid_run_is_refreshed_without_failing_a_call() {
        org.faults().set("tokenExpiry: [{api: rest, afterCalls: 2}]");

        for (int batch = 0; batch < 5; batch++) {
            assertThat(client.rest().collections().upsert("Account", "External_Key__c", accounts(batch * 10, 10))).allMatch(SaveResult::success);
        }

        assertThat(exchanges.to("/oauth2/token")).hasSizeGreaterThanOrEqualTo(2);
        assertThat(org.records("Account")).hasSize(50);
    }

    @Test
    void record_level_lock_failures_come_back_as_retryable_results_and_are_not_resent() {
        org.faults().failNextRecords("UNABLE_TO_LOCK_ROW", 2);

        List<SaveResult> results = client.rest().collections().upsert("Account", "External_Key__c", accounts(0, 5));

        assertThat(results).filteredOn(r -> !r.success()).hasSize(2)
                .allSatisfy(r -> assertThat(r.firstError().code()).isEqualTo("UNABLE_TO_LOCK_ROW"))
                .allMatch(SaveResult::retryable);
        assertThat(exchanges.all()).hasSize(1);
        assertThat(org.records("Account")).hasSize(3);
    }

    @Test
    void a_storm_of_faults_still_writes_every_row_exactly_once() {
        org.faults().set("""
                seed: 7
                errors: [{api: rest, rate: 0.2, status: 503}, {api: rest, rate: 0.1, errorCode: UNABLE_TO_LOCK_ROW}]
                dropConnections: [{api: rest, rate: 0.15, when: after}]
                """);

        List<SaveResult> results = client.rest().collections().upsert("Account", "External_Key__c", accounts(0, 1000));

        assertThat(results).hasSize(1000).allMatch(SaveResult::success);
        assertThat(org.records("Account")).hasSize(1000);
        assertThat(keys()).hasSize(1000);
        assertThat(org.faults().log()).isNotEmpty();
        assertThat(exchanges.all().size()).isGreaterThan(5);
    }

    private Set<Object> keys() {
        Set<Object> keys = new HashSet<>();
        org.records("Account").forEach(r -> keys.add(r.get("External_Key__c")));
        return keys;
    }

    private static List<Map<String, Object>> accounts(int from, int count) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("External_Key__c", "F-" + i);
            row.put("Name", "Faulty " + i);
            rows.add(row);
        }
        return rows;
    }

}
