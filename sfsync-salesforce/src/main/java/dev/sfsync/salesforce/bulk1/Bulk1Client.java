package dev.sfsync.salesforce.bulk1;

import dev.sfsync.salesforce.bulk.BulkErrorText;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.bulk.CsvSpool;
import dev.sfsync.salesforce.bulk.KeyColumn;
import dev.sfsync.salesforce.bulk.KeyedAnswer;
import dev.sfsync.salesforce.bulk.Poller;
import dev.sfsync.salesforce.bulk.RowSplitter;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.retry.PollPolicy;
import dev.sfsync.salesforce.retry.Sleeper;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Bulk API 1.0: one job, rows split into batches of up to 10,000 (and under 10 MB), each batch spooled to disk and
 * sent as CSV, the job closed, the batches polled to their end, and results read back in input order.
 *
 * <pre>{@code
 * Bulk1Spec spec = Bulk1Spec.of("Account", Operation.UPSERT, "External_Key__c", List.of("External_Key__c", "Name"))
 *         .withConcurrencyMode(ConcurrencyMode.SERIAL).withBatchSize(5_000);
 * Bulk1Run run = client.bulk1().load(spec, rows);
 * run.results().forEach(r -> ...);
 * }</pre>
 */
public final class Bulk1Client {
    private final Bulk1Jobs jobs;
    private final Poller poller;
    private final Path workDirectory;

    public Bulk1Client(ApiCaller caller, String apiVersion, Sleeper sleeper, PollPolicy pollPolicy, Path workDirectory) {
        this.jobs = new Bulk1Jobs(caller, apiVersion);
        this.poller = new Poller(pollPolicy, sleeper);
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory is null");
    }

    /** Loads the rows (one list of values per row, in the spec's column order) and waits for every batch to finish. */
    public Bulk1Run load(Bulk1Spec spec, Iterator<? extends List<?>> rows) {
        return load(spec, rows, jobId -> { });
    }

    /**
     * As {@link #load(Bulk1Spec, Iterator)}, telling {@code jobOpened} the job's id as soon as Salesforce created it,
     * before any batch is added, so that a caller can keep it durably and find the job again if this process dies.
     */
    public Bulk1Run load(Bulk1Spec spec, Iterator<? extends List<?>> rows, java.util.function.Consumer<String> jobOpened) {
        return run(spec, jobOpened, (jobId, known) -> RowSplitter.split(workDirectory, spec.columns(), rows,
                new RowSplitter.Limit(spec.batchSize(), Bulk1Spec.MAX_BATCH_BYTES), (spool, firstRow) -> {
                    awaitRoom(spec, jobId, known);
                    return send(jobId, spool, firstRow, known);
                }));
    }

    /** A batch's CSV written elsewhere: the spec's columns as header, at most the spec's batch size and 10 MB. */
    public record BatchFile(Path csv, int rows) {
    }

    /**
     * As {@link #load(Bulk1Spec, Iterator, java.util.function.Consumer)}, for batches already written as CSV files:
     * each file is one batch, added when the job has room for it (the next file is asked for only then).
     */
    public Bulk1Run loadFiles(Bulk1Spec spec, Iterator<BatchFile> batches, java.util.function.Consumer<String> jobOpened) {
        return run(spec, jobOpened, (jobId, known) -> {
            List<Bulk1Run.Part> parts = new java.util.ArrayList<>();
            long firstRow = 0;
            while (batches.hasNext()) {
                awaitRoom(spec, jobId, known);
                BatchFile file = batches.next();
                BatchInfo batch = jobs.addBatch(jobId, file.csv(), known);
                known.add(batch.id());
                parts.add(new Bulk1Run.Part(batch, firstRow, file.rows()));
                firstRow += file.rows();
            }
            return parts;
        });
    }

    /** Adds a job's batches, given the job's id and the batch ids known so far. */
    @FunctionalInterface
    private interface Batches {
        List<Bulk1Run.Part> add(String jobId, Set<String> known);
    }

    private Bulk1Run run(Bulk1Spec spec, java.util.function.Consumer<String> jobOpened, Batches batches) {
        String jobId = jobs.create(spec);
        try {
            jobOpened.accept(jobId);
        } catch (RuntimeException e) {
            jobs.abort(jobId);
            throw e;
        }
        Set<String> known = new HashSet<>();
        List<Bulk1Run.Part> parts;
        try {
            parts = batches.add(jobId, known);
        } catch (RuntimeException e) {
            jobs.abort(jobId);
            throw e;
        }
        jobs.close(jobId);
        Map<String, BatchInfo> finished = poller.until("Bulk API 1.0 job " + jobId,
                () -> jobs.batches(jobId).stream().collect(Collectors.toMap(BatchInfo::id, Function.identity())),
                all -> known.stream().allMatch(id -> all.containsKey(id) && all.get(id).finished()),
                all -> processedShare(all.values(), parts));
        List<Bulk1Run.Part> done = parts.stream().map(p -> new Bulk1Run.Part(finished.get(p.batch().id()), p.firstRow(), p.rows())).toList();
        return new Bulk1Run(jobId, jobs::results, done);
    }

