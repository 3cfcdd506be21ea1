package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.org.StoredRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static dev.sfsync.emulator.bulk1.BulkHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

class CsvIngestTest extends EmulatorTest {
    private BulkHttp bulk;

    @BeforeEach
    void bulk() {
        bulk = new BulkHttp(http);
    }

    @Test
    void an_insert_batch_answers_queued_then_completes_with_results_in_input_order() {
        String jobId = bulk.createJob("insert", "Account", "CSV");

        Http.Response added = bulk.post(ASYNC + "/job/" + jobId + "/batch", "text/csv",
                "Name,Tier__c\nAcme,Gold\n,Silver\n\"Globex, Inc\",Nope\n");
        String batchId = xml(added.body(), "id");
        Http.Response info = bulk.awaitBatch(jobId, batchId);
        Http.Response results = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result");

        assertThat(added.status()).isEqualTo(201);
        assertThat(batchId).hasSize(18).startsWith("751");
        assertThat(xml(added.body(), "jobId")).isEqualTo(jobId);
        assertThat(xml(added.body(), "state")).isIn("Queued", "InProgress", "Completed");
        assertThat(xml(info.body(), "state")).isEqualTo("Completed");
        assertThat(xml(info.body(), "numberRecordsProcessed")).isEqualTo("3");
        assertThat(xml(info.body(), "numberRecordsFailed")).isEqualTo("2");
        assertThat(results.header("Content-Type")).startsWith("text/csv");
        String[] lines = results.body().split("\n");
        assertThat(lines[0]).isEqualTo("\"Id\",\"Success\",\"Created\",\"Error\"");
        assertThat(lines[1]).matches("\"001\\w{15}\",\"true\",\"true\",\"\"");
        assertThat(lines[2]).isEqualTo("\"\",\"false\",\"false\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --\"");
        assertThat(lines[3]).isEqualTo("\"\",\"false\",\"false\",\"INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST:"
                + "Tier__c: bad value for restricted picklist field: Nope:Tier__c --\"");
        String id = lines[1].substring(1, 19);
        assertThat(host.org().findRecord(id).orElseThrow().get("Name")).isEqualTo("Acme");
    }

    @Test
    void job_info_counts_batches_and_records() {
        String jobId = bulk.createJob("insert", "Account", "CSV");
        String first = bulk.addBatch(jobId, "text/csv", "Name\nA\nB\n");
        String second = bulk.addBatch(jobId, "text/csv", "Name\n\"\"\n");
        bulk.awaitBatch(jobId, first);
        bulk.awaitBatch(jobId, second);

        String info = bulk.get(ASYNC + "/job/" + jobId).body();

        assertThat(xml(info, "numberBatchesTotal")).isEqualTo("2");
        assertThat(xml(info, "numberBatchesCompleted")).isEqualTo("2");
        assertThat(xml(info, "numberRecordsProcessed")).isEqualTo("3");
        assertThat(xml(info, "numberRecordsFailed")).isEqualTo("1");
    }

    @Test
    void update_leaves_empty_fields_alone_and_sets_na_fields_to_null() {
        String id = insert("Name,Phone,Website\nAcme,555-0100,https://acme.test\n");
        String jobId = bulk.createJob("update", "Account", "CSV");

        String batchId = bulk.addBatch(jobId, "text/csv", "Id,Name,Phone,Website\n" + id + ",Acme Renamed,,#N/A\n");
        bulk.awaitBatch(jobId, batchId);
        String results = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").body();

        assertThat(results.split("\n")[1]).isEqualTo("\"" + id + "\",\"true\",\"false\",\"\"");
        StoredRecord account = host.org().findRecord(id).orElseThrow();
        assertThat(account.get("Name")).isEqualTo("Acme Renamed");
        assertThat(account.get("Phone")).isEqualTo("555-0100");
        assertThat(account.get("Website")).isNull();
    }

