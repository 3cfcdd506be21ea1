package dev.sfsync.salesforce.bulk1;

import dev.sfsync.salesforce.bulk.Poller;
import dev.sfsync.salesforce.bulk2.QueryRows;
import dev.sfsync.salesforce.error.ErrorKind;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The rows of a Bulk API 1.0 query job with PK chunking, streamed batch after batch: Salesforce leaves the batch of
 * the query NotProcessed and runs one batch per range of Ids; each is read (its result files, CSV, parsed as read)
 * once it has finished, while the later ones still run. A chunk batch that fails (a query timeout, say) is run again
 * as its own query job without chunking, up to {@link #ATTEMPTS} times in all; then the query fails naming the chunk
 * and its reason. If Salesforce did not chunk the query (the batch Completed), its own results are read.
 * Memory holds one row. Not thread-safe; close it (an unfinished job is aborted).
 */
public final class Bulk1QueryRows implements Iterator<Map<String, String>>, AutoCloseable {
    /** Runs of one chunk's query before the whole query fails. */
    public static final int ATTEMPTS = 3;

    private final Bulk1Jobs jobs;
    private final Poller poller;
    private final String object;
    private final boolean includeDeleted;
    private final String jobId;
    private final String queryBatchId;
    private Deque<String> toRead;
    private QueryRows current;
    private int chunks;
    private int rerun;
    private boolean done;

    Bulk1QueryRows(Bulk1Jobs jobs, Poller poller, String object, String soql, boolean includeDeleted, int chunkSize) {
        this.jobs = jobs;
        this.poller = poller;
        this.object = object;
        this.includeDeleted = includeDeleted;
        this.jobId = jobs.createQuery(object, includeDeleted, chunkSize);
        String batch;
        try {
            batch = jobs.addQuery(jobId, soql).id();
        } catch (RuntimeException e) {
            abortQuietly(jobId);
            throw e;
        }
        this.queryBatchId = batch;
    }

    public String jobId() {
        return jobId;
    }

    /** Chunk batches Salesforce made of the query (0 until the query batch has been processed, or when it did not chunk). */
    public int chunks() {
        return chunks;
    }

    /** Chunk queries run again after their batch failed. */
    public int chunksRerun() {
        return rerun;
    }

    @Override
    public boolean hasNext() {
        while (!done) {
            if (current != null && current.hasNext()) {
                return true;
            }
            if (current != null) {
                current.close();
                current = null;
            }
            if (toRead == null) {
                toRead = new ArrayDeque<>(batchesToRead());
            }
            if (toRead.isEmpty()) {
                done = true;
                return false;
            }
            current = read(toRead.removeFirst());
        }
        return false;
    }

    @Override
    public Map<String, String> next() {
        if (!hasNext()) {
            throw new NoSuchElementException("no more query rows");
        }
        return current.next();
    }

    /** Waits for the query batch: NotProcessed means chunked (its chunk batches are listed by then), Completed not chunked. */
    private List<String> batchesToRead() {
        List<BatchInfo> batches = poller.until("Bulk API 1.0 query job " + jobId, () -> jobs.batches(jobId),
                all -> find(all, queryBatchId).map(BatchInfo::finished).orElse(false));
        BatchInfo query = find(batches, queryBatchId).orElseThrow();
        closeQuietly();
        if (BatchInfo.FAILED.equals(query.state())) {
            throw failure(ErrorKind.MALFORMED, "the query batch " + query.id() + " of job " + jobId + " failed: " + query.stateMessage());
        }
        if (BatchInfo.COMPLETED.equals(query.state())) {
            return List.of(query.id());
        }
        List<String> chunkIds = batches.stream().map(BatchInfo::id).filter(id -> !id.equals(queryBatchId)).toList();
        if (chunkIds.isEmpty()) {
            // NotProcessed without chunk batches is a job stopped at Salesforce (aborted in Setup): reading nothing
            // would pass for an empty object and an initial sync would replace its table with it.
            throw failure(ErrorKind.SERVER, "the query batch " + query.id() + " of job " + jobId + " was not processed and no chunk batch was made"
                    + (query.stateMessage() == null || query.stateMessage().isBlank() ? "" : ": " + query.stateMessage())
                    + "; check the job in Setup > Bulk Data Load Jobs and run the sync again");
        }
        chunks = chunkIds.size();
        return chunkIds;
    }

    private QueryRows read(String batchId) {
        String job = jobId;
        BatchInfo batch = awaitBatch(job, batchId);
        for (int attempt = 1; BatchInfo.FAILED.equals(batch.state()); attempt++) {
            String soql = jobs.queryOf(jobId, batchId);
            if (attempt >= ATTEMPTS) {
                throw failure(ErrorKind.SERVER, "chunk batch " + batchId + " of job " + jobId + " failed " + ATTEMPTS + " times, last: "
                        + batch.stateMessage() + " (its query: " + soql + ")");
            }
            job = jobs.createQuery(object, includeDeleted, 0);
            try {
                String again = jobs.addQuery(job, soql).id();
                jobs.close(job);
                batch = awaitBatch(job, again);
            } catch (RuntimeException e) {
                abortQuietly(job);
                throw e;
            }
            rerun++;
        }
        if (!BatchInfo.COMPLETED.equals(batch.state())) {
            // A chunk that was not processed has no result to read; taking it as empty would lose its records.
            throw failure(ErrorKind.SERVER, "chunk batch " + batch.id() + " of job " + job + " ended " + batch.state()
                    + (batch.stateMessage() == null || batch.stateMessage().isBlank() ? "" : " (" + batch.stateMessage() + ")")
                    + " instead of Completed; its records were not read, so the sync stops before changing the table: run it again");
        }
        String resultJob = job;
        String resultBatch = batch.id();
        List<String> resultIds = jobs.resultIds(resultJob, resultBatch);
        return QueryRows.of(locator -> {
            int index = locator == null ? 0 : Integer.parseInt(locator);
            if (index >= resultIds.size()) {
                return new QueryRows.Page(java.io.InputStream.nullInputStream(), null);
            }
            String next = index + 1 < resultIds.size() ? String.valueOf(index + 1) : null;
            return new QueryRows.Page(jobs.queryResult(resultJob, resultBatch, resultIds.get(index)), next);
        }, resultJob);
    }

    private BatchInfo awaitBatch(String job, String batchId) {
        List<BatchInfo> batches = poller.until("batch " + batchId + " of Bulk API 1.0 query job " + job, () -> jobs.batches(job),
                all -> find(all, batchId).map(BatchInfo::finished).orElse(false));
        return find(batches, batchId).orElseThrow();
    }

    private static Optional<BatchInfo> find(List<BatchInfo> batches, String id) {
        return batches.stream().filter(b -> b.id().equals(id)).findFirst();
    }

    private SalesforceException failure(ErrorKind kind, String message) {
        return SalesforceException.of(new SalesforceException.Failure("Bulk API 1.0 query " + jobId, 0, kind,
                List.of(new SalesforceError("BULK_QUERY_FAILED", message))), null);
    }

    private void closeQuietly() {
        try {
            jobs.close(jobId);
        } catch (SalesforceException alreadyEnded) {
            // Closed or aborted already: nothing more is added to it either way.
        }
    }

    private void abortQuietly(String job) {
        try {
            jobs.abort(job);
        } catch (RuntimeException ignored) {
            // Best effort: an open query job only holds its results until Salesforce purges it.
        }
    }

    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
        if (!done) {
            done = true;
            abortQuietly(jobId);
        }
    }
}
