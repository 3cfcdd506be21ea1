package dev.sfsync.emulator.bulk2;

import java.util.Optional;

/**
 * Checks uploaded CSV bytes while they stream in, so a malformed file fails its job before any row is written, as
 * Salesforce fails it while splitting the upload into batches: quotes must open at the start of a value and close,
 * and every line must end as the job declared. Works on bytes: UTF-8 never puts an ASCII byte inside a multi-byte
 * character, so delimiters, quotes and line breaks are found without decoding.
 */
final class CsvPrecheck {
    private final byte delimiter;
    private final LineEnding lineEnding;
    private boolean inQuotes;
    private boolean quoteInQuotes;
    private boolean afterClosingQuote;
    private boolean valueStart = true;
    private byte previous;
    private long line = 1;
    private long bytes;
    private String problem;

    CsvPrecheck(ColumnDelimiter delimiter, LineEnding lineEnding) {
        this.delimiter = (byte) delimiter.character();
        this.lineEnding = lineEnding;
    }

    void update(byte[] buffer, int offset, int length) {
        bytes += length;
        for (int i = offset; i < offset + length && problem == null; i++) {
            accept(buffer[i]);
        }
    }

    /** Call at the end of the upload: a quote still open there never closed. */
    void finish() {
        if (problem == null && inQuotes && !quoteInQuotes) {
            problem = "InvalidBatch : Failed to parse CSV. EOF reached before closing an opened quote (the value opened on or before line "
                    + line + "); close every quoted value with a double quote, and double quotes inside values (\"\")";
        }
    }

    Optional<String> problem() {
        return Optional.ofNullable(problem);
    }

    long bytes() {
        return bytes;
    }

    private void accept(byte b) {
        if (inQuotes) {
            if (quoteInQuotes) {
                quoteInQuotes = false;
                if (b == '"') {
                    return;
                }
                inQuotes = false;
                afterClosingQuote = true;
            } else {
                if (b == '"') {
                    quoteInQuotes = true;
                } else if (b == '\n') {
                    line++;
                }
                return;
            }
        }
        if (afterClosingQuote && b != delimiter && b != '\r' && b != '\n') {
            problem = "InvalidBatch : Failed to parse CSV. Found unescaped quote. A value with quote should be within a quote (line " + line
                    + "); put the whole value in double quotes and double the quotes inside it";
            return;
        }
        afterClosingQuote = false;
        if (b == '"') {
            if (!valueStart) {
                problem = "InvalidBatch : Failed to parse CSV. Found unescaped quote. A value with quote should be within a quote (line " + line
                        + "); put the whole value in double quotes and double the quotes inside it";
                return;
            }
            inQuotes = true;
            valueStart = false;
        } else if (b == '\n') {
            checkLineEnding();
            line++;
            valueStart = true;
        } else {
            valueStart = b == delimiter;
        }
        previous = b;
    }

    private void checkLineEnding() {
        boolean crlf = previous == '\r';
        if (crlf != (lineEnding == LineEnding.CRLF)) {
            problem = "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is " + lineEnding.name()
                    + " (line " + line + " ends with " + (crlf ? "CRLF" : "LF") + "); create the job with lineEnding "
                    + (crlf ? "CRLF" : "LF") + " or convert the file";
        }
    }
}
