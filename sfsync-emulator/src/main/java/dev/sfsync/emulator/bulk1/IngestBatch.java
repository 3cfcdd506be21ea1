package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.faults.Faults;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.write.FieldInput;
import dev.sfsync.emulator.write.RecordWriter;
import dev.sfsync.emulator.write.WriteResult;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Runs an insert, update, upsert, delete or hardDelete batch through the same {@link RecordWriter} as the REST API,
 * so per-record checks and error codes match. The spool file is read twice: once to check the batch as a whole
 * (record count, field names), then in chunks of 200 records, each written under the org's write lock, as
 * Salesforce processes batches in chunks of 200. Results go to the result file as each chunk is done.
 */
final class IngestBatch {
    static final int MAX_RECORDS = 10_000;
    private static final int CHUNK = 200;

    private final Org org;
    private final Faults faults;

    IngestBatch(Org org, Faults faults) {
        this.org = org;
        this.faults = faults;
    }

    void run(Batch batch, Set<String> contended) throws IOException, MalformedBatch {
        Job job = batch.job();
        ObjectSchema schema = org.schema(job.object())
                .orElseThrow(() -> new MalformedBatch("Unable to find object: " + job.object()));
        checkShape(batch, schema, job.createdBy().profile());
        RecordOperation operation = new RecordOperation(org, job, schema, contended, faults);
        try (BatchRecords records = BatchRecords.open(job.contentType(), batch.requestFile());
             IngestResults results = IngestResults.open(job.contentType(), batch.resultFile())) {
            for (List<Map<String, Object>> chunk = nextChunk(records); !chunk.isEmpty(); chunk = nextChunk(records)) {
                List<WriteResult> written = new ArrayList<>(chunk.size());
                synchronized (org.writeLock()) {
                    if (batch.cancelled()) {
                        return;
                    }
                    RecordWriter writer = new RecordWriter(org, job.createdBy());
                    Set<String> duplicateKeys = duplicateUpsertKeys(chunk, operation);
                    for (Map<String, Object> record : chunk) {
                        written.add(operation.apply(writer, record, duplicateKeys));
                    }
                }
                int failed = 0;
                for (WriteResult result : written) {
                    results.write(result);
                    failed += result.success() ? 0 : 1;
                }
                batch.progress(written.size(), failed, org.clock().instant());
            }
        }
    }

    /** Fails the whole batch before any record is written, as Salesforce does for these problems. */
    private static void checkShape(Batch batch, ObjectSchema schema, Profile profile) throws IOException, MalformedBatch {
        Job job = batch.job();
        Set<String> checked = new HashSet<>();
        int count = 0;
        try (BatchRecords records = BatchRecords.open(job.contentType(), batch.requestFile())) {
            for (String name : records.sharedFieldNames()) {
                checkField(job, schema, profile, name, checked);
            }
            for (Map<String, Object> record = records.next(); record != null; record = records.next()) {
                count++;
                for (String name : record.keySet()) {
                    checkField(job, schema, profile, name, checked);
                }
            }
        }
        if (count > MAX_RECORDS) {
            // Salesforce counts the header row too, so its numbers are one more than the records.
            throw new MalformedBatch("Exceeded number of records : " + (count + 1) + ". Number of records should be less than or equal to "
                    + (MAX_RECORDS + 1));
        }
    }

    private static void checkField(Job job, ObjectSchema schema, Profile profile, String name, Set<String> checked) throws MalformedBatch {
        if (!checked.add(name)) {
            return;
        }
        if (job.operation().isDelete() && !name.equalsIgnoreCase("Id")) {
            throw new MalformedBatch("The '" + job.operation() + "' batch must contain only ids");
        }
        try {
            FieldInput.fromMap(schema, profile, Map.of(name, ""));
        } catch (ApiException e) {
            throw new MalformedBatch("Field name not found : " + name);
        }
    }

    private static List<Map<String, Object>> nextChunk(BatchRecords records) throws IOException, MalformedBatch {
        List<Map<String, Object>> chunk = new ArrayList<>(CHUNK);
        while (chunk.size() < CHUNK) {
            Map<String, Object> record = records.next();
            if (record == null) {
                break;
            }
            chunk.add(record);
        }
        return chunk;
    }

    private static Set<String> duplicateUpsertKeys(List<Map<String, Object>> chunk, RecordOperation operation) {
        Set<String> duplicates = new HashSet<>();
        Map<String, Integer> counts = new HashMap<>();
        for (Map<String, Object> record : chunk) {
            String key = operation.upsertKey(record);
            if (key != null && counts.merge(key, 1, Integer::sum) > 1) {
                duplicates.add(key);
            }
        }
        return duplicates;
    }
}
