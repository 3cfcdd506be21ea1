package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The records of one object, in id order (which is creation order, as Salesforce returns them without ORDER BY),
 * with indexes on external ID and unique fields for upserts and duplicate checks. Deleted records stay, flagged
 * IsDeleted, until hard-deleted; indexes only hold live records. Callers serialise writes through {@link Org#writeLock()}.
 */
public final class RecordStore {
    private final ConcurrentSkipListMap<String, StoredRecord> byId = new ConcurrentSkipListMap<>();
    private final Map<String, Map<String, Set<String>>> indexes = new ConcurrentHashMap<>();
    private volatile ObjectSchema schema;
    // Recomputed when the schema changes; both fields are only touched by writers, under the org's write lock.
    private List<FieldSchema> indexedFields = List.of();
    private ObjectSchema indexedFieldsOf;

    public RecordStore(ObjectSchema schema) {
        this.schema = schema;
    }

    public ObjectSchema schema() {
        return schema;
    }

    /** A changed definition can add or drop indexed fields (a new external ID, say), so the indexes are rebuilt. */
    void schema(ObjectSchema changed) {
        this.schema = changed;
        indexes.clear();
        for (StoredRecord record : byId.values()) {
            reindex(null, record);
        }
    }

    public Optional<StoredRecord> get(String id18) {
        return Optional.ofNullable(byId.get(id18));
    }

    /** Every record, deleted ones included, in id order. */
    public Collection<StoredRecord> all() {
        return byId.values();
    }

    public int liveCount() {
        int count = 0;
        for (StoredRecord record : byId.values()) {
            if (!record.isDeleted()) {
                count++;
            }
        }
        return count;
    }

    /** Ids of live records whose indexed field equals the value (case-insensitively unless the field is case-sensitive). */
    public List<String> findBy(FieldSchema field, Object value) {
        if (value == null) {
            return List.of();
        }
        Map<String, Set<String>> index = indexes.get(field.name());
        if (index != null) {
            Set<String> ids = index.get(indexKey(field, value));
            return ids == null ? List.of() : List.copyOf(ids);
        }
        List<String> found = new ArrayList<>();
        String wanted = indexKey(field, value);
        for (StoredRecord record : byId.values()) {
            Object candidate = record.values().get(field.name());
            if (!record.isDeleted() && candidate != null && indexKey(field, candidate).equals(wanted)) {
                found.add(record.id());
            }
        }
        return found;
    }

    public void put(StoredRecord record) {
        reindex(byId.put(record.id(), record), record);
    }

    private void reindex(StoredRecord previous, StoredRecord record) {
        for (FieldSchema field : indexedFields()) {
            String before = previous == null || previous.isDeleted() ? null : keyOf(field, previous);
            String after = record.isDeleted() ? null : keyOf(field, record);
            if (before != null && !before.equals(after)) {
                unindex(field, before, record.id());
            }
            if (after != null && !after.equals(before)) {
                indexes.computeIfAbsent(field.name(), k -> new ConcurrentHashMap<>())
                        .computeIfAbsent(after, k -> ConcurrentHashMap.newKeySet())
                        .add(record.id());
            }
        }
    }

    public void remove(String id18) {
        StoredRecord previous = byId.remove(id18);
        if (previous != null && !previous.isDeleted()) {
            for (FieldSchema field : indexedFields()) {
                String key = keyOf(field, previous);
                if (key != null) {
                    unindex(field, key, id18);
                }
            }
        }
    }

    public void clear() {
        byId.clear();
        indexes.clear();
    }

    private List<FieldSchema> indexedFields() {
        ObjectSchema current = schema;
        List<FieldSchema> cached = indexedFields;
        if (indexedFieldsOf != current) {
            cached = current.fields().stream().filter(RecordStore::isIndexed).toList();
            indexedFields = cached;
            indexedFieldsOf = current;
        }
        return cached;
    }

    private static String keyOf(FieldSchema field, StoredRecord record) {
        Object value = record.values().get(field.name());
        return value == null ? null : indexKey(field, value);
    }

    private void unindex(FieldSchema field, String key, String id) {
        Map<String, Set<String>> index = indexes.get(field.name());
        Set<String> ids = index == null ? null : index.get(key);
        if (ids != null) {
            ids.remove(id);
            if (ids.isEmpty()) {
                index.remove(key);
            }
        }
    }

    private static boolean isIndexed(FieldSchema field) {
        return field.externalId() || field.unique() || field.name().equals("Email");
    }

    static String indexKey(FieldSchema field, Object value) {
        String text = String.valueOf(value);
        return field.caseSensitive() ? text : text.toLowerCase(Locale.ROOT);
    }
}
