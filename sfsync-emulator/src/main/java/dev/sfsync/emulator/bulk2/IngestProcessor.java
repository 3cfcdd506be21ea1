package dev.sfsync.emulator.bulk2;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.sfsync.emulator.faults.ApiKind;
import dev.sfsync.emulator.faults.Faults;
import dev.sfsync.emulator.faults.InjectedRecordError;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.write.RecordWriter;
import dev.sfsync.emulator.write.WriteResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Processes one closed ingest job: reads the spooled upload row by row, writes chunks of 10,000 rows through the
 * record writer (the same checks and errors as REST), and streams each row's outcome to the job's result files. Each
 * chunk holds the org's write lock only while it writes, so REST calls interleave with a large job, and only a few
 * chunks of rows (the one being written, the next being read, the last whose results are being written) are in memory.
 */
final class IngestProcessor implements Runnable {
    static final int CHUNK_SIZE = 10_000;

    private final Org org;
    private final Faults faults;
    private final IngestJob job;
    private final JobWorker worker;

    IngestProcessor(Org org, Faults faults, IngestJob job, JobWorker worker) {
        this.org = org;
        this.faults = faults;
        this.job = job;
        this.worker = worker;
    }

    @Override
    public void run() {
        if (!job.begin(org.clock().instant())) {
            return;
        }
        long started = System.nanoTime();
        JobState outcome = JobState.JobComplete;
        String message = null;
        try {
            process();
        } catch (JobFailure failure) {
            outcome = JobState.Failed;
            message = failure.getMessage();
        } catch (IOException | InterruptedException | RuntimeException e) {
            outcome = JobState.Failed;
            message = RunFailures.describe(job.id(), e);
        } catch (Error e) {
            outcome = JobState.Failed;
            message = RunFailures.describe(job.id(), e);
            throw e;
        } finally {
            worker.holdInProgress(started);
            job.finish(outcome, message, (System.nanoTime() - started) / 1_000_000, org.clock().instant());
        }
    }

    private void process() throws IOException, JobFailure, InterruptedException {
        List<UploadedData> uploads = job.uploads();
        if (uploads.isEmpty()) {
            throw new JobFailure("InvalidBatch : No data was uploaded to job " + job.id() + "; PUT the CSV to its contentUrl before setting the state to UploadComplete");
        }
        UploadedData upload = uploads.getFirst();
        if (upload.problem() != null) {
            throw new JobFailure(upload.problem());
        }
        ObjectSchema schema = org.schema(job.spec().object()).orElseThrow(() -> new JobFailure(
                "InvalidJob : Unable to find object: " + job.spec().object() + " (the object was removed after the job was created)"));
        IngestJob.Spec spec = job.spec();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(spec.delimiter().character())
                .allowExtraFields(true).allowMissingFields(true).allowUnclosedQuote(false).allowExtraCharsAfterClosingQuote(false)
                .skipEmptyLines(true).detectBomHeader(true).ofCsvRecord(upload.file(), StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> rows = reader.iterator();
            if (!rows.hasNext()) {
                throw new JobFailure("InvalidBatch : The uploaded CSV is empty; its first line must name the fields, e.g. Name,Phone, "
                        + "followed by one line per record");
            }
            IngestColumns columns = IngestColumns.resolve(schema, spec.createdBy().profile(), rows.next().getFields());
            // From here the result files account for every row, so the upload goes however the run ends; before, it
            // stays as the job's unprocessed records.
            try (IngestResults results = IngestResults.open(job, columns.header())) {
                processRows(schema, columns, rows, results);
            } finally {
                reader.close();
                JobFiles.delete(upload.file());
            }
        } catch (CsvParseException e) {
            throw new JobFailure("InvalidBatch : Failed to parse CSV. " + e.getMessage());
        }
    }

