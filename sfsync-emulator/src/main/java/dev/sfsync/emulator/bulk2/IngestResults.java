package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.WriteResult;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The three result files of an ingest job, written as rows are processed: successful rows with {@code sf__Id} and
 * {@code sf__Created}, failed rows with {@code sf__Id} and {@code sf__Error}, and rows never processed; each carries
 * the row's values as uploaded.
 */
final class IngestResults implements Closeable {
    private final CsvOut successful;
    private final CsvOut failed;
    private final CsvOut unprocessed;

    private IngestResults(CsvOut successful, CsvOut failed, CsvOut unprocessed) {
        this.successful = successful;
        this.failed = failed;
        this.unprocessed = unprocessed;
    }

    /** Opens the three files and writes their header rows. */
    static IngestResults open(IngestJob job, List<String> header) throws IOException {
        IngestResults results = new IngestResults(open(job, IngestJob.ResultKind.SUCCESSFUL), open(job, IngestJob.ResultKind.FAILED),
                open(job, IngestJob.ResultKind.UNPROCESSED));
        results.successful.quoted("sf__Id").quoted("sf__Created");
        results.failed.quoted("sf__Id").quoted("sf__Error");
        for (CsvOut out : List.of(results.successful, results.failed, results.unprocessed)) {
            for (String column : header) {
                out.plain(column);
            }
            out.endRecord();
        }
        return results;
    }

    private static CsvOut open(IngestJob job, IngestJob.ResultKind kind) throws IOException {
        Path file = job.files().newFile(kind.name().toLowerCase());
        job.result(kind, file);
        IngestJob.Spec spec = job.spec();
        return CsvOut.toFile(file, spec.delimiter(), spec.lineEnding());
    }

    void write(WriteResult result, List<String> row, int columns) throws IOException {
        if (result.success()) {
            successful.quoted(result.id()).quoted(String.valueOf(result.created()));
            values(successful, row, columns);
        } else {
            failed.quoted(result.id() == null ? "" : result.id()).quoted(errorText(result.firstError()));
            values(failed, row, columns);
        }
    }

    void unprocessed(List<String> row, int columns) throws IOException {
        values(unprocessed, row, columns);
    }

    /** Salesforce's sf__Error: status code, message and fields, e.g. {@code REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --}. */
    static String errorText(RecordError error) {
        return error.statusCode() + ":" + error.message() + ":" + (error.fields().isEmpty() ? "--" : String.join(",", error.fields()) + " --");
    }

    private static void values(CsvOut out, List<String> row, int columns) throws IOException {
        for (int i = 0; i < columns; i++) {
            out.quoted(i < row.size() ? row.get(i) : "");
        }
        out.endRecord();
    }

    @Override
    public void close() throws IOException {
        try (successful; failed; unprocessed) {
            successful.flush();
        }
    }
}
