package dev.sfsync.emulator.bulk2;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * The CSV results of a query job on disk, served in sets of up to maxRecords from any record on. It remembers where
 * every 1,000th record starts, so a set is found by seeking there and skipping fewer than 1,000 records, and memory
 * stays at one long per 1,000 results.
 */
final class QueryResultFile {
    static final int CHECKPOINT_EVERY = 1_000;

    private final Path file;
    private final List<String> header;
    private final long[] checkpoints;
    private final long records;
    private final ColumnDelimiter delimiter;
    private final LineEnding lineEnding;

    QueryResultFile(Path file, List<String> header, long[] checkpoints, long records, ColumnDelimiter delimiter, LineEnding lineEnding) {
        this.file = file;
        this.header = List.copyOf(header);
        this.checkpoints = Arrays.copyOf(checkpoints, checkpoints.length);
        this.records = records;
        this.delimiter = delimiter;
        this.lineEnding = lineEnding;
    }

    long records() {
        return records;
    }

    /** The size of the records on disk (the header is written as each set is served). */
    long bytes() throws IOException {
        return Files.size(file);
    }

    /** Writes the header row and records {@code [from, from + count)} to {@code out}. */
    void copy(long from, long count, OutputStream out) throws IOException {
        CsvOut csv = CsvOut.to(out, delimiter, lineEnding);
        for (String column : header) {
            csv.quoted(column);
        }
        csv.endRecord();
        if (count > 0) {
            int checkpoint = (int) (from / CHECKPOINT_EVERY);
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                channel.position(checkpoints[checkpoint]);
                InputStream in = Channels.newInputStream(channel);
                try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(delimiter.character()).allowMissingFields(true)
                        .allowExtraFields(true).ofCsvRecord(in, StandardCharsets.UTF_8)) {
                    Iterator<CsvRecord> rows = reader.iterator();
                    for (long skip = from - (long) checkpoint * CHECKPOINT_EVERY; skip > 0; skip--) {
                        rows.next();
                    }
                    for (long i = 0; i < count; i++) {
                        for (String value : rows.next().getFields()) {
                            csv.quoted(value);
                        }
                        csv.endRecord();
                    }
                }
            }
        }
        csv.flush();
    }
}
