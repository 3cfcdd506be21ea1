package dev.sfsync.emulator.bulk1;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.SalesforceIds;

import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The row locks a record needs: its own Id when it changes an existing record, the Id of every parent it looks up,
 * the parent named through an external ID ({@code Account.External_Key__c=a-1}), and for upserts its external ID.
 */
final class LockKeys {
    private LockKeys() {
    }

    static Set<String> of(Job job, ObjectSchema schema, Map<String, Object> record) {
        Set<String> keys = new LinkedHashSet<>();
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            String text = entry.getValue() == null ? "" : entry.getValue().toString().trim();
            if (text.isEmpty()) {
                continue;
            }
            String name = entry.getKey();
            if (name.indexOf('.') > 0) {
                keys.add(name + "=" + text.toLowerCase(Locale.ROOT));
                continue;
            }
            Optional<FieldSchema> field = schema.field(name);
            if (field.isEmpty()) {
                continue;
            }
            boolean ownId = field.get().name().equals("Id") && job.operation() != Operation.insert;
            if (ownId || field.get().type() == FieldType.REFERENCE) {
                SalesforceIds.normalize(text).ifPresent(keys::add);
            } else if (job.operation() == Operation.upsert && field.get().name().equalsIgnoreCase(job.externalIdFieldName())) {
                keys.add(schema.name() + "." + field.get().name() + "=" + text.toLowerCase(Locale.ROOT));
            }
        }
        return keys;
    }

    /** Every key the records of a batch need; a batch that cannot be read needs none (it will fail as a whole). */
    static Set<String> scan(Batch batch, ObjectSchema schema) {
        Job job = batch.job();
        Set<String> keys = new LinkedHashSet<>();
        if (job.operation().isQuery() || schema == null) {
            return keys;
        }
        try (BatchRecords records = BatchRecords.open(job.contentType(), batch.requestFile())) {
            for (Map<String, Object> record = records.next(); record != null; record = records.next()) {
                keys.addAll(of(job, schema, record));
            }
        } catch (IOException | MalformedBatch | RuntimeException e) {
            return keys;
        }
        return keys;
    }
}
