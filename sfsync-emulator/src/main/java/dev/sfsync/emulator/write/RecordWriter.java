package dev.sfsync.emulator.write;

import dev.sfsync.emulator.org.Access;
import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.SystemFields;
import dev.sfsync.emulator.org.UserAccount;
import dev.sfsync.emulator.org.ValidationRule;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates, updates, upserts and deletes records as one user, enforcing what Salesforce enforces, in its order:
 * object access, record locks, converted leads, writable fields (field-level security included), value types,
 * required fields, references, validation rules, then unique values. Every failure is a per-record
 * {@link RecordError}, never an exception. Writes can be rolled back (all-or-none calls).
 *
 * <p>Not thread-safe: callers hold {@link Org#writeLock()} from the first write to the commit or rollback.
 */
public final class RecordWriter {
    private final Org org;
    private final UserAccount user;
    private final Deque<Runnable> undo = new ArrayDeque<>();

    public RecordWriter(Org org, UserAccount user) {
        this.org = org;
        this.user = user;
    }

    public WriteResult create(ObjectSchema schema, Map<FieldSchema, Object> input) {
        if (schema.name().equals("User") || !user.profile().can(schema.name(), ObjectPermission.CREATE)) {
            return WriteResult.failed(null, insufficientAccess());
        }
        try {
            LinkedHashMap<String, Object> values = new LinkedHashMap<>();
            List<String> notWritable = new ArrayList<>();
            for (Map.Entry<FieldSchema, Object> entry : input.entrySet()) {
                FieldSchema field = entry.getKey();
                if (field.name().equals("Id")) {
                    return WriteResult.failed(null, RecordError.of("INVALID_FIELD_FOR_INSERT_UPDATE", "cannot specify Id in an insert call", "Id"));
                }
                if (!field.createable() || access(schema, field) != Access.EDIT) {
                    notWritable.add(field.name());
                    continue;
                }
                values.put(field.name(), storedValue(schema, field, entry.getValue()));
            }
            if (!notWritable.isEmpty()) {
                return WriteResult.failed(null, notWritable(notWritable));
            }
            applyDefaults(schema, values);
            RecordTypeRule.apply(org, user.profile(), schema, values, true, values.get(dev.sfsync.emulator.org.RecordTypes.FIELD) != null);
            checkRequired(schema, values, schema.requiredOnCreate());
            return store(schema, org.ids().next(schema.keyPrefix()), values, true);
        } catch (InvalidValue e) {
            return WriteResult.failed(null, e.error());
        }
    }

    public WriteResult update(ObjectSchema schema, String rawId, Map<FieldSchema, Object> input) {
        Optional<String> id = SalesforceIds.normalize(rawId);
        if (id.isEmpty() || !id.get().startsWith(schema.keyPrefix())) {
            return WriteResult.failed(null, RecordError.of("MALFORMED_ID", schema.label() + " ID: id value of incorrect type: " + rawId, "Id"));
        }
        RecordStore store = org.store(schema.name()).orElseThrow();
        StoredRecord existing = store.get(id.get()).orElse(null);
        if (existing == null) {
            return WriteResult.failed(id.get(), RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        }
        if (existing.isDeleted()) {
            return WriteResult.failed(id.get(), RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        if (schema.platformEvent()) {
            return WriteResult.failed(id.get(), immutableEvent(schema, "updated"));
        }
        if (schema.name().equals("User") || !user.profile().can(schema.name(), ObjectPermission.EDIT)) {
            return WriteResult.failed(id.get(), insufficientAccess());
        }
        if (org.lockedRecordIds().contains(id.get())) {
            return WriteResult.failed(id.get(), unableToLock(id.get()));
        }
        if (schema.isLead() && Boolean.TRUE.equals(existing.get("IsConverted"))) {
            return WriteResult.failed(id.get(), RecordError.of("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead"));
        }
        try {
            LinkedHashMap<String, Object> values = new LinkedHashMap<>(existing.values());
            List<String> notWritable = new ArrayList<>();
            List<FieldSchema> touched = new ArrayList<>();
            for (Map.Entry<FieldSchema, Object> entry : input.entrySet()) {
                FieldSchema field = entry.getKey();
                if (field.name().equals("Id")) {
                    continue;
                }
                if (!field.updateable() || access(schema, field) != Access.EDIT) {
                    notWritable.add(field.name());
                    continue;
                }
                values.put(field.name(), storedValue(schema, field, entry.getValue()));
                touched.add(field);
            }
            if (!notWritable.isEmpty()) {
                return WriteResult.failed(id.get(), notWritable(notWritable));
            }
            RecordTypeRule.apply(org, user.profile(), schema, values, false,
                    touched.stream().anyMatch(f -> f.name().equals(dev.sfsync.emulator.org.RecordTypes.FIELD)));
            checkRequired(schema, values, touched);
            WriteResult result = store(schema, id.get(), values, false);
            return result.success() ? WriteResult.saved(id.get()) : result;
        } catch (InvalidValue e) {
            return WriteResult.failed(id.get(), e.error());
        }
    }

    /** Upsert by an external ID (or Id) field: create when nothing matches, update one match, refuse several. */
    public WriteResult upsert(ObjectSchema schema, FieldSchema matchField, Map<FieldSchema, Object> input) {
        Object rawKey = input.get(matchField);
        if (rawKey == null || String.valueOf(rawKey).isBlank()) {
            return WriteResult.failed(null, RecordError.of("MISSING_ARGUMENT", matchField.name() + " not specified", matchField.name()));
        }
        if (matchField.name().equals("Id")) {
            Map<FieldSchema, Object> rest = new LinkedHashMap<>(input);
            rest.remove(matchField);
            return update(schema, String.valueOf(rawKey), rest);
        }
        Object key;
        try {
            key = ValueCoercer.coerce(matchField, rawKey);
        } catch (InvalidValue e) {
            return WriteResult.failed(null, e.error());
        }
        List<String> matches = org.store(schema.name()).orElseThrow().findBy(matchField, key);
        if (matches.size() > 1) {
            return WriteResult.failed(null, RecordError.of("DUPLICATE_EXTERNAL_ID",
                    matchField.label() + ": more than one record found for external id field: " + matches, matchField.name()));
        }
        if (matches.isEmpty()) {
            return create(schema, input);
        }
        Map<FieldSchema, Object> changes = new LinkedHashMap<>(input);
        changes.remove(matchField);
        return update(schema, matches.getFirst(), changes);
    }

    public WriteResult delete(ObjectSchema expected, String rawId) {
        Optional<String> id = SalesforceIds.normalize(rawId);
        if (id.isEmpty()) {
            return WriteResult.failed(null, RecordError.of("MALFORMED_ID", "malformed id " + rawId));
        }
        Optional<ObjectSchema> schema = expected != null ? Optional.of(expected) : org.schemaForId(id.get());
        if (schema.isEmpty() || !id.get().startsWith(schema.get().keyPrefix())) {
            return WriteResult.failed(null, RecordError.of("MALFORMED_ID", "malformed id " + rawId));
        }
        RecordStore store = org.store(schema.get().name()).orElseThrow();
        StoredRecord existing = store.get(id.get()).orElse(null);
        if (existing == null) {
            return WriteResult.failed(id.get(), RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        }
        if (existing.isDeleted()) {
            return WriteResult.failed(id.get(), RecordError.of("ENTITY_IS_DELETED", "entity is deleted"));
        }
        if (schema.get().platformEvent()) {
            return WriteResult.failed(id.get(), immutableEvent(schema.get(), "deleted"));
        }
        if (schema.get().name().equals("User") || !user.profile().can(schema.get().name(), ObjectPermission.DELETE)) {
            return WriteResult.failed(id.get(), insufficientAccess());
        }
        if (org.lockedRecordIds().contains(id.get())) {
            return WriteResult.failed(id.get(), unableToLock(id.get()));
        }
        RecordHook hook = RecordHooks.of(schema.get());
        Optional<RecordError> refused = hook == null ? Optional.empty() : hook.beforeWrite(org, user, schema.get(), existing, null);
        if (refused.isPresent()) {
            return WriteResult.failed(id.get(), refused.get());
        }
        LinkedHashMap<String, Object> values = new LinkedHashMap<>(existing.values());
        values.put("IsDeleted", Boolean.TRUE);
        Instant now = SystemFields.auditTime(org.clock().instant());
        values.put("SystemModstamp", now);
        values.put("LastModifiedDate", now);
        put(store, StoredRecord.adopting(id.get(), schema.get(), values), false);
        return WriteResult.saved(id.get());
    }

    /** Undoes every write of this writer, newest first. */
    public void rollback() {
        while (!undo.isEmpty()) {
            undo.pop().run();
        }
    }

    private WriteResult store(ObjectSchema schema, String id, LinkedHashMap<String, Object> values, boolean creating) throws InvalidValue {
        deriveFields(schema, values, creating);
        checkReferences(schema, values);
        for (ValidationRule rule : schema.validationRules()) {
            Optional<String> failure = rule.check(name -> schema.field(name).map(f -> values.get(f.name())).orElse(null));
            if (failure.isPresent()) {
                List<String> fields = rule.errorDisplayField() == null ? List.of() : List.of(rule.errorDisplayField());
                return WriteResult.failed(creating ? null : id, new RecordError("FIELD_CUSTOM_VALIDATION_EXCEPTION", failure.get(), fields));
            }
        }
        RecordStore store = org.store(schema.name()).orElseThrow();
        RecordHook hook = RecordHooks.of(schema);
        if (hook != null) {
            Optional<RecordError> refused = hook.beforeWrite(org, user, schema, creating ? null : store.get(id).orElse(null), values);
            if (refused.isPresent()) {
                return WriteResult.failed(creating ? null : id, refused.get());
            }
        }
        for (FieldSchema field : schema.uniqueFields()) {
            Object value = values.get(field.name());
            if (value != null) {
                for (String other : store.findBy(field, value)) {
                    if (!other.equals(id)) {
                        return WriteResult.failed(creating ? null : id, new RecordError("DUPLICATE_VALUE",
                                "duplicate value found: " + field.name() + " duplicates value on record with id: " + other, List.of()));
                    }
                }
            }
        }
        SystemFields.stamp(values, id, user.id(), org.clock().instant(), creating);
        put(store, StoredRecord.adopting(id, schema, values), creating);
        if (schema.platformEvent()) {
            return WriteResult.enqueued(id, String.valueOf(values.get("EventUuid")));
        }
        return creating ? WriteResult.created(id) : WriteResult.saved(id);
    }

    /**
     * Changes fields Salesforce maintains itself (no access or value checks), stamping the modification; undone with the
     * rest of this writer's work. Merges use it to re-parent records and to mark what a victim was merged into.
     */
    void putSystemChange(StoredRecord existing, Map<String, Object> changes) {
        LinkedHashMap<String, Object> values = new LinkedHashMap<>(existing.values());
        values.putAll(changes);
        Instant now = SystemFields.auditTime(org.clock().instant());
        values.put("LastModifiedDate", now);
        values.put("LastModifiedById", user.id());
        values.put("SystemModstamp", now);
        put(org.store(existing.objectName()).orElseThrow(), StoredRecord.adopting(existing.id(), existing.schema(), values), false);
    }

    /** Stores a version and remembers how to undo it; a created record has no previous version to look up. */
    private void put(RecordStore store, StoredRecord record, boolean creating) {
        StoredRecord previous = creating ? null : store.get(record.id()).orElse(null);
        store.put(record);
        RecordHook hook = RecordHooks.of(record.schema());
        if (hook != null) {
            hook.afterWrite(org, previous, record);
        }
        undo.push(() -> {
            if (previous == null) {
                store.remove(record.id());
            } else {
                store.put(previous);
            }
            if (hook != null) {
                hook.afterWrite(org, record, previous);
            }
        });
    }

    private Object storedValue(ObjectSchema schema, FieldSchema field, Object raw) throws InvalidValue {
        if (raw instanceof ParentReference parent) {
            return ParentResolver.resolve(org, field, parent);
        }
        if (raw == null && field.type() == FieldType.BOOLEAN) {
            throw new InvalidValue(RecordError.of("INVALID_TYPE_ON_FIELD_IN_RECORD", field.label() + ": value not of required type: null", field.name()));
        }
        Object value = ValueCoercer.coerce(field, raw);
        return value instanceof String text && text.isEmpty() ? null : value;
    }

    private void applyDefaults(ObjectSchema schema, Map<String, Object> values) {
        for (FieldSchema field : schema.defaultedFields()) {
            if (!values.containsKey(field.name())) {
                values.put(field.name(), field.defaultValue());
            }
        }
        if (schema.field("OwnerId").isPresent() && values.get("OwnerId") == null) {
            values.put("OwnerId", user.id());
        }
    }

    private static void checkRequired(ObjectSchema schema, Map<String, Object> values, Iterable<FieldSchema> fields) throws InvalidValue {
        List<String> missing = new ArrayList<>();
        for (FieldSchema field : fields) {
            if (field.requiredOnCreate() && values.get(field.name()) == null) {
                missing.add(field.name());
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidValue(new RecordError("REQUIRED_FIELD_MISSING", "Required fields are missing: " + missing, missing));
        }
    }

    private void checkReferences(ObjectSchema schema, Map<String, Object> values) throws InvalidValue {
        for (FieldSchema field : schema.writableReferences()) {
            Object value = values.get(field.name());
            if (value == null) {
                continue;
            }
            String id = (String) value;
            Optional<ObjectSchema> target = org.schemaForId(id);
            if (target.isEmpty() || field.referenceTo().stream().noneMatch(t -> t.equalsIgnoreCase(target.get().name()))) {
                throw new InvalidValue(RecordError.of("FIELD_INTEGRITY_EXCEPTION",
                        field.label() + ": id value of incorrect type: " + id, field.name()));
            }
            Optional<StoredRecord> parent = org.store(target.get().name()).flatMap(s -> s.get(id));
            if (parent.isEmpty()) {
                throw new InvalidValue(RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", field.name()));
            }
            if (parent.get().isDeleted()) {
                throw new InvalidValue(RecordError.of("ENTITY_IS_DELETED", "entity is deleted", field.name()));
            }
        }
    }

    private void deriveFields(ObjectSchema schema, Map<String, Object> values, boolean creating) {
        Optional<FieldSchema> name = schema.field("Name");
        if (name.isPresent() && !name.get().createable() && schema.field("LastName").isPresent()) {
            Object first = values.get("FirstName");
            Object last = values.get("LastName");
            values.put("Name", first == null ? last : first + " " + last);
        }
        if (schema.name().equals("Opportunity")) {
            Object stage = values.get("StageName");
            values.put("IsClosed", "Closed Won".equals(stage) || "Closed Lost".equals(stage));
            values.put("IsWon", "Closed Won".equals(stage));
        }
        if (schema.isLead() && Boolean.TRUE.equals(values.get("IsConverted")) && values.get("ConvertedDate") == null) {
            values.put("ConvertedDate", org.clock().instant().atZone(java.time.ZoneOffset.UTC).toLocalDate());
        }
        if (creating) {
            for (FieldSchema field : schema.autoNumberFields()) {
                values.put(field.name(), org.nextAutoNumber(schema.name(), field.name()));
            }
        }
    }

    private Access access(ObjectSchema schema, FieldSchema field) {
        return user.profile().fieldAccess(schema.name(), field.name());
    }

    private static RecordError notWritable(List<String> fields) {
        return new RecordError("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + String.join(", ", fields)
                + ". Please check the security settings of this field and verify that it is read/write for your profile or permission set.", fields);
    }

    private static RecordError insufficientAccess() {
        return RecordError.of("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id");
    }

    private static RecordError immutableEvent(ObjectSchema schema, String verb) {
        return RecordError.of("INVALID_TYPE_FOR_OPERATION", "entity type cannot be " + verb + ": " + schema.label()
                + " (platform event messages can only be published)");
    }

    public static RecordError unableToLock(String id) {
        return RecordError.of("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records: " + id);
    }
}
