package dev.sfsync.salesforce.bulk;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Rows on their way to a Bulk upload, written as CSV to a temporary file so an upload of any size streams from disk.
 * Beside the CSV it keeps each row's fingerprint (8 bytes a row) for matching results back. Closing deletes both.
 */
public final class CsvSpool implements AutoCloseable {
    private final Path csv;
    private final Path keys;
    private final OutputStream csvOut;
    private final DataOutputStream keysOut;
    private final StringWriter line = new StringWriter(256);
    private final CsvWriter encoder;
    private long bytes;
    private int rows;
    private boolean finished;

    private CsvSpool(Path directory, List<String> header) throws IOException {
        Files.createDirectories(directory);
        csv = Files.createTempFile(directory, "sfsync-bulk-", ".csv");
        keys = Files.createTempFile(directory, "sfsync-bulk-", ".keys");
        csvOut = new BufferedOutputStream(Files.newOutputStream(csv), 1 << 16);
        keysOut = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(keys), 1 << 14));
        // No comment character: FastCSV would otherwise quote a leading '#', and "#N/A" must reach Bulk bare.
        encoder = CsvWriter.builder().commentCharacter('\0').lineDelimiter(LineDelimiter.LF).autoFlush(true).build(line);
        byte[] headerLine = encode(header);
        csvOut.write(headerLine);
        bytes = headerLine.length;
    }

    public static CsvSpool open(Path directory, List<String> header) {
        try {
            return new CsvSpool(directory, header);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a Bulk upload file in " + directory + "; point workDirectory at a writable disk", e);
        }
    }

    /** The row as one CSV line in UTF-8, to check its size before appending it. */
    public byte[] encode(List<String> cells) {
        encoder.writeRecord(cells);
        String text = line.toString();
        line.getBuffer().setLength(0);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    public void append(byte[] encodedLine, List<String> cells) {
        try {
            csvOut.write(encodedLine);
            keysOut.writeLong(RowKeys.of(cells));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the Bulk upload file " + csv + " (disk full?)", e);
        }
        bytes += encodedLine.length;
        rows++;
    }

    public long bytes() {
        return bytes;
    }

    public int rows() {
        return rows;
    }

    /** Flushes and closes the files for reading; the CSV is ready to upload. */
    public Path finish() {
        if (!finished) {
            finished = true;
            try {
                csvOut.close();
                keysOut.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish the Bulk upload file " + csv, e);
            }
        }
        return csv;
    }

    /** The rows' fingerprints in row order (bounded: one job's or batch's rows). */
    public long[] keys() {
        finish();
        long[] out = new long[rows];
        try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(keys), 1 << 14))) {
            for (int i = 0; i < rows; i++) {
                out[i] = in.readLong();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read back " + keys, e);
        }
        return out;
    }

    /** The upload is done: the CSV is no longer needed, only the fingerprints. */
    public void dropCsv() {
        finish();
        deleteQuietly(csv);
    }

    @Override
    public void close() {
        finish();
        deleteQuietly(csv);
        deleteQuietly(keys);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // A temporary file left behind is harmless; the OS temp cleaner takes it.
        }
    }
}
