package dev.sfsync.emulator.bulk1;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import de.siegmar.fastcsv.writer.QuoteStrategies;
import dev.sfsync.emulator.write.WriteResult;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code "Id","Success","Created","Error"} rows, every value quoted, as Salesforce writes them. */
final class CsvIngestResults implements IngestResults {
    private final CsvWriter csv;

    CsvIngestResults(Path file) throws IOException {
        this.csv = writer(file);
        csv.writeRecord("Id", "Success", "Created", "Error");
    }

    /** The CSV dialect of Bulk 1.0 answers: every field quoted, lines ended by LF. */
    static CsvWriter writer(Path file) throws IOException {
        return CsvWriter.builder().quoteStrategy(QuoteStrategies.ALWAYS).lineDelimiter(LineDelimiter.LF).build(file, StandardCharsets.UTF_8);
    }

    @Override
    public void write(WriteResult result) {
        csv.writeRecord(result.id() == null ? "" : result.id(), String.valueOf(result.success()), String.valueOf(result.created()),
                IngestResults.errorText(result.errors()));
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
