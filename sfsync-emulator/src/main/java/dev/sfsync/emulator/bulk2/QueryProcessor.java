package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.http.Json;
import dev.sfsync.emulator.org.DailyAllowance;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.soql.SoqlExecutor;
import dev.sfsync.emulator.soql.SoqlProjector;
import dev.sfsync.emulator.soql.SoqlResult;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;

/**
 * Runs a query job: executes its query and writes the rows as CSV to the job's result file, one record at a time,
 * noting where every 1,000th record starts so result sets can be served from any record on. The file's size counts
 * against the org's query results per 24 hours, in whole MB rounded up per job.
 */
final class QueryProcessor implements Runnable {
    private static final long MEGABYTE = 1024 * 1024;

    private final Org org;
    private final QueryJob job;
    private final JobWorker worker;

    QueryProcessor(Org org, QueryJob job, JobWorker worker) {
        this.org = org;
        this.job = job;
        this.worker = worker;
    }

    @Override
    public void run() {
        if (!job.begin(org.clock().instant())) {
            return;
        }
        long started = System.nanoTime();
        QueryResultFile results = null;
        String failure = null;
        try {
            results = write();
            chargeStorage(results);
        } catch (JobFailure e) {
            results = null;
            failure = e.getMessage();
        } catch (IOException | InterruptedException | RuntimeException e) {
            failure = RunFailures.describe(job.id(), e);
        } catch (Error e) {
            results = null;
            failure = RunFailures.describe(job.id(), e);
            throw e;
        } finally {
            worker.holdInProgress(started);
            job.finish(results, failure, (System.nanoTime() - started) / 1_000_000, org.clock().instant());
        }
    }

    private QueryResultFile write() throws IOException, InterruptedException {
        QueryJob.Spec spec = job.spec();
        SoqlResult result = SoqlExecutor.execute(spec.plan(), spec.queryAll());
        SoqlProjector projector = new SoqlProjector(result.plan());
        Path file = job.files().newFile("results");
        long[] checkpoints = new long[result.records().size() / QueryResultFile.CHECKPOINT_EVERY + 1];
        long written = 0;
        try (CountingStream counted = new CountingStream(new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024));
             CsvOut csv = CsvOut.to(counted, spec.delimiter(), spec.lineEnding())) {
            for (StoredRecord record : result.records()) {
                if (written % QueryResultFile.CHECKPOINT_EVERY == 0) {
                    worker.checkpoint();
                    if (job.stopped()) {
                        break;
                    }
                    csv.flush();
                    checkpoints[(int) (written / QueryResultFile.CHECKPOINT_EVERY)] = counted.count;
                }
                for (Object value : projector.flatValues(record)) {
                    csv.quoted(text(value));
                }
                csv.endRecord();
                written++;
            }
        }
        return new QueryResultFile(file, projector.columnNames(), Arrays.copyOf(checkpoints, checkpoints.length), written,
                spec.delimiter(), spec.lineEnding());
    }

    private void chargeStorage(QueryResultFile results) throws JobFailure, IOException {
        DailyAllowance storage = org.limits().bulkV2QueryFileStorageMB();
        long megabytes = (results.bytes() + MEGABYTE - 1) / MEGABYTE;
        if (!storage.tryAcquire(megabytes)) {
            throw new JobFailure("ExceededQuota : The org has used its allowance of " + storage.max() + " MB of Bulk API 2.0 query "
                    + "results in 24 hours and this job's results take " + megabytes + " MB; select fewer fields or records, "
                    + "or run the query again once the 24-hour window has moved on");
        }
    }

    /** A stored value as Bulk API query results write it; null is an empty value. */
    static String text(Object value) {
        return switch (value) {
            case null -> "";
            case Instant instant -> Json.formatDateTime(instant).replace("+0000", "Z");
            case BigDecimal number -> number.toPlainString();
            default -> value.toString();
        };
    }

    /** Counts the bytes that reach the file, to know where each checkpointed record starts. */
    private static final class CountingStream extends FilterOutputStream {
        long count;

        CountingStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            count += len;
        }
    }
}
