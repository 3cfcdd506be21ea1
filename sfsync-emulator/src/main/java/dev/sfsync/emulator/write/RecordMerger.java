package dev.sfsync.emulator.write;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.FieldType;
import dev.sfsync.emulator.org.ObjectPermission;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Org;
import dev.sfsync.emulator.org.RecordStore;
import dev.sfsync.emulator.org.SalesforceIds;
import dev.sfsync.emulator.org.StoredRecord;
import dev.sfsync.emulator.org.UserAccount;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * merge(): combines one or two records into a master record of the same object, in one transaction per request.
 * The master takes the given field values, the children of the merged records move to the master, and the merged
 * records are deleted with MasterRecordId pointing at the master, so queryAll finds them as Salesforce's do.
 */
public final class RecordMerger {
    /** Salesforce merges these objects only. */
    public static final Set<String> MERGEABLE = Set.of("Account", "Contact", "Lead", "Individual");
    /** A request merges at most this many records into its master (three records in all, as in the user interface). */
    public static final int MAX_MERGED = 2;

    /** What merge() reports per request. */
    public record MergeResult(String id, boolean success, List<String> mergedRecordIds, List<String> updatedRelatedIds, List<RecordError> errors) {
        public MergeResult {
            mergedRecordIds = List.copyOf(mergedRecordIds);
            updatedRelatedIds = List.copyOf(updatedRelatedIds);
            errors = List.copyOf(errors);
        }

        static MergeResult failed(String id, RecordError error) {
            return new MergeResult(id, false, List.of(), List.of(), List.of(error));
        }
    }

    private final Org org;
    private final UserAccount user;

    public RecordMerger(Org org, UserAccount user) {
        this.org = org;
        this.user = user;
    }

    /** Merges; {@code masterChanges} are the master record's fields to set (its Id excluded). Holds the org's write lock. */
    public MergeResult merge(ObjectSchema schema, String rawMasterId, Map<FieldSchema, Object> masterChanges, List<String> rawMergeIds) {
        synchronized (org.writeLock()) {
            Optional<RecordError> invalid = checkRequest(schema, rawMasterId, rawMergeIds);
            if (invalid.isPresent()) {
                return MergeResult.failed(SalesforceIds.normalize(rawMasterId).orElse(null), invalid.get());
            }
            String masterId = SalesforceIds.normalize(rawMasterId).orElseThrow();
            List<String> mergeIds = rawMergeIds.stream().map(id -> SalesforceIds.normalize(id).orElseThrow()).toList();
            RecordWriter writer = new RecordWriter(org, user);
            WriteResult master = writer.update(schema, masterId, masterChanges);
            if (!master.success()) {
                writer.rollback();
                return MergeResult.failed(masterId, master.firstError());
            }
            List<String> related = reparentChildren(writer, schema, masterId, new java.util.HashSet<>(mergeIds));
            RecordStore store = org.store(schema.name()).orElseThrow();
            for (String victim : mergeIds) {
                WriteResult deleted = writer.delete(schema, victim);
                if (!deleted.success()) {
                    writer.rollback();
                    return MergeResult.failed(masterId, deleted.firstError());
                }
                writer.putSystemChange(store.get(victim).orElseThrow(), Map.of("MasterRecordId", masterId));
            }
            return new MergeResult(masterId, true, mergeIds, related, List.of());
        }
    }

    private Optional<RecordError> checkRequest(ObjectSchema schema, String rawMasterId, List<String> rawMergeIds) {
        if (!MERGEABLE.contains(schema.name())) {
            return Optional.of(RecordError.of("INVALID_TYPE_FOR_OPERATION", "entity type does not support merge"
                    + " (merge() takes Account, Contact, Lead and Individual records)"));
        }
        if (rawMasterId == null || rawMasterId.isBlank()) {
            return Optional.of(RecordError.of("MISSING_ARGUMENT", "masterRecord needs the Id of the record to merge into", "Id"));
        }
        if (rawMergeIds.isEmpty()) {
            return Optional.of(RecordError.of("MISSING_ARGUMENT", "A single merge request must contain at least one records to merge, got none"));
        }
        if (rawMergeIds.size() > MAX_MERGED) {
            return Optional.of(RecordError.of("LIMIT_EXCEEDED", "A single merge request can merge at most " + MAX_MERGED
                    + " records into the master record, got " + rawMergeIds.size() + " (merge the others in a further request into the same master)"));
        }
        Set<String> seen = new LinkedHashSet<>();
        List<String> all = new ArrayList<>();
        all.add(rawMasterId);
        all.addAll(rawMergeIds);
        for (String raw : all) {
            Optional<String> id = SalesforceIds.normalize(raw);
            if (id.isEmpty() || !id.get().startsWith(schema.keyPrefix())) {
                return Optional.of(RecordError.of("INVALID_ID_FIELD", "invalid record id: " + raw + " is not the id of a " + schema.name()));
            }
            if (!seen.add(id.get())) {
                return Optional.of(RecordError.of("INVALID_ID_FIELD", "duplicate id in merge request: " + raw
                        + " (the master record cannot be merged into itself)"));
            }
            StoredRecord record = org.store(schema.name()).flatMap(s -> s.get(id.get())).orElse(null);
            if (record == null) {
                return Optional.of(RecordError.of("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id: " + raw));
            }
            if (record.isDeleted()) {
                return Optional.of(RecordError.of("ENTITY_IS_DELETED", "entity is deleted: " + raw));
            }
            if (schema.isLead() && Boolean.TRUE.equals(record.get("IsConverted"))) {
                return Optional.of(RecordError.of("CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead: " + raw));
            }
        }
        if (!user.profile().can(schema.name(), ObjectPermission.EDIT) || !user.profile().can(schema.name(), ObjectPermission.DELETE)) {
            return Optional.of(RecordError.of("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id"
                    + " (merging needs edit and delete access to " + schema.name() + ")"));
        }
        return Optional.empty();
    }

    /** Points every live child of the merged records at the master; returns the ids the user may see. {@code victims} takes nulls. */
    private List<String> reparentChildren(RecordWriter writer, ObjectSchema parent, String masterId, Set<String> victims) {
        List<String> moved = new ArrayList<>();
        for (ObjectSchema child : org.schemas()) {
            for (FieldSchema field : child.fields()) {
                if (field.type() != FieldType.REFERENCE || field.name().equals("MasterRecordId")
                        || field.referenceTo().stream().noneMatch(t -> t.equalsIgnoreCase(parent.name()))) {
                    continue;
                }
                for (StoredRecord record : List.copyOf(org.store(child.name()).orElseThrow().all())) {
                    if (!record.isDeleted() && victims.contains(record.values().get(field.name())) && !victims.contains(record.id())) {
                        writer.putSystemChange(org.store(child.name()).orElseThrow().get(record.id()).orElseThrow(), Map.of(field.name(), masterId));
                        if (user.profile().can(child.name(), ObjectPermission.READ) && !moved.contains(record.id())) {
                            moved.add(record.id());
                        }
                    }
                }
            }
        }
        return moved;
    }
}