    /**
     * Runs a query as a Bulk API 1.0 job with PK chunking ({@code Sforce-Enable-PKChunking: chunkSize=N}) and streams
     * its rows, chunk after chunk; a failed chunk is run again (see {@link Bulk1QueryRows}).
     *
     * @param chunkSize Ids per chunk, 1 to 250,000 (Salesforce's limits)
     */
    public Bulk1QueryRows query(String object, String soql, boolean includeDeleted, int chunkSize) {
        if (chunkSize < 1 || chunkSize > MAX_PK_CHUNK) {
            throw new IllegalArgumentException("PK chunk size " + chunkSize + " is outside 1 to " + MAX_PK_CHUNK);
        }
        return new Bulk1QueryRows(jobs, poller, object, soql, includeDeleted, chunkSize);
    }

    /** The largest chunk Salesforce's PK chunking takes. */
    public static final int MAX_PK_CHUNK = 250_000;

    /**
     * Waits for every batch of a job some earlier process opened to end (batches run whether the job is open or not),
     * then closes the job; returns its batches.
     */
    public List<BatchInfo> awaitJob(String jobId) {
        List<BatchInfo> batches = poller.until("Bulk API 1.0 job " + jobId, () -> jobs.batches(jobId),
                all -> all.stream().allMatch(BatchInfo::finished));
        try {
            jobs.close(jobId);
        } catch (dev.sfsync.salesforce.error.SalesforceException alreadyEnded) {
            // Closed or aborted already: nothing more can be added to it either way.
        }
        return batches;
    }

    /**
     * Salesforce's answer for every row of a finished job some earlier process sent, named by the row's value in
     * {@code keyColumn}: each batch's request (which Salesforce keeps with the job) read beside its results, which
     * come in the request's row order. A Failed batch's rows get no answer (some may have been processed), nor do
     * rows without a value in the column. Throws {@link dev.sfsync.salesforce.error.ResourceNotFound} when the job or
     * a batch's files are gone.
     */
    public void answers(String jobId, String keyColumn, java.util.function.Consumer<KeyedAnswer> answers) {
        for (BatchInfo batch : jobs.batches(jobId)) {
            if (!BatchInfo.COMPLETED.equals(batch.state())) {
                continue;
            }
            java.util.List<String> keys = new java.util.ArrayList<>();
            KeyColumn.read(jobs.request(jobId, batch.id()), keyColumn, (key, cells) -> keys.add(key));
            int[] row = {0};
            KeyColumn.read(jobs.results(jobId, batch.id()), "Id", (id, cells) -> {
                String key = row[0] < keys.size() ? keys.get(row[0]) : null;
                row[0]++;
                if (key == null) {
                    return;
                }
                answers.accept(Boolean.parseBoolean(cells.apply("Success"))
                        ? new KeyedAnswer(key, BulkRowResult.Outcome.SUCCEEDED, id, null)
                        : new KeyedAnswer(key, BulkRowResult.Outcome.FAILED, id, BulkErrorText.parse(cells.apply("Error"))));
            });
        }
    }

    /** How far the job's batches got, for timing the polls: rows processed over rows sent. */
    private static double processedShare(java.util.Collection<BatchInfo> batches, List<Bulk1Run.Part> parts) {
        long sent = parts.stream().mapToLong(Bulk1Run.Part::rows).sum();
        return sent == 0 ? Double.NaN : (double) batches.stream().mapToLong(BatchInfo::numberRecordsProcessed).sum() / sent;
    }

    /** Holds the next batch back while the job has its allowance of batches queued or in progress at Salesforce. */
    private void awaitRoom(Bulk1Spec spec, String jobId, Set<String> known) {
        if (spec.batchesInFlight() == 0 || known.size() < spec.batchesInFlight()) {
            return;
        }
        poller.until("room for another batch of Bulk API 1.0 job " + jobId, () -> jobs.batches(jobId),
                batches -> batches.stream().filter(b -> known.contains(b.id()) && !b.finished()).count() < spec.batchesInFlight());
    }

    private Bulk1Run.Part send(String jobId, CsvSpool spool, long firstRow, Set<String> known) {
        try (spool) {
            BatchInfo batch = jobs.addBatch(jobId, spool.finish(), known);
            known.add(batch.id());
            return new Bulk1Run.Part(batch, firstRow, spool.rows());
        }
    }
}
