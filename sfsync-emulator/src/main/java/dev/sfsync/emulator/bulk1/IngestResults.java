package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.WriteResult;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a batch's results, one per record in input order, to its result file in the job's format. */
interface IngestResults extends Closeable {
    void write(WriteResult result) throws IOException;

    static IngestResults open(JobContentType type, Path file) throws IOException {
        return switch (type) {
            case CSV -> new CsvIngestResults(file);
            case JSON -> new JsonIngestResults(file);
            case XML -> new XmlIngestResults(file);
        };
    }

    /**
     * The Error column of CSV results: {@code STATUS_CODE:message:fields --}, fields separated by spaces, e.g.
     * {@code REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --}.
     */
    static String errorText(List<RecordError> errors) {
        StringBuilder text = new StringBuilder();
        for (RecordError error : errors) {
            if (!text.isEmpty()) {
                text.append(' ');
            }
            text.append(error.statusCode()).append(':').append(error.message()).append(':');
            for (String field : error.fields()) {
                text.append(field).append(' ');
            }
            text.append("--");
        }
        return text.toString();
    }
}
