package dev.sfsync.emulator.bulk1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static org.assertj.core.api.Assertions.assertThat;

/** JSON jobs as simple-salesforce runs them: JSON job, JSON batches, JSON batchInfo and JSON results. */
class JsonIngestTest extends EmulatorTest {
    private BulkHttp bulk;

    @BeforeEach
    void bulk() {
        bulk = new BulkHttp(http);
    }

    @Test
    void a_json_insert_answers_json_batch_info_and_json_results() {
        String jobId = jsonJob("{\"operation\":\"insert\",\"object\":\"Account\",\"contentType\":\"JSON\"}");

        Http.Response added = bulk.post(ASYNC + "/job/" + jobId + "/batch", "application/json",
                "[{\"Name\":\"Acme\",\"Is_Partner__c\":true,\"Score__c\":12.5},{\"attributes\":{\"type\":\"Account\"},\"Name\":null}]");
        String batchId = added.json().path("id").asText();
        JsonNode info = bulk.awaitBatch(jobId, batchId).json();
        Http.Response results = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result", "application/json");

        assertThat(added.status()).isEqualTo(201);
        assertThat(fieldNames(added.json())).isSorted().contains("jobId", "state", "numberRecordsProcessed");
        assertThat(info.path("state").asText()).isEqualTo("Completed");
        assertThat(info.path("numberRecordsFailed").asInt()).isEqualTo(1);
        assertThat(info.path("createdDate").asText()).endsWith("+0000");
        JsonNode created = results.json().get(0);
        assertThat(fieldNames(created)).containsExactly("success", "created", "id", "errors");
        assertThat(created.path("success").asBoolean()).isTrue();
        assertThat(created.path("created").asBoolean()).isTrue();
        assertThat(host.org().findRecord(created.path("id").asText()).orElseThrow().get("Is_Partner__c")).isEqualTo(true);
        JsonNode failed = results.json().get(1);
        assertThat(failed.path("id").isNull()).isTrue();
        JsonNode error = failed.path("errors").get(0);
        assertThat(fieldNames(error)).containsExactly("message", "fields", "statusCode", "extendedErrorDetails");
        assertThat(error.path("statusCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
        assertThat(error.path("fields").get(0).asText()).isEqualTo("Name");
        assertThat(error.path("extendedErrorDetails").isNull()).isTrue();
    }

    @Test
    void a_nested_object_names_a_parent_by_external_id() {
        String accountJob = jsonJob("{\"operation\":\"insert\",\"object\":\"Account\",\"contentType\":\"JSON\"}");
        bulk.awaitBatch(accountJob, bulk.addBatch(accountJob, "application/json", "[{\"Name\":\"Parent\",\"External_Key__c\":\"P-1\"}]"));
        String contactJob = jsonJob("{\"operation\":\"insert\",\"object\":\"Contact\",\"contentType\":\"JSON\"}");

        String batchId = bulk.addBatch(contactJob, "application/json", "[{\"LastName\":\"Child\",\"Account\":{\"External_Key__c\":\"P-1\"}}]");
        bulk.awaitBatch(contactJob, batchId);
        JsonNode result = bulk.get(ASYNC + "/job/" + contactJob + "/batch/" + batchId + "/result").json().get(0);

        assertThat(result.path("success").asBoolean()).isTrue();
        assertThat(host.org().findRecord(result.path("id").asText()).orElseThrow().get("AccountId")).asString().startsWith("001");
    }

    @Test
    void the_batch_list_of_a_json_job_is_an_object_holding_a_batch_info_array() {
        String jobId = jsonJob("{\"operation\":\"insert\",\"object\":\"Account\",\"contentType\":\"JSON\"}");
        String first = bulk.addBatch(jobId, "application/json", "[{\"Name\":\"A\"}]");
        String second = bulk.addBatch(jobId, "application/json", "[{\"Name\":\"B\"}]");

        JsonNode list = bulk.get(ASYNC + "/job/" + jobId + "/batch").json();

        assertThat(list.path("batchInfo").findValuesAsText("id")).containsExactly(first, second);
    }

    @Test
    void malformed_json_and_unknown_fields_fail_the_batch() {
        String jobId = jsonJob("{\"operation\":\"insert\",\"object\":\"Account\",\"contentType\":\"JSON\"}");

        JsonNode malformed = bulk.awaitBatch(jobId, bulk.addBatch(jobId, "application/json", "{\"Name\":\"not an array\"}")).json();
        JsonNode unknown = bulk.awaitBatch(jobId, bulk.addBatch(jobId, "application/json",
                "[{\"Name\":\"A\"},{\"Name\":\"B\",\"Colour__c\":\"red\"}]")).json();

        assertThat(malformed.path("state").asText()).isEqualTo("Failed");
        assertThat(malformed.path("stateMessage").asText()).startsWith("InvalidBatch : A JSON batch must be an array");
        assertThat(unknown.path("stateMessage").asText()).isEqualTo("InvalidBatch : Field name not found : Colour__c");
        assertThat(host.org().store("Account").orElseThrow().liveCount()).isZero();
    }

    @Test
    void an_error_about_a_json_job_is_json() {
        String jobId = jsonJob("{\"operation\":\"insert\",\"object\":\"Account\",\"contentType\":\"JSON\"}");

        Http.Response answer = bulk.get(ASYNC + "/job/" + jobId + "/batch/751000000000000AAA");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("exceptionCode").asText()).isEqualTo("InvalidBatch");
    }

    private String jsonJob(String body) {
        Http.Response created = bulk.post(ASYNC + "/job", "application/json", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
