package dev.sfsync.salesforce.bulk2;


import dev.sfsync.salesforce.bulk.BulkErrorText;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.bulk.CsvSpool;
import dev.sfsync.salesforce.bulk.CsvValues;
import dev.sfsync.salesforce.bulk.KeyColumn;
import dev.sfsync.salesforce.bulk.KeyedAnswer;
import dev.sfsync.salesforce.bulk.Poller;
import dev.sfsync.salesforce.bulk.RowSplitter;
import dev.sfsync.salesforce.error.SalesforceException;
import dev.sfsync.salesforce.internal.ApiCaller;
import dev.sfsync.salesforce.internal.RawResponse;
import dev.sfsync.salesforce.retry.PollPolicy;
import dev.sfsync.salesforce.retry.Sleeper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.Objects;

/**
 * Bulk API 2.0: ingest that streams rows into as many jobs as the upload limit needs, and query jobs read page by
 * page. Thread-safe; each ingest or query is independent.
 *
 * <pre>{@code
 * IngestSpec spec = IngestSpec.of("Account", Operation.UPSERT, "External_Key__c", List.of("External_Key__c", "Name"));
 * try (IngestRun run = client.bulk2().ingest(spec, rows)) {          // rows: Iterator<List<?>>, one value per column
 *     run.results().filter(r -> !r.succeeded()).forEach(r -> report(r.row(), r.error()));
 * }
 * }</pre>
 */
public final class Bulk2Client {
    private final IngestJobs ingestJobs;
    private final QueryJobs queryJobs;
    private final Poller poller;
    private final Path workDirectory;

    public Bulk2Client(ApiCaller caller, String apiVersion, Sleeper sleeper, PollPolicy pollPolicy, Path workDirectory) {
        String dataPath = "/services/data/v" + apiVersion;
        this.ingestJobs = new IngestJobs(caller, dataPath);
        this.queryJobs = new QueryJobs(caller, dataPath);
        this.poller = new Poller(pollPolicy, sleeper);
        this.workDirectory = Objects.requireNonNull(workDirectory, "workDirectory is null");
    }

    /**
     * Loads the rows: each is written to a spool file as CSV; when a job's file would pass {@code maxBytesPerJob} it is
     * uploaded and closed, and the rows go on into a new job. Then every job is polled to its end. Returns once all
     * jobs have finished; the results are read from Salesforce as the returned run is consumed.
     *
     * @param rows one list of values per row, in the spec's column order (null clears a field, see {@link CsvValues})
     */
    public IngestRun ingest(IngestSpec spec, Iterator<? extends List<?>> rows) {
        return ingest(spec, rows, jobId -> { });
    }

    /**
     * As {@link #ingest(IngestSpec, Iterator)}, telling {@code jobOpened} each job's id as soon as Salesforce created it,
     * before any row is uploaded, so that a caller can keep it durably and find the job again if this process dies.
     */
    public IngestRun ingest(IngestSpec spec, Iterator<? extends List<?>> rows, Consumer<String> jobOpened) {
        List<IngestRun.Part> parts = new ArrayList<>();
        try {
            parts.addAll(RowSplitter.split(workDirectory, spec.columns(), rows, new RowSplitter.Limit(Integer.MAX_VALUE, spec.maxBytesPerJob()),
                    (spool, firstRow) -> submit(spec, spool, firstRow, jobOpened)));
            List<IngestRun.Part> finished = new ArrayList<>();
            for (IngestRun.Part part : parts) {
                JobInfo done = awaitJob(part.job().id(), part.spool().rows());
                finished.add(new IngestRun.Part(done, part.firstRow(), part.spool()));
            }
            return new IngestRun(spec, this::resultsReadThrough, finished);
        } catch (RuntimeException e) {
            parts.forEach(p -> p.spool().close());
            throw e;
        }
    }

    /**
     * Creates a job for one spool, uploads it and marks it UploadComplete. An upload that fails after reaching
     * Salesforce (a lost answer, a 5xx) leaves the job's data unknown, so the job is aborted, which discards its
     * data unprocessed, and the spool goes again into a fresh job: no row can be loaded twice.
     */
    private IngestRun.Part submit(IngestSpec spec, CsvSpool spool, long firstRow, Consumer<String> jobOpened) {
        try {
            return upload(spec, spool, firstRow, jobOpened);
        } catch (RuntimeException e) {
            spool.close();
            throw e;
        }
    }

    private IngestRun.Part upload(IngestSpec spec, CsvSpool spool, long firstRow, Consumer<String> jobOpened) {
        JobInfo closed = submitFile(spec, spool.finish(), jobOpened);
        spool.dropCsv();
        return new IngestRun.Part(closed, firstRow, spool);
    }

