package dev.sfsync.engine.project;

import dev.sfsync.engine.run.RunResult;
import dev.sfsync.testing.EmulatedOrg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class BulkConcurrencyRunTest {
    @RegisterExtension
    static final EmulatedOrg org = EmulatedOrg.withDefinition("orgs/engine-test.yaml");

    static final String SYNC = EngineHarness.ACCOUNTS_SYNC + """
                mode: upsert
                match: {column: id, field: External_Key__c}
                mappings:
                  - {from: name, to: Name}
                api: bulk1
                batch_size: 5
            """;

    @TempDir
    Path dir;
    EngineHarness harness;

    @BeforeEach
    void setUp() {
        harness = new EngineHarness(dir, org).sql("create table accounts as select 'A' || i as id, 'Account ' || i as name from range(30) t(i)");
    }

    @AfterEach
    void tearDown() {
        org.host().bulk1Jobs().resume();
        harness.close();
    }

    @Test
    void serial_concurrency_creates_a_serial_bulk_job() {
        harness.config(SYNC + "    concurrency: serial\n");

        RunResult result = harness.run("accounts");

        assertThat(result.summary().created()).isEqualTo(30);
        assertThat(org.host().bulk1Jobs().summaries()).singleElement().satisfies(job -> {
            assertThat(job.concurrencyMode()).isEqualTo("Serial");
            assertThat(job.batches()).isEqualTo(6);
        });
    }

    @Test
    void parallel_is_the_default_and_parallelism_bounds_the_batches_in_flight_at_salesforce() throws Exception {
        harness.config(SYNC + "    parallelism: 2\n");
        harness.project();
        org.host().bulk1Jobs().pause();

        CompletableFuture<RunResult> run = CompletableFuture.supplyAsync(() -> harness.run("accounts"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (org.host().bulk1Jobs().summaries().stream().mapToInt(j -> j.batches()).sum() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Thread.sleep(500);
        assertThat(org.host().bulk1Jobs().summaries()).singleElement().satisfies(job -> {
            assertThat(job.concurrencyMode()).isEqualTo("Parallel");
            assertThat(job.batches()).as("two batches wait at Salesforce; the third is held back").isEqualTo(2);
        });

        org.host().bulk1Jobs().resume();
        RunResult result = run.get(60, TimeUnit.SECONDS);
        assertThat(result.summary().created()).isEqualTo(30);
        assertThat(org.host().bulk1Jobs().summaries().getFirst().batches()).isEqualTo(6);
    }

    @Test
    void concurrency_is_refused_for_other_apis() {
        harness.config(SYNC.replace("api: bulk1", "api: rest") + "    concurrency: serial\n");

        assertThat(new dev.sfsync.engine.config.ProjectConfigReader().read(dir).problems()).singleElement()
                .satisfies(p -> assertThat(p.message()).contains("concurrency is a setting of Bulk API 1.0 jobs"));
    }
}
