package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.faults.InjectedRecordError;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.write.RecordError;
import dev.sfsync.emulator.write.RecordWriter;
import dev.sfsync.emulator.write.WriteResult;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Applies a job's operation to one row through the record writer; rows that cannot be written fail on their own. */
final class IngestRowWriter {
    private final Org org;
    private final ObjectSchema schema;
    private final IngestOperation operation;
    private final IngestColumns columns;
    private final FieldSchema matchField;

    IngestRowWriter(Org org, ObjectSchema schema, IngestJob.Spec spec, IngestColumns columns) {
        this.org = org;
        this.schema = schema;
        this.operation = spec.operation();
        this.columns = columns;
        this.matchField = spec.externalIdFieldName() == null ? null : schema.field(spec.externalIdFieldName()).orElse(null);
    }

    /** The failure of a row that needs no look at the org (wrong number of values, no Id to update or delete); else null. */
    WriteResult precheck(List<String> row) {
        if (row.size() != columns.size()) {
            return failure("INVALID_FIELD", "The row has " + row.size() + " values but the header names " + columns.size()
                    + " columns; give every row one value per column (empty to leave a field alone)");
        }
        boolean needsId = operation == IngestOperation.update || operation == IngestOperation.delete || operation == IngestOperation.hardDelete;
        if (needsId && columns.id(row) == null) {
            return failure("MISSING_ARGUMENT", "Id not specified in an " + operation + " call", "Id");
        }
        return null;
    }

    /** Salesforce refuses every row of an upsert chunk whose external ID another row of the chunk also uses. */
    void markDuplicateKeys(List<List<String>> rows, WriteResult[] outcomes) {
        int column = matchField == null || matchField.name().equals("Id") ? -1 : columns.indexOf(matchField);
        if (operation != IngestOperation.upsert || column < 0) {
            return;
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < outcomes.length; i++) {
            String key = outcomes[i] == null ? key(rows.get(i), column) : null;
            if (key != null) {
                counts.merge(normalized(key), 1, Integer::sum);
            }
        }
        for (int i = 0; i < outcomes.length; i++) {
            String key = outcomes[i] == null ? key(rows.get(i), column) : null;
            if (key != null && counts.get(normalized(key)) > 1) {
                outcomes[i] = failure("DUPLICATE_EXTERNAL_ID", "Duplicate external id specified: " + key, matchField.name());
            }
        }
    }

    private static String key(List<String> row, int column) {
        String value = row.get(column);
        return value.isEmpty() || value.equals(IngestColumns.NULL_VALUE) ? null : value;
    }

    /** The failed result of a row that a record fault rule picked instead of writing it. */
    WriteResult injected(List<String> row, InjectedRecordError fault) {
        boolean hasId = operation != IngestOperation.insert && row.size() == columns.size();
        return WriteResult.failed(hasId ? columns.id(row) : null, RecordError.of(fault.errorCode(), fault.message()));
    }

    /** Writes one row; the caller holds the org's write lock. */
    WriteResult write(RecordWriter writer, List<String> row, Map<FieldSchema, Object> input) {
        return switch (operation) {
            case insert -> writer.create(schema, input);
            case update -> writer.update(schema, columns.id(row), input);
            case upsert -> upsert(writer, row, input);
            case delete -> writer.delete(schema, columns.id(row));
            case hardDelete -> hardDelete(writer, columns.id(row));
        };
    }

    private WriteResult upsert(RecordWriter writer, List<String> row, Map<FieldSchema, Object> input) {
        if (matchField.name().equals("Id")) {
            String id = columns.id(row);
            return id == null ? writer.create(schema, input) : writer.update(schema, id, input);
        }
        return writer.upsert(schema, matchField, input);
    }

    /** A delete that skips the Recycle Bin: the record is gone, not flagged IsDeleted. */
    private WriteResult hardDelete(RecordWriter writer, String id) {
        WriteResult result = writer.delete(schema, id);
        if (result.success()) {
            org.store(schema.name()).orElseThrow().remove(result.id());
        }
        return result;
    }

    private String normalized(String key) {
        String text = matchField.type().isNumber() ? numberText(key) : key;
        return matchField.caseSensitive() ? text : text.toLowerCase(Locale.ROOT);
    }

    private static String numberText(String key) {
        try {
            return new BigDecimal(key.trim()).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return key;
        }
    }

    private static WriteResult failure(String code, String message, String... fields) {
        return WriteResult.failed(null, RecordError.of(code, message, fields));
    }
}