    /**
     * Creates a job for a CSV file written elsewhere (its header the spec's columns, at most the spec's bytes per job),
     * uploads it and marks it UploadComplete; returns the job. {@code jobOpened} hears the job's id before any row is
     * uploaded. An upload that fails after reaching Salesforce aborts the job (discarding its data) and goes again
     * into a fresh one, so no row can be loaded twice.
     */
    public JobInfo submitFile(IngestSpec spec, Path csv, Consumer<String> jobOpened) {
        SalesforceException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            JobInfo job = ingestJobs.create(spec);
            try {
                jobOpened.accept(job.id());
            } catch (RuntimeException e) {
                // Not kept durably: the job must not process anything, since nobody could find it again.
                ingestJobs.abortQuietly(job.id());
                throw e;
            }
            try {
                ingestJobs.upload(job.id(), csv);
            } catch (SalesforceException e) {
                ingestJobs.abortQuietly(job.id());
                if (!e.retryable()) {
                    throw e;
                }
                last = e;
                continue;
            }
            return ingestJobs.uploadComplete(job.id());
        }
        throw last;
    }

    /** Polls a job that carries {@code rows} rows until it ends, guided by its reported progress. */
    public JobInfo awaitJob(String jobId, long rows) {
        return poller.until("Bulk API 2.0 job " + jobId, () -> ingestJobs.info(jobId), JobInfo::finished,
                job -> rows == 0 ? Double.NaN : (double) job.numberRecordsProcessed() / rows);
    }

    /**
     * A result set as {@link IngestRun} reads it: successes stream straight from Salesforce; failed and unprocessed rows
     * are saved first, so their call is complete (and seen by the exchange listener) before any of them is handed out,
     * which lets a caller tell which logged call listed a failed row.
     */
    private java.io.InputStream resultsReadThrough(String jobId, String resultSet) {
        if ("successfulResults".equals(resultSet)) {
            return ingestJobs.results(jobId, resultSet);
        }
        try {
            java.nio.file.Files.createDirectories(workDirectory);
            Path file = java.nio.file.Files.createTempFile(workDirectory, "sfsync-results-", ".csv");
            try {
                saveResults(jobId, resultSet, file);
                return java.nio.file.Files.newInputStream(file, java.nio.file.StandardOpenOption.DELETE_ON_CLOSE);
            } catch (RuntimeException e) {
                java.nio.file.Files.deleteIfExists(file);
                throw e;
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save the " + resultSet + " of Bulk API 2.0 job " + jobId + " in " + workDirectory
                    + " (disk full?)", e);
        }
    }

    /**
     * Saves one of a finished job's result sets (successfulResults, failedResults, unprocessedrecords) as the CSV
     * Salesforce sent, to be read where the caller likes (a database's CSV reader).
     */
    public void saveResults(String jobId, String resultSet, Path file) {
        try (java.io.InputStream body = ingestJobs.results(jobId, resultSet)) {
            java.nio.file.Files.copy(body, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save the " + resultSet + " of Bulk API 2.0 job " + jobId + " to " + file
                    + " (disk full?)", e);
        }
    }

    /** Runs a SOQL query as a Bulk API 2.0 query job and streams its rows (column → value, empty cells as null). */
    public QueryRows query(String soql) {
        return query(soql, false, QueryRows.DEFAULT_PAGE_SIZE);
    }

    /**
     * @param includeDeleted queryAll: also deleted and archived records
     * @param pageSize       maxRecords per results request; larger pages mean fewer calls and more memory per page
     */
    public QueryRows query(String soql, boolean includeDeleted, int pageSize) {
        if (pageSize < 1) {
            throw new IllegalArgumentException("a page holds at least one record, not " + pageSize);
        }
        JobInfo job = queryJobs.create(soql, includeDeleted);
        JobInfo done = poller.until("Bulk API 2.0 query job " + job.id(), () -> queryJobs.info(job.id()), JobInfo::finished);
        if (!JobInfo.JOB_COMPLETE.equals(done.state())) {
            throw queryJobs.failed(done);
        }
        return new QueryRows(locator -> {
            RawResponse page = queryJobs.results(done.id(), locator, pageSize);
            return new QueryRows.Page(page.body(), page.header("Sforce-Locator").orElse(null));
        }, done.id());
    }

    /** The job as Salesforce reports it now, e.g. to resume waiting on one after a restart. */
    public JobInfo ingestJob(String jobId) {
        return ingestJobs.info(jobId);
    }

    /**
     * Waits for a job some earlier process opened to end: one still Open (its upload never completed) is aborted, which
     * discards its data unprocessed; one that is processing is polled until it ends.
     */
    public JobInfo awaitIngestJob(String jobId) {
        JobInfo job = ingestJobs.info(jobId);
        if (JobInfo.OPEN.equals(job.state())) {
            ingestJobs.abortQuietly(jobId);
        }
        return poller.until("Bulk API 2.0 job " + jobId, () -> ingestJobs.info(jobId), JobInfo::finished);
    }

    /**
     * Salesforce's answer for every row of a finished ingest job some earlier process sent, read from the job's three
     * result sets (successfulResults, failedResults, unprocessedrecords) and named by the row's value in
     * {@code keyColumn}. Rows without a value there are skipped. Throws {@link dev.sfsync.salesforce.error.ResourceNotFound}
     * when the job or its results are gone (Salesforce deletes jobs after some days).
     */
    public void ingestAnswers(String jobId, String keyColumn, Consumer<KeyedAnswer> answers) {
        JobInfo job = ingestJobs.info(jobId);
        dev.sfsync.salesforce.error.SalesforceError notProcessed = BulkErrorText.notProcessed("job " + jobId + " ended " + job.state(), job.errorMessage());
        for (BulkRowResult.Outcome outcome : BulkRowResult.Outcome.values()) {
            String set = switch (outcome) {
                case SUCCEEDED -> "successfulResults";
                case FAILED -> "failedResults";
                case UNPROCESSED -> "unprocessedrecords";
            };
            KeyColumn.read(ingestJobs.results(jobId, set), keyColumn, (key, cells) -> {
                if (key != null) {
                    answers.accept(switch (outcome) {
                        case SUCCEEDED -> new KeyedAnswer(key, outcome, cells.apply("sf__Id"), null);
                        case FAILED -> new KeyedAnswer(key, outcome, cells.apply("sf__Id"), BulkErrorText.parse(cells.apply("sf__Error")));
                        case UNPROCESSED -> new KeyedAnswer(key, outcome, null, notProcessed);
                    });
                }
            });
        }
    }

    public JobInfo abortIngestJob(String jobId) {
        return ingestJobs.abort(jobId);
    }

    public void deleteIngestJob(String jobId) {
        ingestJobs.delete(jobId);
    }
}
