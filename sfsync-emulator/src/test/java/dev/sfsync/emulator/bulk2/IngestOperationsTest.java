package dev.sfsync.emulator.bulk2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.StoredRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class IngestOperationsTest extends Bulk2Test {

    private String account(String name, String key) {
        return http.post(data("/sobjects/Account"), Map.of("Name", name, "External_Key__c", key)).json().path("id").asText();
    }

    private StoredRecord record(String id) {
        return host.org().findRecord(id).orElseThrow();
    }

    @Test
    void update_changes_the_given_fields_ignores_empty_values_and_nulls_na() {
        String id = account("Before", "K-1");
        http.patch(data("/sobjects/Account/" + id), Map.of("Phone", "555", "Website", "https://a.example"));
        JsonNode info = runJob("Account", "update", "Id,Name,Phone,Website\n" + id + ",After,,#N/A\n,Nobody,,\n");
        assertThat(info.path("numberRecordsProcessed").asLong()).isEqualTo(2);
        assertThat(info.path("numberRecordsFailed").asLong()).isEqualTo(1);
        assertThat(record(id).get("Name")).isEqualTo("After");
        assertThat(record(id).get("Phone")).as("an empty value leaves the field alone").isEqualTo("555");
        assertThat(record(id).get("Website")).as("#N/A sets the field to null").isNull();
        assertThat(results(info.path("id").asText(), "successfulResults").lines().skip(1).toList())
                .containsExactly("\"" + id + "\",\"false\",\"" + id + "\",\"After\",\"\",\"#N/A\"");
        assertThat(results(info.path("id").asText(), "failedResults"))
                .contains("\"\",\"MISSING_ARGUMENT:Id not specified in an update call:Id --\",\"\",\"Nobody\",\"\",\"\"");
    }

    @Test
    void upsert_creates_and_updates_by_external_id_and_refuses_duplicates_in_a_job() {
        String existing = account("Old", "U-1");
        JsonNode job = createJob("Account", "upsert", "externalIdFieldName", "External_Key__c");
        assertThat(job.path("externalIdFieldName").asText()).isEqualTo("External_Key__c");
        String id = job.path("id").asText();
        upload(id, "External_Key__c,Name\nU-1,Renamed\nU-2,New\nU-3,Twice\nu-3,Again\n,No key\n");
        setState(INGEST + "/" + id, "UploadComplete");
        awaitJobs();
        assertThat(record(existing).get("Name")).isEqualTo("Renamed");
        List<String> successful = results(id, "successfulResults").lines().skip(1).toList();
        assertThat(successful).hasSize(2);
        assertThat(successful.get(0)).isEqualTo("\"" + existing + "\",\"false\",\"U-1\",\"Renamed\"");
        assertThat(successful.get(1)).matches("\"001\\w{15}\",\"true\",\"U-2\",\"New\"");
        String failed = results(id, "failedResults");
        assertThat(failed).contains("\"DUPLICATE_EXTERNAL_ID:Duplicate external id specified: U-3:External_Key__c --\",\"U-3\",\"Twice\"");
        assertThat(failed).contains("\"DUPLICATE_EXTERNAL_ID:Duplicate external id specified: u-3:External_Key__c --\",\"u-3\",\"Again\"");
        assertThat(failed).contains("\"MISSING_ARGUMENT:External_Key__c not specified:External_Key__c --\",\"\",\"No key\"");
    }

    @Test
    void upsert_on_id_creates_rows_without_an_id_and_updates_the_others() {
        String existing = account("Old", "I-1");
        JsonNode info = runJob("Account", "upsert", "Id,Name\n" + existing + ",Renamed\n,Created\n", "externalIdFieldName", "Id");
        assertThat(info.path("numberRecordsFailed").asLong()).isZero();
        assertThat(record(existing).get("Name")).isEqualTo("Renamed");
        assertThat(liveCount("Account")).isEqualTo(2);
    }

    @Test
    void delete_sends_records_to_the_recycle_bin() {
        String id = account("Doomed", "D-1");
        JsonNode info = runJob("Account", "delete", "Id\n" + id + "\n001000000000000AAA\n");
        assertThat(info.path("numberRecordsFailed").asLong()).isEqualTo(1);
        assertThat(host.org().store("Account").orElseThrow().get(id).orElseThrow().isDeleted()).isTrue();
        assertThat(results(info.path("id").asText(), "failedResults")).contains("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");
    }

    @Test
    void hard_delete_removes_records_for_good() {
        String id = account("Gone", "H-1");
        JsonNode info = runJob("Account", "hardDelete", "Id\n" + id + "\n");
        assertThat(info.path("state").asText()).isEqualTo("JobComplete");
        assertThat(info.path("operation").asText()).isEqualTo("hardDelete");
        assertThat(host.org().store("Account").orElseThrow().get(id)).as("not even in the Recycle Bin").isEmpty();
        assertThat(http.get(data("/queryAll?q=SELECT+Id+FROM+Account")).json().path("totalSize").asInt()).isZero();
    }

    @Test
    void hard_delete_needs_the_bulk_api_hard_delete_permission() {
        Http sales = Http.loggedIn(host).withToken(host.sessions().issue(host.org().user("sales@test.org").orElseThrow(),
                host.org().definition().connectedApps().getFirst(), "api", null).accessToken());
        Http.Response response = sales.post(data(INGEST), Map.of("object", "Account", "operation", "hardDelete"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.errorCode()).isEqualTo("INVALIDUSER");
        assertThat(response.json().path(0).path("message").asText()).contains("Bulk API Hard Delete");
        assertThat(sales.post(data(INGEST), Map.of("object", "Account", "operation", "delete")).status()).isEqualTo(200);
    }

    @Test
    void rows_get_the_same_checks_and_error_codes_as_rest() {
        JsonNode info = runJob("Account", "insert", "Name,Website,Score__c,Secret_Notes__c\n"
                + ",https://ok.example,1,\nA,http://insecure.example,1,\nB,https://ok.example,abc,\n");
        String failed = results(info.path("id").asText(), "failedResults");
        assertThat(failed).contains("REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --");
        assertThat(failed).contains("FIELD_CUSTOM_VALIDATION_EXCEPTION:Website must start with https://:Website --");
        assertThat(failed).contains("INVALID_TYPE_ON_FIELD_IN_RECORD:");
        assertThat(info.path("numberRecordsFailed").asLong()).isEqualTo(3);
    }

    @Test
    void a_parent_is_found_through_its_external_id_column() {
        String parent = account("Parent", "P-1");
        JsonNode info = runJob("Invoice__c", "insert", "Amount__c,Account__r.External_Key__c\n10,P-1\n20,P-404\n");
        assertThat(info.path("numberRecordsFailed").asLong()).isEqualTo(1);
        StoredRecord invoice = host.org().store("Invoice__c").orElseThrow().all().iterator().next();
        assertThat(invoice.get("Account__c")).isEqualTo(parent);
        assertThat(results(info.path("id").asText(), "failedResults")).contains("Foreign key external ID: P-404 not found");
    }

    @Test
    void every_documented_delimiter_and_crlf_are_read_and_used_for_results() {
        record Format(String delimiter, String character) {
        }
        for (Format format : List.of(new Format("TAB", "\t"), new Format("PIPE", "|"), new Format("SEMICOLON", ";"),
                new Format("CARET", "^"), new Format("BACKQUOTE", "`"))) {
            String csv = "Name" + format.character() + "Phone\r\n\"A" + format.character() + "B\"" + format.character() + "1\r\n";
            JsonNode info = runJob("Account", "insert", csv, "columnDelimiter", format.delimiter(), "lineEnding", "CRLF");
            assertThat(info.path("state").asText()).as(format.delimiter()).isEqualTo("JobComplete");
            assertThat(info.path("columnDelimiter").asText()).isEqualTo(format.delimiter());
            assertThat(results(info.path("id").asText(), "successfulResults"))
                    .startsWith("\"sf__Id\"" + format.character() + "\"sf__Created\"" + format.character() + "Name" + format.character() + "Phone\r\n")
                    .endsWith(format.character() + "\"A" + format.character() + "B\"" + format.character() + "\"1\"\r\n");
        }
        assertThat(host.org().store("Account").orElseThrow().all()).extracting(r -> r.get("Name")).containsOnly("A\tB", "A|B", "A;B", "A^B", "A`B");
    }

    @Test
    void a_job_larger_than_one_chunk_is_processed_whole() {
        StringBuilder csv = new StringBuilder("Name,External_Key__c\n");
        int rows = IngestProcessor.CHUNK_SIZE * 2 + 500;
        for (int i = 0; i < rows; i++) {
            csv.append("Row ").append(i).append(",K-").append(i).append('\n');
        }
        JsonNode info = runJob("Account", "insert", csv.toString());
        assertThat(info.path("numberRecordsProcessed").asLong()).isEqualTo(rows);
        assertThat(info.path("numberRecordsFailed").asLong()).isZero();
        assertThat(liveCount("Account")).isEqualTo(rows);
        assertThat(results(info.path("id").asText(), "successfulResults").lines().count()).isEqualTo(rows + 1);
    }
}
