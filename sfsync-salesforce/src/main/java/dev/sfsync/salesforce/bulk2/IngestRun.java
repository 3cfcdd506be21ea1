package dev.sfsync.salesforce.bulk2;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.sfsync.salesforce.bulk.BulkErrorText;
import dev.sfsync.salesforce.bulk.BulkRowResult;
import dev.sfsync.salesforce.bulk.CsvSpool;
import dev.sfsync.salesforce.bulk.Iterators;
import dev.sfsync.salesforce.bulk.RowKeys;
import dev.sfsync.salesforce.bulk.RowMatcher;
import dev.sfsync.salesforce.error.SalesforceError;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A finished ingest: its jobs, and one result per input row, streamed job by job from Salesforce's three result sets
 * and matched to the rows by their fingerprints. Results come in no particular order (Bulk API 2.0 keeps none);
 * {@link BulkRowResult#row()} says which input row each is for. Close it to delete the spool files. A failed or
 * unprocessed row's result is handed out only after the call that listed it was read to its end (and so reported to
 * the client's exchange listener, on the consuming thread): the last call that thread made is the one that answered it.
 */
public final class IngestRun implements AutoCloseable {
    /** One job of the run and the rows it took. */
    record Part(JobInfo job, long firstRow, CsvSpool spool) {
    }

    /** Opens one of a job's result sets (successfulResults, failedResults, unprocessedrecords) as CSV. */
    @FunctionalInterface
    interface ResultSets {
        InputStream open(String jobId, String resultSet);
    }

    private final IngestSpec spec;
    private final ResultSets resultSets;
    private final List<Part> parts;

    IngestRun(IngestSpec spec, ResultSets resultSets, List<Part> parts) {
        this.spec = spec;
        this.resultSets = resultSets;
        this.parts = List.copyOf(parts);
    }

    /** The jobs in their final state (JobComplete, Failed or Aborted). */
    public List<JobInfo> jobs() {
        return parts.stream().map(Part::job).toList();
    }

    public long rowsFailed() {
        return parts.stream().mapToLong(p -> p.job().numberRecordsFailed()).sum();
    }

    /** Every input row's result; each job's result files are read only when the stream reaches them. */
    public Stream<BulkRowResult> results() {
        return Iterators.stream(Iterators.flatten(parts, this::partResults), false);
    }

    /** One job's results: its three sets, then rows no set mentioned (reported unprocessed). */
    private Iterator<BulkRowResult> partResults(Part part) {
        RowMatcher matcher = new RowMatcher(part.spool().keys());
        SalesforceError jobError = jobError(part.job());
        // A result set the job's counts show to be empty is not downloaded: a call saved per set, and most jobs fail no row.
        JobInfo job = part.job();
        boolean complete = JobInfo.JOB_COMPLETE.equals(job.state()) && job.numberRecordsProcessed() == part.spool().rows();
        List<Supplier<Iterator<BulkRowResult>>> pieces = List.of(
                () -> complete && job.numberRecordsFailed() == job.numberRecordsProcessed()
                        ? Collections.emptyIterator() : resultSet(part, "successfulResults", matcher, jobError),
                () -> complete && job.numberRecordsFailed() == 0 ? Collections.emptyIterator() : resultSet(part, "failedResults", matcher, jobError),
                () -> complete ? Collections.emptyIterator() : resultSet(part, "unprocessedrecords", matcher, jobError),
                () -> {
                    List<BulkRowResult> missing = new ArrayList<>();
                    for (int row : matcher.untaken()) {
                        missing.add(BulkRowResult.unprocessed(part.firstRow() + row, jobError));
                    }
                    return missing.iterator();
                });
        return Iterators.flatten(pieces, Supplier::get);
    }

    private Iterator<BulkRowResult> resultSet(Part part, String set, RowMatcher matcher, SalesforceError jobError) {
        InputStream body = resultSets.open(part.job().id(), set);
        CsvReader<CsvRecord> reader = CsvReader.builder().ofCsvRecord(body);
        Iterator<CsvRecord> records = reader.iterator();
        if (!records.hasNext()) {
            closeQuietly(reader);
            return Collections.emptyIterator();
        }
        ResultColumns columns = new ResultColumns(records.next().getFields(), spec.columns());
        return new Iterator<>() {
            private boolean open = true;

            @Override
            public boolean hasNext() {
                boolean more = open && records.hasNext();
                if (!more && open) {
                    open = false;
                    closeQuietly(reader);
                }
                return more;
            }

            @Override
            public BulkRowResult next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                CsvRecord record = records.next();
                int local = matcher.take(RowKeys.of(columns.originalCells(record)));
                long row = local < 0 ? -1 : part.firstRow() + local;
                return switch (set) {
                    case "successfulResults" -> BulkRowResult.succeeded(row, columns.cell(record, "sf__Id"), Boolean.parseBoolean(columns.cell(record, "sf__Created")));
                    case "failedResults" -> BulkRowResult.failed(row, emptyToNull(columns.cell(record, "sf__Id")), BulkErrorText.parse(columns.cell(record, "sf__Error")));
                    default -> BulkRowResult.unprocessed(row, jobError);
                };
            }
        };
    }

    /** Why rows of this job were not processed: the job's own error when it failed, else a plain "not processed". */
    private static SalesforceError jobError(JobInfo job) {
        return BulkErrorText.notProcessed("job " + job.id() + " ended " + job.state(), job.errorMessage());
    }

    /** Where the original columns sit in a result file, which puts Salesforce's sf__ columns first. */
    private static final class ResultColumns {
        private final Map<String, Integer> index = new HashMap<>();
        private final int[] originals;

        ResultColumns(List<String> header, List<String> columns) {
            for (int i = 0; i < header.size(); i++) {
                index.put(header.get(i), i);
            }
            originals = new int[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Integer at = index.get(columns.get(i));
                if (at == null) {
                    throw new IllegalStateException("a Bulk result file lacks the uploaded column " + columns.get(i) + "; its header is " + header);
                }
                originals[i] = at;
            }
        }

        List<String> originalCells(CsvRecord record) {
            List<String> cells = new ArrayList<>(originals.length);
            for (int at : originals) {
                cells.add(at < record.getFieldCount() ? record.getField(at) : "");
            }
            return cells;
        }

        String cell(CsvRecord record, String column) {
            Integer at = index.get(column);
            return at == null || at >= record.getFieldCount() ? null : record.getField(at);
        }
    }

    private static String emptyToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static void closeQuietly(CsvReader<?> reader) {
        try {
            reader.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        parts.forEach(p -> p.spool().close());
    }
}
