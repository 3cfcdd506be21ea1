package dev.sfsync.emulator.bulk2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class IngestCsvErrorsTest extends Bulk2Test {

    private JsonNode failedJob(String csv, String... more) {
        JsonNode info = runJob("Account", "insert", csv, more);
        assertThat(info.path("state").asText()).as(info.toString()).isEqualTo("Failed");
        assertThat(info.path("numberRecordsProcessed").asLong()).isZero();
        assertThat(liveCount("Account")).isZero();
        return info;
    }

    @Test
    void an_unknown_column_fails_the_job_and_leaves_every_row_unprocessed() {
        JsonNode info = failedJob("Name,Foo\nA,1\nB,2\n");
        assertThat(info.path("errorMessage").asText()).isEqualTo("InvalidBatch : Field name not found : Foo");
        assertThat(results(info.path("id").asText(), "unprocessedrecords")).isEqualTo("Name,Foo\nA,1\nB,2\n");
    }

    @Test
    void a_field_hidden_by_field_level_security_is_not_found_either() {
        Http sales = http.withToken(host.sessions().issue(host.org().user("sales@test.org").orElseThrow(),
                host.org().definition().connectedApps().getFirst(), "api", null).accessToken());
        String id = sales.post(data(INGEST), java.util.Map.of("object", "Account", "operation", "insert")).json().path("id").asText();
        sales.put(data(INGEST + "/" + id + "/batches"), "text/csv", "Name,Secret_Notes__c\nA,x\n");
        sales.patch(data(INGEST + "/" + id), java.util.Map.of("state", "UploadComplete"));
        awaitJobs();
        assertThat(info(INGEST, id).path("errorMessage").asText()).isEqualTo("InvalidBatch : Field name not found : Secret_Notes__c");
    }

    @Test
    void a_file_whose_lines_do_not_end_as_declared_fails() {
        assertThat(failedJob("Name\r\nA\r\n").path("errorMessage").asText())
                .startsWith("ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF");
        assertThat(failedJob("Name\nA\n", "lineEnding", "CRLF").path("errorMessage").asText())
                .startsWith("ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is CRLF");
    }

    @Test
    void a_quote_left_open_fails_the_job() {
        assertThat(failedJob("Name,Phone\n\"Open,1\nB,2\n").path("errorMessage").asText())
                .startsWith("InvalidBatch : Failed to parse CSV. EOF reached before closing an opened quote");
    }

    @Test
    void a_stray_quote_fails_the_job() {
        assertThat(failedJob("Name\nAb\"c\n").path("errorMessage").asText())
                .startsWith("InvalidBatch : Failed to parse CSV. Found unescaped quote. A value with quote should be within a quote (line 2)");
        assertThat(failedJob("Name,Phone\n\"Ab\"c,1\n").path("errorMessage").asText())
                .startsWith("InvalidBatch : Failed to parse CSV. Found unescaped quote.");
    }

    @Test
    void a_line_break_inside_quotes_is_part_of_the_value() {
        JsonNode info = runJob("Account", "insert", "Name,Description\nA,\"two\nlines\"\n");
        assertThat(info.path("state").asText()).isEqualTo("JobComplete");
        assertThat(host.org().store("Account").orElseThrow().all().iterator().next().get("Description")).isEqualTo("two\nlines");
    }

    @Test
    void a_byte_order_mark_before_the_header_is_not_part_of_the_first_name() {
        JsonNode info = runJob("Account", "insert", "\uFEFFName,Phone\nA,1\n");
        assertThat(info.path("state").asText()).isEqualTo("JobComplete");
        assertThat(liveCount("Account")).isEqualTo(1);
    }

    @Test
    void an_empty_upload_fails_the_job() {
        assertThat(failedJob("").path("errorMessage").asText()).startsWith("InvalidBatch : The uploaded CSV is empty");
    }

    @Test
    void a_job_closed_without_data_fails() {
        String id = createJob("Account", "insert").path("id").asText();
        setState(INGEST + "/" + id, "UploadComplete");
        awaitJobs();
        assertThat(info(INGEST, id).path("state").asText()).isEqualTo("Failed");
        assertThat(info(INGEST, id).path("errorMessage").asText()).startsWith("InvalidBatch : No data was uploaded");
    }

    @Test
    void a_column_named_twice_fails_the_job() {
        assertThat(failedJob("Name,Phone,name\nA,1,B\n").path("errorMessage").asText())
                .startsWith("InvalidBatch : Duplicate field name found in the header row : name");
    }

    @Test
    void a_header_only_file_completes_with_nothing_to_do() {
        JsonNode info = runJob("Account", "insert", "Name\n");
        assertThat(info.path("state").asText()).isEqualTo("JobComplete");
        assertThat(info.path("numberRecordsProcessed").asLong()).isZero();
    }

    @Test
    void a_row_with_the_wrong_number_of_values_fails_alone() {
        JsonNode info = runJob("Account", "insert", "Name,Phone\nA,1\nB\nC,3,extra\n");
        assertThat(info.path("numberRecordsProcessed").asLong()).isEqualTo(3);
        assertThat(info.path("numberRecordsFailed").asLong()).isEqualTo(2);
        assertThat(results(info.path("id").asText(), "failedResults"))
                .contains("\"\",\"INVALID_FIELD:The row has 1 values but the header names 2 columns; give every row one value per column (empty to leave a field alone):--\",\"B\",\"\"");
    }

    @Test
    void job_data_must_be_sent_as_csv() {
        String id = createJob("Account", "insert").path("id").asText();
        Http.Response response = http.put(data(INGEST + "/" + id + "/batches"), "application/json", "{}");
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.errorCode()).isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }
}
