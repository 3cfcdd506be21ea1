package dev.sfsync.salesforce.rest;

import dev.sfsync.salesforce.Contract;
import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.internal.ErrorResponses;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The REST API's documented response shapes, read by the same code that reads live responses. */
class RestResponsesContractTest {
    @Test
    void query_pages_are_followed_through_next_records_url() {
        List<String> opened = new ArrayList<>();
        RecordStream.PageSource pages = target -> {
            opened.add(target);
            return Contract.stream(target.endsWith("01gRO0000016PIAYA2-2") ? "rest/query-page-2.json" : "rest/query-page-1.json");
        };

        try (RecordStream rows = new RecordStream(pages, "/services/data/v62.0/query?q=SELECT+Id+FROM+Contact")) {
            assertThat(rows.totalSize()).isEqualTo(3);
            List<Map<String, Object>> all = rows.stream().toList();

            assertThat(all).extracting(r -> r.get("Name")).containsExactly("John Smith", "Jane Doe", "Ann Lee");
            assertThat(all.getFirst()).doesNotContainKey("attributes").containsEntry("Account", Map.of("Name", "Acme"))
                    .containsEntry("Birthdate", "1980-04-12");
            assertThat(all.get(1)).containsEntry("Account", null).containsEntry("Birthdate", null);
        }
        assertThat(opened).containsExactly("/services/data/v62.0/query?q=SELECT+Id+FROM+Contact", "/services/data/v62.0/query/01gRO0000016PIAYA2-2");
    }

    @Test
    void collection_results_keep_failures_as_data() {
        List<SaveResult> results = SaveResults.readArray(Contract.bytes("rest/collections-create-response.json"), 2, true);

        assertThat(results.get(0)).isEqualTo(SaveResult.succeeded("001RM000003oLnnYAE", true));
        assertThat(results.get(1).id()).isNull();
        assertThat(results.get(1).errors()).containsExactly(new SalesforceError("REQUIRED_FIELD_MISSING", "Required fields are missing: [Name]", List.of("Name")));
    }

    @Test
    void upsert_results_say_whether_a_record_was_created() {
        List<SaveResult> results = SaveResults.readArray(Contract.bytes("rest/collections-upsert-response.json"), 3, false);

        assertThat(results).extracting(SaveResult::created).containsExactly(true, false, false);
        assertThat(results.get(2).firstError().code()).isEqualTo("DUPLICATE_EXTERNAL_ID");
        assertThat(SaveResults.read(Contract.json("rest/upsert-created.json"), false).created()).isTrue();
        assertThat(Contract.json("rest/upsert-multiple-matches.json")).hasSize(2);
    }

    @Test
    void collection_results_read_as_a_stream_equal_those_read_one_tree_at_a_time() {
        for (String file : List.of("rest/collections-create-response.json", "rest/collections-upsert-response.json")) {
            for (boolean createdByDefault : List.of(true, false)) {
                List<SaveResult> trees = new ArrayList<>();
                Contract.json(file).forEach(n -> trees.add(SaveResults.read(n, createdByDefault)));

                assertThat(SaveResults.readArray(Contract.bytes(file), trees.size(), createdByDefault)).isEqualTo(trees);
            }
        }
    }

    @Test
    void a_collection_answer_with_a_result_missing_is_refused_rather_than_matched_to_the_wrong_records() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SaveResults.readArray(Contract.bytes("rest/collections-upsert-response.json"), 4, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("answered 3 results for 4 records");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SaveResults.readArray("{\"message\":\"x\"}".getBytes(), 1, false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no result array");
    }

    @Test
    void a_published_event_succeeds_with_its_uuid_in_the_errors() {
        SaveResult published = SaveResults.read(Contract.json("rest/event-published.json"), true);

        assertThat(published.success()).isTrue();
        assertThat(published.retryable()).isFalse();
        assertThat(published.eventUuid()).contains("e981b488-81f3-4fcc-bd6f-f7033c9d7ac3");
    }

    @Test
    void limits_read_max_and_remaining_and_skip_per_app_breakdowns() {
        Map<String, OrgLimit> limits = OrgLimit.parse(Contract.json("rest/limits.json"));

        assertThat(limits.get("DailyApiRequests")).isEqualTo(new OrgLimit("DailyApiRequests", 15000, 14998));
        assertThat(limits.get("DailyApiRequests").used()).isEqualTo(2);
        assertThat(limits).containsKeys("DailyBulkApiBatches", "HourlyPublishedPlatformEvents");
    }

    @Test
    void call_errors_come_as_arrays_with_or_without_fields() {
        var notFound = ErrorResponses.failure("GET /x", 404, Contract.bytes("rest/error-array.json"));
        var validation = ErrorResponses.failure("POST /x", 400, Contract.bytes("rest/error-with-fields.json"));

        assertThat(notFound.kind()).isEqualTo(ErrorKind.NOT_FOUND);
        assertThat(validation.errors().getFirst().fields()).containsExactly("Website");
        assertThat(validation.kind()).isEqualTo(ErrorKind.DATA);
    }
}
