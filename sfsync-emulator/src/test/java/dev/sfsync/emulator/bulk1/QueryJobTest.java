package dev.sfsync.emulator.bulk1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static dev.sfsync.emulator.bulk1.BulkHttp.xml;
import static dev.sfsync.emulator.bulk1.BulkHttp.xmlAll;
import static org.assertj.core.api.Assertions.assertThat;

/** Query jobs: the batch is a SOQL statement; its result is a list of result ids, each a file of records. */
class QueryJobTest extends EmulatorTest {
    private BulkHttp bulk;

    @BeforeEach
    void bulk() {
        bulk = new BulkHttp(http);
    }

    @Test
    void a_csv_query_answers_a_result_list_then_a_quoted_csv_with_parent_columns() {
        String accountId = http.post("/__admin/records/Account", Map.of("Name", "Acme, Inc", "Score__c", 12)).json().get(0).path("id").asText();
        http.post("/__admin/records/Contact", List.of(Map.of("LastName", "Kim", "AccountId", accountId), Map.of("LastName", "Lee")));
        String jobId = bulk.createJob("query", "Contact", "CSV");

        String batchId = bulk.addBatch(jobId, "text/csv", "SELECT Id, LastName, Account.Name, CreatedDate FROM Contact ORDER BY LastName");
        String info = bulk.awaitBatch(jobId, batchId).body();
        Http.Response list = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result");
        String resultId = xml(list.body(), "result");
        Http.Response csv = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result/" + resultId);

        assertThat(xml(info, "numberRecordsProcessed")).isEqualTo("2");
        assertThat(BulkHttp.root(list.body()).getLocalName()).isEqualTo("result-list");
        assertThat(resultId).hasSize(18).startsWith("752");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] lines = csv.body().split("\n");
        assertThat(lines[0]).isEqualTo("\"Id\",\"LastName\",\"Account.Name\",\"CreatedDate\"");
        assertThat(lines[1]).matches("\"003\\w{15}\",\"Kim\",\"Acme, Inc\",\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z\"");
        assertThat(lines[2]).matches("\"003\\w{15}\",\"Lee\",\"\",\"[^\"]+\"");
    }

    @Test
    void decimals_and_booleans_are_written_as_salesforce_writes_them() {
        http.post("/__admin/records/Account", Map.of("Name", "Acme", "Score__c", 12, "Is_Partner__c", true));
        String jobId = bulk.createJob("query", "Account", "CSV");

        String csv = queryResult(jobId, "SELECT Name, Score__c, Is_Partner__c, NumberOfEmployees FROM Account");

        assertThat(csv.split("\n")[1]).isEqualTo("\"Acme\",\"12.0\",\"true\",\"\"");
    }

    @Test
    void a_query_that_matches_nothing_gives_the_no_records_text() {
        String jobId = bulk.createJob("query", "Account", "CSV");

        assertThat(queryResult(jobId, "SELECT Id FROM Account")).isEqualTo("Records not found for this query");
    }

    @Test
    void a_json_query_answers_result_ids_and_records_with_dates_as_epoch_milliseconds() {
        http.post("/__admin/records/Account", Map.of("Name", "Acme", "Founded__c", "2020-02-03"));
        Http.Response created = bulk.post(ASYNC + "/job", "application/json", "{\"operation\":\"query\",\"object\":\"Account\",\"contentType\":\"JSON\"}");
        String jobId = created.json().path("id").asText();

        String batchId = bulk.addBatch(jobId, "application/json", "SELECT Id, Name, Founded__c, CreatedDate FROM Account");
        bulk.awaitBatch(jobId, batchId);
        JsonNode ids = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").json();
        JsonNode records = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result/" + ids.get(0).asText()).json();

        assertThat(ids.isArray()).isTrue();
        JsonNode record = records.get(0);
        assertThat(record.path("attributes").path("type").asText()).isEqualTo("Account");
        assertThat(record.path("attributes").path("url").asText()).isEqualTo("/services/data/v60.0/sobjects/Account/" + record.path("Id").asText());
        assertThat(record.path("Name").asText()).isEqualTo("Acme");
        assertThat(record.path("Founded__c").asLong()).isEqualTo(Instant.parse("2020-02-03T00:00:00Z").toEpochMilli());
        assertThat(record.path("CreatedDate").isNumber()).isTrue();
    }

    @Test
    void an_xml_query_answers_query_result_records() {
        http.post("/__admin/records/Account", Map.of("Name", "Acme"));
        String jobId = bulk.createJob("query", "Account", "XML");

        String batchId = bulk.addBatch(jobId, "application/xml", "SELECT Id, Name, Website FROM Account");
        bulk.awaitBatch(jobId, batchId);
        String resultId = xml(bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").body(), "result");
        String body = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result/" + resultId).body();

        assertThat(BulkHttp.root(body).getLocalName()).isEqualTo("queryResult");
        assertThat(xml(body, "type")).isEqualTo("Account");
        assertThat(xml(body, "Name")).isEqualTo("Acme");
        assertThat(body).contains("<Website xsi:nil=\"true\"");
    }

    @Test
    void query_all_sees_deleted_records_and_query_does_not() {
        String id = http.post("/__admin/records/Account", Map.of("Name", "Gone")).json().get(0).path("id").asText();
        http.delete("/services/data/v60.0/sobjects/Account/" + id);

        String query = queryResult(bulk.createJob("query", "Account", "CSV"), "SELECT Id, IsDeleted FROM Account");
        String queryAll = queryResult(bulk.createJob("queryAll", "Account", "CSV"), "SELECT Id, IsDeleted FROM Account");

        assertThat(query).isEqualTo("Records not found for this query");
        assertThat(queryAll.split("\n")[1]).isEqualTo("\"" + id + "\",\"true\"");
    }

    @Test
    void a_bad_query_fails_the_batch_with_the_soql_error() {
        String jobId = bulk.createJob("query", "Account", "CSV");

        String info = bulk.awaitBatch(jobId, bulk.addBatch(jobId, "text/csv", "SELECT Nope__c FROM Account")).body();
        String otherObject = bulk.awaitBatch(jobId, bulk.addBatch(jobId, "text/csv", "SELECT Id FROM Contact")).body();
        String count = bulk.awaitBatch(jobId, bulk.addBatch(jobId, "text/csv", "SELECT COUNT() FROM Account")).body();
        String subquery = bulk.awaitBatch(jobId, bulk.addBatch(jobId, "text/csv", "SELECT Id, (SELECT Id FROM Contacts) FROM Account")).body();
        String cube = bulk.awaitBatch(jobId, bulk.addBatch(jobId, "text/csv", "SELECT Name FROM Account GROUP BY CUBE(Name)")).body();

        assertThat(xml(info, "state")).isEqualTo("Failed");
        assertThat(xml(info, "stateMessage")).startsWith("InvalidBatch : Failed to process query: INVALID_FIELD: ");
        assertThat(xml(otherObject, "stateMessage")).contains("INVALID_TYPE");
        assertThat(xml(count, "stateMessage")).contains("Aggregate queries are not supported");
        assertThat(xml(subquery, "stateMessage")).contains("FeatureNotEnabled: Cannot serialize value for 'Contacts'");
        assertThat(xml(cube, "stateMessage")).contains("MALFORMED_QUERY").contains("GROUP BY CUBE is not supported");
    }

    @Test
    void an_unknown_result_id_is_invalid_batch() {
        String jobId = bulk.createJob("query", "Account", "CSV");
        String batchId = bulk.addBatch(jobId, "text/csv", "SELECT Id FROM Account");
        bulk.awaitBatch(jobId, batchId);

        Http.Response answer = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result/752000000000000AAA");

        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("InvalidBatch");
        assertThat(xmlAll(bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").body(), "result")).hasSize(1);
    }

    private String queryResult(String jobId, String soql) {
        String batchId = bulk.addBatch(jobId, "text/csv", soql);
        String info = bulk.awaitBatch(jobId, batchId).body();
        assertThat(xml(info, "state")).as(info).isEqualTo("Completed");
        String resultId = xml(bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").body(), "result");
        return bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result/" + resultId).body();
    }
}
