package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.EmulatorTest;
import dev.sfsync.emulator.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static dev.sfsync.emulator.bulk1.BulkHttp.NS;
import static dev.sfsync.emulator.bulk1.BulkHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How batches run: Parallel batches contend for row locks as in Salesforce, Serial batches never do, an abort stops
 * queued batches only. Batches are lined up while the worker is paused, then released together, so which batch
 * loses a lock does not depend on timing; holding the org's write lock keeps a batch InProgress.
 */
class BatchSchedulingTest extends EmulatorTest {
    private BulkHttp bulk;

    @BeforeEach
    void bulk() {
        bulk = new BulkHttp(http);
    }

    @Test
    void parallel_batches_updating_the_same_record_make_the_later_one_fail_to_lock_it() {
        List<String> ids = accounts("Shared", "Other");
        String jobId = bulk.createJob("update", "Account", "CSV");

        List<String> results = runTogether(jobId, "Id,Name\n" + ids.get(0) + ",First\n",
                "Id,Name\n" + ids.get(0) + ",Second\n" + ids.get(1) + ",Untouched by the first\n");

        assertThat(results.get(0).split("\n")[1]).isEqualTo("\"" + ids.get(0) + "\",\"true\",\"false\",\"\"");
        assertThat(results.get(1).split("\n")[1]).isEqualTo("\"" + ids.get(0) + "\",\"false\",\"false\",\""
                + "UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records: " + ids.get(0) + ":--\"");
        assertThat(results.get(1).split("\n")[2]).contains("\"true\"");
        assertThat(host.org().findRecord(ids.get(0)).orElseThrow().get("Name")).isEqualTo("First");
    }

    @Test
    void parallel_batches_pointing_at_the_same_parent_contend_for_its_lock() {
        String parent = accounts("Parent").getFirst();
        String jobId = bulk.createJob("insert", "Contact", "CSV");

        List<String> results = runTogether(jobId, "LastName,AccountId\nA," + parent + "\n", "LastName,AccountId\nB," + parent + "\nC,\n");

        assertThat(results.get(0)).contains("\"true\",\"true\"");
        assertThat(results.get(1).split("\n")[1]).contains("UNABLE_TO_LOCK_ROW");
        assertThat(results.get(1).split("\n")[2]).as("a record without the parent is not held up").contains("\"true\",\"true\"");
    }

    @Test
    void serial_batches_run_one_after_the_other_and_never_contend() {
        String id = accounts("Shared").getFirst();
        String jobId = bulk.createJob("update", "Account", "CSV", "<concurrencyMode>Serial</concurrencyMode>");

        List<String> results = runTogether(jobId, "Id,Name\n" + id + ",First\n", "Id,Name\n" + id + ",Second\n");

        assertThat(results).allSatisfy(result -> assertThat(result.split("\n")[1]).contains("\"true\",\"false\",\"\""));
        assertThat(host.org().findRecord(id).orElseThrow().get("Name")).as("the later batch ran last").isEqualTo("Second");
    }

    @Test
    void aborting_a_job_leaves_its_queued_batches_not_processed() {
        http.post("/__admin/bulk1/pause", "");
        String jobId = bulk.createJob("insert", "Account", "CSV");
        String batchId = bulk.addBatch(jobId, "text/csv", "Name\nNever\n");

        Http.Response aborted = bulk.post(ASYNC + "/job/" + jobId, "application/xml", "<jobInfo xmlns=\"" + NS + "\"><state>Aborted</state></jobInfo>");
        http.post("/__admin/bulk1/resume", "");
        String info = bulk.awaitBatch(jobId, batchId).body();

        assertThat(xml(aborted.body(), "numberBatchesQueued")).isEqualTo("0");
        assertThat(xml(info, "state")).isEqualTo("NotProcessed");
        assertThat(host.org().store("Account").orElseThrow().liveCount()).isZero();
    }

    @Test
    void a_batch_in_progress_when_its_job_is_aborted_runs_to_its_end() {
        String jobId = bulk.createJob("insert", "Account", "CSV");
        String batchId;
        String during;
        synchronized (host.org().writeLock()) {
            batchId = bulk.addBatch(jobId, "text/csv", "Name\nFinished anyway\n");
            during = bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId).body();
            bulk.post(ASYNC + "/job/" + jobId, "application/xml", "<jobInfo xmlns=\"" + NS + "\"><state>Aborted</state></jobInfo>");
        }
        String after = bulk.awaitBatch(jobId, batchId).body();

        assertThat(xml(during, "state")).isEqualTo("InProgress");
        assertThat(xml(after, "state")).isEqualTo("Completed");
        assertThat(xml(bulk.get(ASYNC + "/job/" + jobId).body(), "state")).isEqualTo("Aborted");
        assertThat(host.org().store("Account").orElseThrow().liveCount()).isEqualTo(1);
    }

    @Test
    void queued_batches_are_counted_as_queued_in_the_job() {
        http.post("/__admin/bulk1/pause", "");
        String jobId = bulk.createJob("insert", "Account", "CSV");
        bulk.addBatch(jobId, "text/csv", "Name\nA\n");
        bulk.addBatch(jobId, "text/csv", "Name\nB\n");

        String info = bulk.get(ASYNC + "/job/" + jobId).body();

        assertThat(xml(info, "numberBatchesQueued")).isEqualTo("2");
        assertThat(xml(info, "numberBatchesTotal")).isEqualTo("2");
    }

    /** Adds the batches while the worker is paused, releases them together, and returns their CSV results in order. */
    private List<String> runTogether(String jobId, String... batches) {
        http.post("/__admin/bulk1/pause", "");
        List<String> batchIds = Arrays.stream(batches).map(csv -> bulk.addBatch(jobId, "text/csv", csv)).toList();
        http.post("/__admin/bulk1/resume", "");
        return batchIds.stream().map(batchId -> {
            assertThat(xml(bulk.awaitBatch(jobId, batchId).body(), "state")).isEqualTo("Completed");
            return bulk.get(ASYNC + "/job/" + jobId + "/batch/" + batchId + "/result").body();
        }).toList();
    }

    private List<String> accounts(String... names) {
        return Arrays.stream(names).map(name -> http.post("/__admin/records/Account", Map.of("Name", name)).json().get(0).path("id").asText()).toList();
    }
}
