package dev.sfsync.salesforce.bulk1;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.sfsync.salesforce.bulk.BulkErrorText;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.bulk.Iterators;
import dev.sfsync.salesforce.error.SalesforceError;
import dev.sfsync.salesforce.error.SalesforceException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A finished Bulk API 1.0 load: the job, its batches, and one result per input row in input order (Bulk 1.0 keeps
 * each batch's results in the batch's row order). Results are read from Salesforce as the stream is consumed, a batch's
 * results whole before any of them is handed out: the last call the consuming thread made is the batch's result read.
 */
public final class Bulk1Run {
    /** One batch and the input rows it carried. */
    record Part(BatchInfo batch, long firstRow, int rows) {
    }

    /** Opens a batch's result CSV. */
    @FunctionalInterface
    interface ResultFiles {
        java.io.InputStream open(String jobId, String batchId);
    }

    private final String jobId;
    private final ResultFiles resultFiles;
    private final List<Part> parts;

    Bulk1Run(String jobId, ResultFiles resultFiles, List<Part> parts) {
        this.jobId = jobId;
        this.resultFiles = resultFiles;
        this.parts = List.copyOf(parts);
    }

    public String jobId() {
        return jobId;
    }

    public List<BatchInfo> batches() {
        return parts.stream().map(Part::batch).toList();
    }

    public Stream<BulkRowResult> results() {
        return Iterators.stream(Iterators.flatten(parts, this::batchResults), true);
    }

    /**
     * A batch's rows: from its result file when it has one (a Failed batch may have processed some rows), then any rows
     * the file did not cover, as unprocessed with the batch's state message.
     */
    private Iterator<BulkRowResult> batchResults(Part part) {
        BatchInfo batch = part.batch();
        SalesforceError notProcessed = batchError(batch);
        List<BulkRowResult> results = new ArrayList<>(part.rows());
        boolean hasResultFile = BatchInfo.COMPLETED.equals(batch.state()) || batch.numberRecordsProcessed() > 0;
        if (hasResultFile) {
            readResults(part, results);
        }
        for (long row = part.firstRow() + results.size(); row < part.firstRow() + part.rows(); row++) {
            results.add(BulkRowResult.unprocessed(row, notProcessed));
        }
        return results.iterator();
    }

    /** Batches are at most 10,000 rows, so one batch's results are read into memory at a time. */
    private void readResults(Part part, List<BulkRowResult> results) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(resultFiles.open(jobId, part.batch().id()))) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                return;
            }
            List<String> header = records.next().getFields();
            int id = header.indexOf("Id");
            int success = header.indexOf("Success");
            int created = header.indexOf("Created");
            int error = header.indexOf("Error");
            while (records.hasNext() && results.size() < part.rows()) {
                CsvRecord record = records.next();
                long row = part.firstRow() + results.size();
                String recordId = field(record, id);
                if (Boolean.parseBoolean(field(record, success))) {
                    results.add(BulkRowResult.succeeded(row, recordId, Boolean.parseBoolean(field(record, created))));
                } else {
                    results.add(BulkRowResult.failed(row, recordId, BulkErrorText.parse(field(record, error))));
                }
            }
        } catch (SalesforceException e) {
            if (!BatchInfo.FAILED.equals(part.batch().state())) {
                throw e;
            }
            // A Failed batch may have no result file; its rows are reported unprocessed below.
        } catch (IOException e) {
            throw new UncheckedIOException("the connection broke while reading batch results", e);
        }
    }

    private static SalesforceError batchError(BatchInfo batch) {
        return BulkErrorText.notProcessed("batch " + batch.id() + " ended " + batch.state(), batch.stateMessage());
    }

    private static String field(CsvRecord record, int index) {
        if (index < 0 || index >= record.getFieldCount()) {
            return null;
        }
        String value = record.getField(index);
        return value.isEmpty() ? null : value;
    }
}
