package dev.sfsync.emulator.bulk2;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes CSV as Salesforce's Bulk API writes results: values always in double quotes, in the job's delimiter and line
 * ending; column names taken from the client's upload are written as they came (quoted only where they must be).
 */
final class CsvOut implements Closeable {
    private final Writer out;
    private final char delimiter;
    private final String lineEnding;
    private boolean firstInRecord = true;

    CsvOut(Writer out, ColumnDelimiter delimiter, LineEnding lineEnding) {
        this.out = out;
        this.delimiter = delimiter.character();
        this.lineEnding = lineEnding.text();
    }

    static CsvOut toFile(Path file, ColumnDelimiter delimiter, LineEnding lineEnding) throws IOException {
        return new CsvOut(Files.newBufferedWriter(file, StandardCharsets.UTF_8), delimiter, lineEnding);
    }

    static CsvOut to(OutputStream stream, ColumnDelimiter delimiter, LineEnding lineEnding) {
        return new CsvOut(new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 64 * 1024), delimiter, lineEnding);
    }

    /** A value in double quotes, inner quotes doubled. */
    CsvOut quoted(String value) throws IOException {
        separate();
        out.write('"');
        int start = 0;
        for (int quote = value.indexOf('"'); quote >= 0; quote = value.indexOf('"', start)) {
            out.write(value, start, quote + 1 - start);
            out.write('"');
            start = quote + 1;
        }
        out.write(value, start, value.length() - start);
        out.write('"');
        return this;
    }

    /** A value as it is, unless it holds a delimiter, quote or line break. */
    CsvOut plain(String value) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == delimiter || c == '"' || c == '\n' || c == '\r') {
                return quoted(value);
            }
        }
        separate();
        out.write(value);
        return this;
    }

    void endRecord() throws IOException {
        out.write(lineEnding);
        firstInRecord = true;
    }

    void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    private void separate() throws IOException {
        if (!firstInRecord) {
            out.write(delimiter);
        }
        firstInRecord = false;
    }
}