    @Test
    void update_without_an_id_fails_that_record_only() {
        String jobId = bulk.createJob("update", "Account", "CSV");

        String batchId = bulk.addBatch(jobId, "text/csv", "Id,Name\n,Nobody\n");
        bulk.awaitBatch(jobId, batchId);

        assertThat(bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").body())
                .contains("\"MISSING_ARGUMENT:Id not specified in an update call:Id --\"");
    }

    @Test
    void upsert_by_external_id_reports_created_per_record_and_refuses_duplicate_keys() {
        insert("Name,External_Key__c\nOld,K-1\n");
        String jobId = bulk.createJob("upsert", "Account", "CSV", "<externalIdFieldName>External_Key__c</externalIdFieldName>");

        String batchId = bulk.addBatch(jobId, "text/csv", "External_Key__c,Name\nK-1,Updated\nK-2,New\nK-3,Twice\nk-3,Again\n");
        bulk.awaitBatch(jobId, batchId);
        String[] lines = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").body().split("\n");

        assertThat(lines[1]).matches("\"001\\w{15}\",\"true\",\"false\",\"\"");
        assertThat(lines[2]).matches("\"001\\w{15}\",\"true\",\"true\",\"\"");
        assertThat(lines[3]).contains("DUPLICATE_EXTERNAL_ID:Duplicate external id specified: K-3:External_Key__c --");
        assertThat(lines[4]).contains("DUPLICATE_EXTERNAL_ID");
        assertThat(host.org().findRecord(lines[1].substring(1, 19)).orElseThrow().get("Name")).isEqualTo("Updated");
    }

    @Test
    void a_lookup_can_name_its_parent_by_external_id_in_a_dotted_column() {
        String accountId = insert("Name,External_Key__c\nParent,P-1\n");
        String jobId = bulk.createJob("insert", "Contact", "CSV");

        String batchId = bulk.addBatch(jobId, "text/csv", "LastName,Account.External_Key__c\nChild,P-1\nOrphan,P-404\n");
        bulk.awaitBatch(jobId, batchId);
        String[] lines = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").body().split("\n");

        assertThat(host.org().findRecord(lines[1].substring(1, 19)).orElseThrow().get("AccountId")).isEqualTo(accountId);
        assertThat(lines[2]).contains("INVALID_FIELD:Foreign key external ID: P-404 not found");
    }

    @Test
    void delete_flags_records_deleted_and_hard_delete_removes_them() {
        String soft = insert("Name\nSoft\n");
        String hard = insert("Name\nHard\n");

        runBatch("delete", "Id\n" + soft + "\n");
        runBatch("hardDelete", "Id\n" + hard + "\n");

        assertThat(host.org().store("Account").orElseThrow().get(soft).orElseThrow().isDeleted()).isTrue();
        assertThat(host.org().store("Account").orElseThrow().get(hard)).isEmpty();
    }

    @Test
    void deleting_an_unknown_id_fails_that_record() {
        String results = runBatch("delete", "Id\n001000000000001AAA\n");

        assertThat(results).contains("INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--");
    }

    @Test
    void the_request_of_a_batch_is_returned_as_sent() {
        String jobId = bulk.createJob("insert", "Account", "CSV");
        String body = "Name\n\"Quoted, name\"\n";
        String batchId = bulk.addBatch(jobId, "text/csv", body);

        Http.Response request = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/request");

        assertThat(request.status()).isEqualTo(200);
        assertThat(request.header("Content-Type")).startsWith("text/csv");
        assertThat(request.body()).isEqualTo(body);
    }

    @Test
    void batches_are_listed_in_the_order_they_were_added() {
        String jobId = bulk.createJob("insert", "Account", "CSV");
        String first = bulk.addBatch(jobId, "text/csv", "Name\nA\n");
        String second = bulk.addBatch(jobId, "text/csv", "Name\nB\n");

        Http.Response list = bulk.get(ASYNC + "/job/" + jobId + "/batch");

        assertThat(BulkHttp.root(list.body()).getLocalName()).isEqualTo("batchInfoList");
        assertThat(BulkHttp.xmlAll(list.body(), "id")).containsExactly(first, second);
    }

    @Test
    void an_unknown_batch_is_invalid_batch() {
        String jobId = bulk.createJob("insert", "Account", "CSV");

        Http.Response answer = bulk.get(ASYNC + "/job/" + jobId + "/batch/751000000000000AAA");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("InvalidBatch");
    }

    @Test
    void a_batch_of_another_format_than_the_job_is_refused() {
        String jobId = bulk.createJob("insert", "Account", "CSV");

        Http.Response answer = bulk.post(ASYNC + "/job/" + jobId + "/batch", "application/json", "[{\"Name\":\"A\"}]");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("InvalidBatch");
    }

    private String insert(String csv) {
        String results = runBatch("insert", csv);
        return results.split("\n")[1].substring(1, 19);
    }

    private String runBatch(String operation, String csv) {
        String jobId = bulk.createJob(operation, "Account", "CSV");
        String batchId = bulk.addBatch(jobId, "text/csv", csv);
        assertThat(xml(bulk.awaitBatch(jobId, batchId).body(), "state")).isEqualTo("Completed");
        return bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").body();
    }
}