    /**
     * Writes the rows chunk by chunk. The next chunk is parsed and the last chunk's results are written on helper
     * threads while the current chunk goes through the record writer, which is the part that holds the org's lock.
     */
    private void processRows(ObjectSchema schema, IngestColumns columns, Iterator<CsvRecord> rows, IngestResults results)
            throws IOException, JobFailure, InterruptedException {
        List<Future<?>> written = new ArrayList<>();
        ChunkAllowance allowance = new ChunkAllowance(org.limits());
        try (ExecutorService reading = helperThread("read"); ExecutorService writing = helperThread("results")) {
            ChunkReader reader = new ChunkReader(rows, reading, CHUNK_SIZE);
            try {
                for (List<List<String>> chunk = reader.next(); !chunk.isEmpty(); chunk = reader.next()) {
                    worker.checkpoint();
                    if (job.discarded()) {
                        return;
                    }
                    if (job.stopped()) {
                        leaveUnprocessed(chunk, 0, reader, columns, results);
                        return;
                    }
                    int granted = allowance.grant(chunk.size());
                    List<List<String>> writable = chunk.subList(0, granted);
                    WriteResult[] outcomes = writeChunk(schema, columns, writable);
                    written.add(writing.submit(() -> writeResults(outcomes, writable, columns, results)));
                    if (granted < chunk.size()) {
                        leaveUnprocessed(chunk, granted, reader, columns, results);
                        throw allowance.failure(job.status().processed());
                    }
                }
            } finally {
                for (Future<?> chunkResults : written) {
                    ChunkReader.await(chunkResults);
                }
            }
        }
    }

    /** Writes a chunk through the record writer; the outcomes are in row order, null where the job was discarded. */
    private WriteResult[] writeChunk(ObjectSchema schema, IngestColumns columns, List<List<String>> chunk) {
        long started = System.nanoTime();
        WriteResult[] outcomes = new WriteResult[chunk.size()];
        IngestRowWriter rowWriter = new IngestRowWriter(org, schema, job.spec(), columns);
        for (int i = 0; i < chunk.size(); i++) {
            outcomes[i] = rowWriter.precheck(chunk.get(i));
        }
        rowWriter.markDuplicateKeys(chunk, outcomes);
        RowValues input = new RowValues(columns.size());
        long failed = 0;
        synchronized (org.writeLock()) {
            if (job.discarded()) {
                return new WriteResult[0];
            }
            RecordWriter writer = new RecordWriter(org, job.spec().createdBy());
            for (int i = 0; i < outcomes.length; i++) {
                if (outcomes[i] == null) {
                    // Drawn under the write lock, row by row, so injected faults replay with the same seed.
                    Optional<InjectedRecordError> fault = faults.recordError(ApiKind.BULK2, schema.name());
                    if (fault.isPresent()) {
                        outcomes[i] = rowWriter.injected(chunk.get(i), fault.get());
                    } else {
                        columns.fill(input, chunk.get(i));
                        outcomes[i] = rowWriter.write(writer, chunk.get(i), input);
                    }
                }
            }
        }
        for (WriteResult outcome : outcomes) {
            if (!outcome.success()) {
                failed++;
            }
        }
        job.progress(outcomes.length, failed, (System.nanoTime() - started) / 1_000_000);
        return outcomes;
    }

    private static Void writeResults(WriteResult[] outcomes, List<List<String>> chunk, IngestColumns columns, IngestResults results)
            throws IOException {
        for (int i = 0; i < outcomes.length; i++) {
            results.write(outcomes[i], chunk.get(i), columns.size());
        }
        return null;
    }

    private static void leaveUnprocessed(List<List<String>> chunk, int from, ChunkReader reader, IngestColumns columns,
                                         IngestResults results) throws IOException, InterruptedException {
        for (List<String> row : chunk.subList(from, chunk.size())) {
            results.unprocessed(row, columns.size());
        }
        for (List<String> row : reader.rest()) {
            results.unprocessed(row, columns.size());
        }
    }

    /** A helper thread of this job's run, named like the worker's so its CPU counts as Bulk API processing. */
    private ExecutorService helperThread(String role) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "sfsync-bulk2-" + job.id() + "-" + role);
            thread.setDaemon(true);
            return thread;
        });
    }
}
