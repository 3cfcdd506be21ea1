package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.Emulator;
import dev.sfsync.emulator.Http;
import dev.sfsync.emulator.ManualClock;
import dev.sfsync.emulator.OrgHost;
import dev.sfsync.emulator.org.OrgDefinitionLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static dev.sfsync.emulator.bulk1.BulkHttp.ASYNC;
import static dev.sfsync.emulator.bulk1.BulkHttp.xml;
import static org.assertj.core.api.Assertions.assertThat;

/** Where batches live on disk and when they go: org reset, emulator close, and jobs idle for seven days. */
class Bulk1HousekeepingTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2026-03-02T09:00:00Z"));
    private Emulator emulator;
    private OrgHost host;

    private void start() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/test-org.yaml")) {
            emulator = Emulator.builder().org(OrgDefinitionLoader.load(in.readAllBytes(), "test-org.yaml")).clock(clock).build().start();
        }
        host = emulator.host();
    }

    @AfterEach
    void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void resetting_the_org_drops_its_jobs_and_deletes_their_files() throws IOException {
        start();
        BulkHttp bulk = new BulkHttp(Http.loggedIn(host));
        String jobId = completedJob(bulk);
        Path spool = host.bulk1Jobs().spoolDirectory();
        assertThat(spool.resolve(jobId)).isDirectory();

        emulator.reset();
        Http.Response answer = new BulkHttp(Http.loggedIn(host)).get(ASYNC + "/job/" + jobId);

        assertThat(spool).doesNotExist();
        assertThat(xml(answer.body(), "exceptionCode")).isEqualTo("InvalidJob");
    }

    @Test
    void closing_the_emulator_stops_the_batch_workers_and_deletes_the_files() throws IOException {
        start();
        completedJob(new BulkHttp(Http.loggedIn(host)));
        String workers = host.bulk1Jobs().scheduler().threadNamePrefix();
        Path spool = host.bulk1Jobs().spoolDirectory();
        assertThat(liveThreads(workers)).isPositive();

        emulator.close();

        assertThat(liveThreads(workers)).isZero();
        assertThat(spool).doesNotExist();
    }

    @Test
    void a_job_idle_for_seven_days_is_removed_with_its_files() throws IOException {
        start();
        String oldJob = completedJob(new BulkHttp(Http.loggedIn(host)));
        Path oldDirectory = host.bulk1Jobs().spoolDirectory().resolve(oldJob);

        clock.advance(Duration.ofDays(7).plusMinutes(1));
        BulkHttp later = new BulkHttp(Http.loggedIn(host));
        later.createJob("insert", "Account", "CSV");

        assertThat(oldDirectory).doesNotExist();
        assertThat(xml(later.get(ASYNC + "/job/" + oldJob).body(), "exceptionCode")).isEqualTo("InvalidJob");
    }

    private static String completedJob(BulkHttp bulk) {
        String jobId = bulk.createJob("insert", "Account", "CSV");
        String batchId = bulk.addBatch(jobId, "text/csv", "Name\nAcme\n");
        assertThat(xml(bulk.awaitBatch(jobId, batchId).body(), "state")).isEqualTo("Completed");
        return jobId;
    }

    private static long liveThreads(String namePrefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(namePrefix)).count();
    }
}
