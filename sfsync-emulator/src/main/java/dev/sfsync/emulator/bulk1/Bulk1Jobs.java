package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.faults.Faults;
import dev.sfsync.emulator.org.DailyAllowance;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.UserAccount;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The Bulk API 1.0 jobs of one org, and where their batches live: each request is spooled to a temp file and each
 * result is written to one, so memory does not grow with batch size. Resetting the org drops every job and file;
 * jobs idle for seven days are removed with their files, as Salesforce removes them.
 */
public final class Bulk1Jobs implements AutoCloseable {
    static final long MAX_BATCH_BYTES = 10_000_000L;
    private static final Duration RETENTION = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(Bulk1Jobs.class);
    /** Spool directories in use, deleted when the JVM ends even if nobody closed the emulator (a standalone one killed). */
    private static final Set<Path> LIVE_SPOOLS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LIVE_SPOOLS.forEach(Bulk1Jobs::deleteTree), "sfsync-bulk1-cleanup"));
    }

    private final Org org;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final BatchScheduler scheduler;
    private final IngestBatch ingest;
    private final QueryBatch query;
    private Path spool;

    public Bulk1Jobs(Org org, Faults faults) {
        this.org = org;
        this.ingest = new IngestBatch(org, faults);
        this.query = new QueryBatch(org, faults);
        this.scheduler = new BatchScheduler(this::process,
                batch -> LockKeys.scan(batch, org.schema(batch.job().object()).orElse(null)), org.clock());
    }

    Org org() {
        return org;
    }

    BatchScheduler scheduler() {
        return scheduler;
    }

    Job create(JobSpec spec, UserAccount user, String apiVersion) {
        purgeExpired();
        String id = org.ids().next("750");
        Path directory = spool().resolve(id);
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the spool directory of Bulk job " + id, e);
        }
        Job job = new Job(id, spec, user, apiVersion, org.clock().instant(), directory);
        jobs.put(id, job);
        return job;
    }

    Optional<Job> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /**
     * Spools a batch request and queues it. The batch counts against the org's daily batch allocation (shared with
     * Bulk API 2.0 ingest) even when the job turns out to be closed, as in Salesforce.
     */
    Batch addBatch(Job job, InputStream body) {
        takeAllocation();
        job.requireOpen();
        String id = org.ids().next("751");
        Path request = job.directory().resolve(id + ".request");
        try {
            spoolTo(body, request);
            Batch batch = job.addBatch(id, org.clock().instant());
            scheduler.submit(batch);
            return batch;
        } catch (RuntimeException e) {
            deleteQuietly(request);
            throw e;
        }
    }

    /** A job as tests see it: its concurrency mode (Parallel or Serial) and how many batches it was given. */
    public record JobSummary(String id, String object, String concurrencyMode, int batches) {
    }

    /** Every job the org holds, oldest first. */
    public java.util.List<JobSummary> summaries() {
        return jobs.values().stream().sorted(java.util.Comparator.comparing(Job::id))
                .map(j -> new JobSummary(j.id(), j.object(), j.concurrencyMode().name(), j.batches().size())).toList();
    }

    /** Lets tests hold batches in Queued, e.g. to line up parallel batches or to abort a job before they run. */
    public void pause() {
        scheduler.pause();
    }

    public void resume() {
        scheduler.resume();
    }

    /** Back to no jobs: batches in flight stop at their next chunk, and every spooled file is deleted. */
    public void clear() {
        for (Job job : jobs.values()) {
            job.batches().forEach(Batch::cancel);
        }
        jobs.clear();
        scheduler.clear();
        synchronized (this) {
            if (spool != null) {
                deleteTree(spool);
                LIVE_SPOOLS.remove(spool);
                spool = null;
            }
        }
    }

    /** Stops the worker threads and deletes every file. */
    @Override
    public void close() {
        clear();
        scheduler.shutdown();
    }

    private void process(Batch batch, Set<String> contended) {
        long started = System.nanoTime();
        try {
            Job job = batch.job();
            if (job.operation().isQuery() && job.pkChunking() != null && !job.isChunk(batch)) {
                queueChunks(batch);
                batch.chunked(org.clock().instant(), elapsedMillis(started));
                return;
            }
            if (job.operation().isQuery()) {
                query.run(batch);
            } else {
                ingest.run(batch, contended);
            }
            if (!batch.cancelled()) {
                batch.complete(org.clock().instant(), elapsedMillis(started));
            }
        } catch (MalformedBatch e) {
            batch.fail(ExceptionCode.InvalidBatch + " : " + e.getMessage(), org.clock().instant(), elapsedMillis(started));
        } catch (IOException | RuntimeException e) {
            if (!batch.cancelled()) {
                LOG.warn("Bulk batch {} failed", batch.id(), e);
                batch.fail(ExceptionCode.Unknown + " : " + e.getMessage(), org.clock().instant(), elapsedMillis(started));
            }
        } catch (Error e) {
            // Out of memory, say: the batch must end Failed, or its client would poll a batch that never ends.
            batch.fail(ExceptionCode.Unknown + " : the emulator failed while processing the batch (" + e
                    + "); give it more memory (-Xmx) for orgs this large", org.clock().instant(), elapsedMillis(started));
            throw e;
        }
    }

    /** One batch per chunk, each counted against the daily batch allocation as Salesforce counts them. */
    private void queueChunks(Batch original) throws IOException, MalformedBatch {
        Job job = original.job();
        String soql = Files.readString(original.requestFile(), java.nio.charset.StandardCharsets.UTF_8).strip();
        for (String chunk : PkChunkedQuery.split(org, job.object(), soql, job.pkChunking())) {
            if (original.cancelled()) {
                return;
            }
            takeAllocation();
            String id = org.ids().next("751");
            Batch batch = job.addChunk(id, org.clock().instant());
            Files.writeString(batch.requestFile(), chunk, java.nio.charset.StandardCharsets.UTF_8);
            scheduler.submit(batch);
        }
    }

    private void takeAllocation() {
        DailyAllowance batches = org.limits().bulkApiBatches();
        if (!batches.tryAcquire(1)) {
            throw new AsyncApiException(ExceptionCode.ExceededQuota, "Exceeded the allocation of " + batches.max()
                    + " batches per rolling 24 hours; wait for older batches to age out, or send more records per batch");
        }
    }

    private static void spoolTo(InputStream body, Path file) {
        long total = 0;
        boolean tooLarge = false;
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = body; OutputStream out = Files.newOutputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                total += n;
                tooLarge |= total > MAX_BATCH_BYTES;
                if (!tooLarge) {
                    out.write(buffer, 0, n);
                }
            }
        } catch (IOException e) {
            throw new AsyncApiException(ExceptionCode.ClientInputError, "Failed to read request: " + e.getMessage());
        }
        // The rest of an oversized body is read and dropped, so the client gets this answer instead of a broken pipe.
        if (tooLarge) {
            throw new AsyncApiException(ExceptionCode.ClientInputError, "Failed to read request. Exceeded max size limit of " + MAX_BATCH_BYTES);
        }
        if (total == 0) {
            throw new AsyncApiException(ExceptionCode.InvalidBatch, "Records not found for this batch; the request body is empty");
        }
    }

    private void purgeExpired() {
        Instant cutoff = org.clock().instant().minus(RETENTION);
        jobs.values().removeIf(job -> {
            boolean expired = job.lastActivity().isBefore(cutoff) && job.batches().stream().allMatch(b -> b.state().isFinal());
            if (expired) {
                deleteTree(job.directory());
            }
            return expired;
        });
    }

    /** Where batches are spooled; null until the first job (and again after a reset). */
    synchronized Path spoolDirectory() {
        return spool;
    }

    private synchronized Path spool() {
        if (spool == null) {
            try {
                spool = Files.createTempDirectory("sfsync-bulk1-");
                LIVE_SPOOLS.add(spool);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a temp directory for Bulk batches", e);
            }
        }
        return spool;
    }

    private static long elapsedMillis(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toMillis();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.debug("could not delete {}", file, e);
        }
    }

    private static void deleteTree(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(Bulk1Jobs::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not delete {}", root, e);
        }
    }
}
