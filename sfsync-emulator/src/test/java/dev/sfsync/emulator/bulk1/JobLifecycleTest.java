package dev.sfsync.emulator.bulk1;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import java.util.ArrayList;
import java.util.List;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static dev.sfsync.emulator.bulk1.BulkHttp.NS;
import static dev.sfsync.emulator.bulk1.BulkHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

class JobLifecycleTest extends EmulatorTest {
    private BulkHttp bulk;

    @BeforeEach
    void bulk() {
        bulk = new BulkHttp(http);
    }

    @Test
    void creating_a_job_in_xml_answers_201_with_every_jobinfo_field_in_schema_order() {
        Http.Response response = bulk.post(ASYNC + "/job", "application/xml; charset=UTF-8", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<jobInfo xmlns=\"" + NS + "\"><operation>insert</operation><object>Account</object><contentType>CSV</contentType></jobInfo>");

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Content-Type")).startsWith("application/xml");
        Element root = BulkHttp.root(response.body());
        assertThat(root.getLocalName()).isEqualTo("jobInfo");
        assertThat(root.getNamespaceURI()).isEqualTo(NS);
        assertThat(childNames(root)).containsExactly("id", "operation", "object", "createdById", "createdDate", "systemModstamp", "state",
                "concurrencyMode", "contentType", "numberBatchesQueued", "numberBatchesInProgress", "numberBatchesCompleted",
                "numberBatchesFailed", "numberBatchesTotal", "numberRecordsProcessed", "numberRetries", "apiVersion",
                "numberRecordsFailed", "totalProcessingTime", "apiActiveProcessingTime", "apexProcessingTime");
        assertThat(xml(response.body(), "id")).hasSize(18).startsWith("750");
        assertThat(xml(response.body(), "state")).isEqualTo("Open");
        assertThat(xml(response.body(), "concurrencyMode")).isEqualTo("Parallel");
        assertThat(xml(response.body(), "apiVersion")).isEqualTo("60.0");
        assertThat(xml(response.body(), "createdById")).isEqualTo(host.org().defaultUser().id());
        assertThat(xml(response.body(), "createdDate")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void creating_a_job_in_json_answers_json_with_fields_in_alphabetical_order() {
        Http.Response response = bulk.post(ASYNC + "/job", "application/json",
                "{\"operation\":\"upsert\",\"object\":\"Account\",\"externalIdFieldName\":\"External_Key__c\",\"contentType\":\"JSON\",\"concurrencyMode\":1}");

        assertThat(response.status()).isEqualTo(201);
        JsonNode job = response.json();
        List<String> names = new ArrayList<>();
        job.fieldNames().forEachRemaining(names::add);
        assertThat(names).isSorted().contains("apexProcessingTime", "externalIdFieldName", "numberBatchesTotal", "systemModstamp");
        assertThat(job.path("apiVersion").isNumber()).isTrue();
        assertThat(job.path("apiVersion").asDouble()).isEqualTo(60.0);
        assertThat(job.path("concurrencyMode").asText()).as("simple-salesforce sends 1 for Serial").isEqualTo("Serial");
        assertThat(job.path("externalIdFieldName").asText()).isEqualTo("External_Key__c");
        assertThat(job.path("createdDate").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    }

    @Test
    void a_json_jobinfo_may_carry_every_bean_property_as_serializing_clients_send_it() {
        Http.Response response = bulk.post(ASYNC + "/job", "application/json", "{\"id\":null,\"operation\":\"insert\",\"object\":\"Account\","
                + "\"state\":null,\"contentType\":\"JSON\",\"concurrencyMode\":null,\"numberBatchesQueued\":0,\"apiVersion\":0.0,\"jobType\":null}");

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("state").asText()).isEqualTo("Open");
        assertThat(response.json().path("concurrencyMode").asText()).isEqualTo("Parallel");
    }

    @Test
    void a_job_answers_in_its_own_format_whatever_the_request_says() {
        String jobId = bulk.createJob("insert", "Account", "JSON");

        Http.Response info = bulk.get(ASYNC + "/job/" + jobId);

        assertThat(info.status()).isEqualTo(200);
        assertThat(info.json().path("id").asText()).isEqualTo(jobId);
        assertThat(info.json().path("contentType").asText()).isEqualTo("JSON");
    }

    @Test
    void closing_a_job_sets_it_closed_and_refuses_further_batches() {
        String jobId = bulk.createJob("insert", "Account", "CSV");

        Http.Response closed = bulk.post(ASYNC + "/job/" + jobId, "application/xml",
                "<jobInfo xmlns=\"" + NS + "\"><state>Closed</state></jobInfo>");
        Http.Response batch = bulk.post(ASYNC + "/job/" + jobId + "/batch", "text/csv", "Name\nAcme\n");

        assertThat(closed.status()).isEqualTo(200);
        assertThat(xml(closed.body(), "state")).isEqualTo("Closed");
        assertThat(batch.status()).isEqualTo(400);
        assertThat(xml(batch.body(), "exceptionCode")).isEqualTo("InvalidJobState");
        assertThat(xml(bulk.get(ASYNC + "/job/" + jobId).body(), "numberBatchesTotal")).isEqualTo("0");
    }

    @Test
    void aborting_a_job_sets_it_aborted_and_it_cannot_be_closed_afterwards() {
        String jobId = bulk.createJob("insert", "Account", "CSV");

        Http.Response aborted = bulk.post(ASYNC + "/job/" + jobId, "application/xml", "<jobInfo xmlns=\"" + NS + "\"><state>Aborted</state></jobInfo>");
        Http.Response close = bulk.post(ASYNC + "/job/" + jobId, "application/xml", "<jobInfo xmlns=\"" + NS + "\"><state>Closed</state></jobInfo>");

        assertThat(xml(aborted.body(), "state")).isEqualTo("Aborted");
        assertThat(close.status()).isEqualTo(400);
        assertThat(xml(close.body(), "exceptionCode")).isEqualTo("InvalidJobState");
    }

    @Test
    void a_json_job_is_closed_with_a_json_body() {
        String jobId = bulk.createJob("insert", "Account", "JSON");

        Http.Response closed = bulk.post(ASYNC + "/job/" + jobId, "application/json", "{\"state\":\"Closed\"}");

        assertThat(closed.json().path("state").asText()).isEqualTo("Closed");
    }

    @Test
    void a_state_other_than_closed_or_aborted_is_invalid() {
        String jobId = bulk.createJob("insert", "Account", "CSV");

        Http.Response reopen = bulk.post(ASYNC + "/job/" + jobId, "application/xml", "<jobInfo xmlns=\"" + NS + "\"><state>Open</state></jobInfo>");

        assertThat(reopen.status()).isEqualTo(400);
        assertThat(xml(reopen.body(), "exceptionCode")).isEqualTo("InvalidJobState");
    }

    @Test
    void an_unknown_job_id_is_invalid_job_in_the_format_of_the_request() {
        Http.Response xmlAnswer = bulk.get(ASYNC + "/job/750000000000000AAA");
        Http.Response jsonAnswer = bulk.get(ASYNC + "/job/750000000000000AAA", "application/json");

        assertThat(xmlAnswer.status()).isEqualTo(400);
        assertThat(BulkHttp.root(xmlAnswer.body()).getLocalName()).isEqualTo("error");
        assertThat(xml(xmlAnswer.body(), "exceptionCode")).isEqualTo("InvalidJob");
        assertThat(jsonAnswer.json().path("exceptionCode").asText()).isEqualTo("InvalidJob");
        assertThat(jsonAnswer.json().path("exceptionMessage").asText()).contains("750000000000000AAA");
    }

    @Test
    void another_users_job_is_refused_with_invalid_user() {
        String jobId = bulk.createJob("insert", "Account", "CSV");
        String salesSession = Http.loggedIn(host).withToken(host.sessions().issue(host.org().user("sales@test.org").orElseThrow(),
                host.org().definition().connectedApps().getFirst(), "api", null).accessToken()).token();

        Http.Response answer = bulk.as(salesSession).get(ASYNC + "/job/" + jobId);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("InvalidUser");
    }

    @Test
    void job_creation_checks_operation_object_external_id_and_content_type() {
        assertThat(createError("<operation>INSERT</operation><object>Account</object>")).isEqualTo("InvalidJob");
        assertThat(createError("<operation>insert</operation><object>Nope__c</object>")).isEqualTo("InvalidJob");
        assertThat(createError("<operation>upsert</operation><object>Account</object>")).isEqualTo("InvalidJob");
        assertThat(createError("<operation>upsert</operation><object>Account</object><externalIdFieldName>Website</externalIdFieldName>"))
                .isEqualTo("InvalidJob");
        assertThat(createError("<operation>insert</operation><object>Account</object><contentType>ZIP_CSV</contentType>")).isEqualTo("InvalidJob");
        assertThat(createError("<operation>insert</operation><object>Account</object><colour>red</colour>")).isEqualTo("InvalidJob");
        assertThat(createError("<operation>insert<operation>")).isEqualTo("InvalidXML");
    }

    @Test
    void the_upsert_error_names_the_object_as_salesforce_does() {
        Http.Response response = bulk.post(ASYNC + "/job", "application/xml",
                "<jobInfo xmlns=\"" + NS + "\"><operation>upsert</operation><object>Account</object></jobInfo>");

        assertThat(xml(response.body(), "exceptionMessage")).isEqualTo("External ID was blank for Account. An External ID must be specified for upsert.");
    }

    @Test
    void hard_delete_needs_the_bulk_api_hard_delete_permission() {
        String salesSession = host.sessions().issue(host.org().user("sales@test.org").orElseThrow(),
                host.org().definition().connectedApps().getFirst(), "api", null).accessToken();
        String body = "<jobInfo xmlns=\"" + NS + "\"><operation>hardDelete</operation><object>Account</object><contentType>CSV</contentType></jobInfo>";

        Http.Response refused = bulk.as(salesSession).post(ASYNC + "/job", "application/xml", body);
        Http.Response allowed = bulk.post(ASYNC + "/job", "application/xml", body);

        assertThat(xml(refused.body(), "exceptionCode")).isEqualTo("InvalidJob");
        assertThat(xml(refused.body(), "exceptionMessage")).contains("Bulk API Hard Delete");
        assertThat(allowed.status()).isEqualTo(201);
    }

    @Test
    void a_job_without_content_type_defaults_to_xml() {
        Http.Response response = bulk.post(ASYNC + "/job", "application/xml",
                "<jobInfo xmlns=\"" + NS + "\"><operation>insert</operation><object>Account</object></jobInfo>");

        assertThat(xml(response.body(), "contentType")).isEqualTo("XML");
    }

    private String createError(String elements) {
        Http.Response response = bulk.post(ASYNC + "/job", "application/xml", "<jobInfo xmlns=\"" + NS + "\">" + elements + "</jobInfo>");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return xml(response.body(), "exceptionCode");
    }

    private static List<String> childNames(Element root) {
        List<String> names = new ArrayList<>();
        for (Node child = root.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child.getNodeType() == Node.ELEMENT_NODE) {
                names.add(child.getLocalName());
            }
        }
        return names;
    }
}
