package dev.sfsync.emulator.bulk2;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies an upload to a temp file as it arrives, checking the CSV on the way and stopping once the job's size limit
 * is passed, so an upload never sits in memory and an oversized one is not read to its end.
 */
final class UploadSpool {
    private UploadSpool() {
    }

    /** The spooled upload, or empty-handed with the file removed when it passed {@code maxBase64Bytes}. */
    static UploadedData spool(InputStream body, Path file, ColumnDelimiter delimiter, LineEnding lineEnding, long maxBase64Bytes,
                              long alreadyUploaded) throws IOException, UploadTooLarge {
        CsvPrecheck check = new CsvPrecheck(delimiter, lineEnding);
        byte[] buffer = new byte[64 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            int n;
            while ((n = body.read(buffer)) > 0) {
                check.update(buffer, 0, n);
                if (UploadedData.base64Size(alreadyUploaded + check.bytes()) > maxBase64Bytes) {
                    throw new UploadTooLarge();
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | UploadTooLarge | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        check.finish();
        return new UploadedData(file, check.bytes(), check.problem().orElse(null));
    }

    /** The upload passed the job's size limit. */
    static final class UploadTooLarge extends Exception {
        UploadTooLarge() {
            super("upload too large", null, false, false);
        }
    }
}
