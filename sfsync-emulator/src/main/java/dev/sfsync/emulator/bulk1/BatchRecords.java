package dev.sfsync.emulator.bulk1;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The records of a spooled batch, read one at a time. A record maps field names to raw values; a parent set
 * through its external ID is a dotted name ({@code Account.External_Key__c}), as in a CSV header.
 */
interface BatchRecords extends Closeable {
    /** The next record, or null after the last one (and on every call after that). */
    Map<String, Object> next() throws IOException, MalformedBatch;

    /** The field names every record shares (a CSV header), or an empty list when each record names its own. */
    default List<String> sharedFieldNames() {
        return List.of();
    }

    static BatchRecords open(JobContentType type, Path file) throws IOException, MalformedBatch {
        return switch (type) {
            case CSV -> new CsvBatchRecords(file);
            case JSON -> new JsonBatchRecords(file);
            case XML -> new XmlBatchRecords(file);
        };
    }
}
