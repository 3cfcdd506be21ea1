package dev.sfsync.emulator.bulk2;

import java.nio.file.Path;
import java.util.Objects;

/** One PUT of job data, spooled to a file: its size and the first problem found in it (null when none). */
record UploadedData(Path file, long bytes, String problem) {
    UploadedData {
        Objects.requireNonNull(file, "file is null");
    }

    /** Salesforce limits a job by its data after base64 encoding, which turns every 3 bytes into 4. */
    static long base64Size(long bytes) {
        return (bytes + 2) / 3 * 4;
    }
}
