package dev.sfsync.emulator.bulk2;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryJobTest extends Bulk2Test {

    @AfterEach
    void resume() {
        host.bulk2().resumeProcessing();
    }

    private void accounts(int count) {
        StringBuilder csv = new StringBuilder("Name,Phone\n");
        for (int i = 0; i < count; i++) {
            csv.append("Account ").append(i).append(',').append(i % 2 == 0 ? "555-" + i : "").append('\n');
        }
        runJob("Account", "insert", csv.toString());
    }

    private String createQuery(String soql, String... more) {
        Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of("operation", "query", "query", soql));
        for (int i = 0; i < more.length; i += 2) {
            body.put(more[i], more[i + 1]);
        }
        Http.Response response = http.post(data(QUERY), body);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().path("id").asText();
    }

    @Test
    void a_query_job_is_created_upload_complete_and_completes_with_its_count() {
        accounts(3);
        Http.Response created = http.post(data(QUERY), Map.of("operation", "query", "query", "SELECT Id, Name FROM Account"));
        JsonNode job = created.json();
        List<String> names = new ArrayList<>();
        job.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state",
                "concurrencyMode", "contentType", "apiVersion", "lineEnding", "columnDelimiter");
        assertThat(job.path("state").asText()).isEqualTo("UploadComplete");
        assertThat(job.path("object").asText()).isEqualTo("Account");
        awaitJobs();
        JsonNode info = info(QUERY, job.path("id").asText());
        assertThat(info.path("state").asText()).isEqualTo("JobComplete");
        assertThat(info.path("jobType").asText()).isEqualTo("V2Query");
        assertThat(info.path("numberRecordsProcessed").asLong()).isEqualTo(3);
        assertThat(info.path("isPkChunkingSupported").asBoolean()).isTrue();
    }

    @Test
    void results_come_in_sets_linked_by_the_locator_header() {
        accounts(5);
        String id = createQuery("SELECT Name, Phone FROM Account ORDER BY Name");
        awaitJobs();
        List<String> all = new ArrayList<>();
        String locator = null;
        int sets = 0;
        do {
            Http.Response page = http.get(data(QUERY + "/" + id + "/results?maxRecords=2" + (locator == null ? "" : "&locator=" + locator)));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.header("Content-Type")).startsWith("text/csv");
            List<String> lines = page.body().lines().toList();
            assertThat(lines.getFirst()).isEqualTo("\"Name\",\"Phone\"");
            assertThat(page.header("Sforce-NumberOfRecords")).isEqualTo(String.valueOf(lines.size() - 1));
            all.addAll(lines.subList(1, lines.size()));
            locator = page.header("Sforce-Locator");
            sets++;
        } while (!"null".equals(locator));
        assertThat(sets).isEqualTo(3);
        assertThat(all).containsExactly("\"Account 0\",\"555-0\"", "\"Account 1\",\"\"", "\"Account 2\",\"555-2\"", "\"Account 3\",\"\"",
                "\"Account 4\",\"555-4\"");
    }

    @Test
    void a_locator_can_be_used_again_and_reaches_past_a_thousand_records() {
        accounts(2_500);
        String id = createQuery("SELECT Name FROM Account");
        awaitJobs();
        Http.Response first = http.get(data(QUERY + "/" + id + "/results?maxRecords=1500"));
        String locator = first.header("Sforce-Locator");
        assertThat(locator).isEqualTo(QueryEndpoints.locator(1_500));
        Http.Response second = http.get(data(QUERY + "/" + id + "/results?maxRecords=1500&locator=" + locator));
        Http.Response again = http.get(data(QUERY + "/" + id + "/results?maxRecords=1500&locator=" + locator));
        assertThat(second.body()).isEqualTo(again.body());
        assertThat(second.header("Sforce-NumberOfRecords")).isEqualTo("1000");
        assertThat(second.header("Sforce-Locator")).isEqualTo("null");
        assertThat(second.body().lines().skip(1).findFirst().orElseThrow()).isEqualTo("\"Account 1500\"");
        Http.Response whole = http.get(data(QUERY + "/" + id + "/results"));
        assertThat(whole.header("Sforce-NumberOfRecords")).isEqualTo("2500");
    }

    @Test
    void result_pages_list_the_urls_of_the_sets() {
        accounts(3);
        String id = createQuery("SELECT Name FROM Account");
        awaitJobs();
        JsonNode pages = http.get(data(QUERY + "/" + id + "/resultPages")).json();
        assertThat(pages.path("done").asBoolean()).isTrue();
        assertThat(pages.path("nextRecordsUrl").isNull()).isTrue();
        assertThat(pages.path("resultPages")).hasSize(1);
        String url = pages.path("resultPages").get(0).path("resultUrl").asText();
        assertThat(url).startsWith("/services/data/v60.0/jobs/query/" + id + "/results?locator=");
        Http.Response set = http.get(url);
        assertThat(set.header("Sforce-NumberOfRecords")).isEqualTo("3");
        assertThat(set.header("Sforce-Locator")).isEqualTo("null");
    }

    @Test
    void query_all_includes_deleted_records_and_relationship_columns_are_flat() {
        String parent = http.post(data("/sobjects/Account"), Map.of("Name", "Parent")).json().path("id").asText();
        String gone = http.post(data("/sobjects/Account"), Map.of("Name", "Gone")).json().path("id").asText();
        http.post(data("/sobjects/Contact"), Map.of("LastName", "Child", "AccountId", parent));
        http.delete(data("/sobjects/Account/" + gone));
        String live = createQuery("SELECT Id FROM Account");
        String all = createQuery("SELECT Id, IsDeleted FROM Account", "operation", "queryAll");
        String contacts = createQuery("SELECT LastName, Account.Name, Email FROM Contact", "columnDelimiter", "PIPE", "lineEnding", "CRLF");
        awaitJobs();
        assertThat(http.get(data(QUERY + "/" + live + "/results")).body()).isEqualTo("\"Id\"\n\"" + parent + "\"\n");
        assertThat(info(QUERY, all).path("operation").asText()).isEqualTo("queryAll");
        assertThat(http.get(data(QUERY + "/" + all + "/results")).body())
                .isEqualTo("\"Id\",\"IsDeleted\"\n\"" + parent + "\",\"false\"\n\"" + gone + "\",\"true\"\n");
        assertThat(http.get(data(QUERY + "/" + contacts + "/results")).body())
                .as("null values are empty").isEqualTo("\"LastName\"|\"Account.Name\"|\"Email\"\r\n\"Child\"|\"Parent\"|\"\"\r\n");
    }

    @Test
    void bad_queries_are_refused_when_the_job_is_created() {
        Http.Response malformed = http.post(data(QUERY), Map.of("operation", "query", "query", "SELEKT Id FROM Account"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(http.post(data(QUERY), Map.of("operation", "query", "query", "SELECT Nope__c FROM Account")).errorCode()).isEqualTo("INVALID_FIELD");
        Http.Response aggregate = http.post(data(QUERY), Map.of("operation", "query", "query", "SELECT COUNT() FROM Account"));
        assertThat(aggregate.status()).isEqualTo(400);
        assertThat(aggregate.json().path(0).path("message").asText()).contains("Aggregate queries are not supported");
        Http.Response subquery = http.post(data(QUERY), Map.of("operation", "query", "query", "SELECT Id, (SELECT Id FROM Contacts) FROM Account"));
        assertThat(subquery.json().path(0).path("message").asText()).contains("Child relationship subqueries are not supported");
        Http.Response cube = http.post(data(QUERY), Map.of("operation", "query", "query", "SELECT Name FROM Account GROUP BY CUBE(Name)"));
        assertThat(cube.errorCode()).isEqualTo("MALFORMED_QUERY");
        assertThat(http.post(data(QUERY), Map.of("operation", "select", "query", "SELECT Id FROM Account")).errorCode()).isEqualTo("API_ERROR");
        assertThat(http.post(data(QUERY), Map.of("operation", "query")).errorCode()).isEqualTo("API_ERROR");
    }

    @Test
    void results_need_a_complete_job_the_same_api_version_and_a_valid_locator() {
        host.bulk2().pauseProcessing();
        String id = createQuery("SELECT Id FROM Account");
        Http.Response early = http.get(data(QUERY + "/" + id + "/results"));
        assertThat(early.status()).isEqualTo(400);
        assertThat(early.errorCode()).isEqualTo("INVALIDJOBSTATE");
        host.bulk2().resumeProcessing();
        awaitJobs();
        assertThat(http.get("/services/data/v59.0" + QUERY + "/" + id + "/results").status()).isEqualTo(409);
        assertThat(http.get(data(QUERY + "/" + id + "/results?locator=@@@")).errorCode()).isEqualTo("INVALID_QUERY_LOCATOR");
        assertThat(http.get(data(QUERY + "/" + id + "/results?maxRecords=0")).errorCode()).isEqualTo("API_ERROR");
    }

    @Test
    void a_query_job_can_be_aborted_while_waiting_but_not_once_complete() {
        host.bulk2().pauseProcessing();
        String waiting = createQuery("SELECT Id FROM Account");
        JsonNode aborted = setState(QUERY + "/" + waiting, "Aborted").json();
        assertThat(aborted.path("state").asText()).isEqualTo("Aborted");
        host.bulk2().resumeProcessing();
        String done = createQuery("SELECT Id FROM Account");
        awaitJobs();
        assertThat(info(QUERY, waiting).path("state").asText()).isEqualTo("Aborted");
        Http.Response late = setState(QUERY + "/" + done, "Aborted");
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.errorCode()).isEqualTo("INVALIDJOBSTATE");
        assertThat(late.json().path(0).path("message").asText()).isEqualTo("Aborting already Completed Job not allowed");
        assertThat(setState(QUERY + "/" + done, "UploadComplete").errorCode()).isEqualTo("INVALIDJOBSTATE");
    }

    @Test
    void query_jobs_are_listed_and_deleted_once_terminated() {
        host.bulk2().pauseProcessing();
        String waiting = createQuery("SELECT Id FROM Account");
        assertThat(http.delete(data(QUERY + "/" + waiting)).errorCode()).isEqualTo("API_ERROR");
        host.bulk2().resumeProcessing();
        awaitJobs();
        JsonNode list = http.get(data(QUERY)).json();
        assertThat(list.path("done").asBoolean()).isTrue();
        assertThat(list.path("records")).hasSize(1);
        assertThat(list.path("records").get(0).path("jobType").asText()).isEqualTo("V2Query");
        assertThat(http.get(data(QUERY + "?jobType=V2Ingest")).json().path("records")).isEmpty();
        assertThat(http.delete(data(QUERY + "/" + waiting)).status()).isEqualTo(204);
        assertThat(http.get(data(QUERY + "/" + waiting)).status()).isEqualTo(404);
    }
}
