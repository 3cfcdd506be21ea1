package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.faults.ApiKind;
import dev.sfsync.emulator.faults.Faults;
import dev.sfsync.emulator.faults.InjectedRecordError;
import dev.sfsync.emulator.http.ApiException;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.write.FieldInput;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.RecordWriter;
import dev.sfsync.emulator.write.WriteResult;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Applies a job's operation to one batch record, or says why the record was not written. */
final class RecordOperation {
    private final Org org;
    private final Job job;
    private final ObjectSchema schema;
    private final FieldSchema matchField;
    private final Set<String> contended;
    private final Faults faults;

    RecordOperation(Org org, Job job, ObjectSchema schema, Set<String> contended, Faults faults) {
        this.org = org;
        this.job = job;
        this.schema = schema;
        this.contended = contended;
        this.faults = faults;
        this.matchField = job.operation() == Operation.upsert ? schema.field(job.externalIdFieldName()).orElseThrow() : null;
    }

    /**
     * Writes the record; {@code duplicateKeys} are upsert keys sent more than once in the same chunk, which
     * Salesforce refuses for every record that carries them. The caller holds the org's write lock, so record faults
     * are drawn one record at a time and replay with the same seed.
     */
    WriteResult apply(RecordWriter writer, Map<String, Object> record, Set<String> duplicateKeys) {
        String rawId = text(valueOf(record, "Id"));
        String id = job.operation() == Operation.insert || rawId == null ? null : SalesforceIds.normalize(rawId).orElse(null);
        for (String key : LockKeys.of(job, schema, record)) {
            if (contended.contains(key)) {
                return WriteResult.failed(id, RecordWriter.unableToLock(key));
            }
        }
        Optional<InjectedRecordError> fault = faults.recordError(ApiKind.BULK1, schema.name());
        if (fault.isPresent()) {
            return WriteResult.failed(id, RecordError.of(fault.get().errorCode(), fault.get().message()));
        }
        Map<FieldSchema, Object> input;
        try {
            input = FieldInput.fromMap(schema, job.createdBy().profile(), record);
        } catch (ApiException e) {
            ApiException.ErrorItem error = e.errors().getFirst();
            return WriteResult.failed(null, new RecordError(error.errorCode(), error.message(), error.fields()));
        }
        return switch (job.operation()) {
            case insert -> writer.create(schema, input);
            case update -> rawId == null ? missingId("update") : writer.update(schema, rawId, input);
            case upsert -> upsert(writer, record, input, duplicateKeys);
            case delete -> rawId == null ? missingId("delete") : writer.delete(schema, rawId);
            case hardDelete -> rawId == null ? missingId("hardDelete") : hardDelete(writer, rawId);
            case query, queryAll -> throw new IllegalStateException("a query batch has no records to write");
        };
    }

    /** The upsert key of a record as Salesforce compares it, or null when the record has none. */
    String upsertKey(Map<String, Object> record) {
        String text = matchField == null ? null : text(valueOf(record, matchField.name()));
        if (text == null) {
            return null;
        }
        return matchField.caseSensitive() ? text : text.toLowerCase(Locale.ROOT);
    }

    private WriteResult upsert(RecordWriter writer, Map<String, Object> record, Map<FieldSchema, Object> input, Set<String> duplicateKeys) {
        String key = upsertKey(record);
        if (key != null && duplicateKeys.contains(key)) {
            return WriteResult.failed(null, RecordError.of("DUPLICATE_EXTERNAL_ID",
                    "Duplicate external id specified: " + text(valueOf(record, matchField.name())), matchField.name()));
        }
        return writer.upsert(schema, matchField, input);
    }

    /** A hard delete skips the Recycle Bin: the record is gone, not flagged IsDeleted. */
    private WriteResult hardDelete(RecordWriter writer, String rawId) {
        WriteResult result = writer.delete(schema, rawId);
        if (result.success()) {
            org.store(schema.name()).orElseThrow().remove(result.id());
        }
        return result;
    }

    private static WriteResult missingId(String call) {
        return WriteResult.failed(null, RecordError.of("MISSING_ARGUMENT", "Id not specified in an " + call + " call", "Id"));
    }

    /** A field's raw value by any casing of its name (Bulk field names are not case-sensitive). */
    static Object valueOf(Map<String, Object> record, String field) {
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(field)) {
                return entry.getValue();
            }
        }
        return null;
    }

    private static String text(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }
}
