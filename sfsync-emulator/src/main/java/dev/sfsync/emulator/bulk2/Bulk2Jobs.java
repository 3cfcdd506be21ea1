package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.faults.Faults;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.SalesforceIds;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Bulk API 2.0 jobs of one org: ingest and query jobs by id (oldest first), their temp files, and the worker that
 * processes them (the allowances they spend are the org's, in {@link dev.sfsync.emulator.org.OrgLimits}). Resetting
 * the org forgets every job and deletes its files; closing the emulator stops the worker and removes the temp directory.
 */
public final class Bulk2Jobs implements AutoCloseable {
    private static final String JOB_KEY_PREFIX = "750";

    private final Org org;
    private final Faults faults;
    private final SalesforceIds ids = new SalesforceIds(0);
    private final Map<String, IngestJob> ingestJobs = new LinkedHashMap<>();
    private final Map<String, QueryJob> queryJobs = new LinkedHashMap<>();
    private final JobWorker worker = new JobWorker();
    private Path spoolDir;

    public Bulk2Jobs(Org org, Faults faults) {
        this.org = org;
        this.faults = faults;
        worker.minProcessingMillis(org.definition().bulk2().minProcessingMillis());
    }

    /** Changes the least time a job takes from close to done until the next reset (the org file's bulk2.minProcessingMillis). */
    public void minProcessingMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("minProcessingMillis must not be negative");
        }
        worker.minProcessingMillis(millis);
    }

    /** Holds processing of jobs (those running stop at their next chunk) until {@link #resumeProcessing()}; for tests. */
    public void pauseProcessing() {
        worker.pause();
    }

    public void resumeProcessing() {
        worker.resume();
    }

    JobWorker worker() {
        return worker;
    }

    /** Waits until every closed job has been processed; false when the timeout passed first. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        return worker.awaitIdle(timeout);
    }

    /** Jobs created and not deleted, for the admin endpoint. */
    public synchronized int jobCount() {
        return ingestJobs.size() + queryJobs.size();
    }

    /** Where job data and results are kept; null until the first job needs it. */
    synchronized Path spoolDirectory() {
        return spoolDir;
    }

    synchronized String nextId() {
        return ids.next(JOB_KEY_PREFIX);
    }

    synchronized JobFiles filesFor(String jobId) {
        try {
            if (spoolDir == null) {
                spoolDir = Files.createTempDirectory("sfsync-bulk2-");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temp directory for Bulk API job data", e);
        }
        return new JobFiles(spoolDir, jobId);
    }

    synchronized void add(IngestJob job) {
        ingestJobs.put(job.id(), job);
    }

    synchronized void add(QueryJob job) {
        queryJobs.put(job.id(), job);
    }

    synchronized Optional<IngestJob> ingestJob(String id) {
        return SalesforceIds.normalize(id).map(ingestJobs::get);
    }

    synchronized Optional<QueryJob> queryJob(String id) {
        return SalesforceIds.normalize(id).map(queryJobs::get);
    }

    synchronized List<IngestJob> ingestJobs() {
        return new ArrayList<>(ingestJobs.values());
    }

    synchronized List<QueryJob> queryJobs() {
        return new ArrayList<>(queryJobs.values());
    }

    synchronized void remove(IngestJob job) {
        ingestJobs.remove(job.id());
        job.discard();
    }

    synchronized void remove(QueryJob job) {
        queryJobs.remove(job.id());
        job.discard();
    }

    void process(IngestJob job) {
        worker.submit(new IngestProcessor(org, faults, job, worker));
    }

    void process(QueryJob job) {
        worker.submit(new QueryProcessor(org, job, worker));
    }

    /**
     * Forgets every job and deletes its files. Call it before the org's records are reset: a running job checks, under
     * the org's write lock, that it was not discarded, so none of its rows lands in the reset org.
     */
    public void clear() {
        List<IngestJob> ingest;
        List<QueryJob> query;
        synchronized (this) {
            ingest = ingestJobs();
            query = queryJobs();
            ingestJobs.clear();
            queryJobs.clear();
        }
        ingest.forEach(IngestJob::discard);
        query.forEach(QueryJob::discard);
        worker.resume();
        worker.minProcessingMillis(org.definition().bulk2().minProcessingMillis());
    }

    @Override
    public void close() {
        clear();
        worker.close();
        Path dir;
        synchronized (this) {
            dir = spoolDir;
            spoolDir = null;
        }
        if (dir != null) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.deleteIfExists(file);
                }
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot remove the Bulk API temp directory " + dir, e);
            }
        }
    }
}
