package dev.sfsync.emulator.org;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
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
    // Field name -> index key -> the one live record's id (a String, as unique and external IDs mostly are) or, when
    // several records share the value, an immutable Set of their ids: a set per key would cost ~200 bytes a record.
    private final Map<String, Map<String, Object>> indexes = new ConcurrentHashMap<>();
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
        Map<String, Object> index = indexes.get(field.name());
        if (index != null) {
            return idsOf(index.get(indexKey(field, value)));
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
                indexes.computeIfAbsent(field.name(), k -> new ConcurrentHashMap<>()).merge(after, record.id(), RecordStore::withId);
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
        Map<String, Object> index = indexes.get(field.name());
        if (index != null) {
            index.computeIfPresent(key, (k, ids) -> withoutId(ids, id));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> idsOf(Object ids) {
        if (ids == null) {
            return List.of();
        }
        return ids instanceof String one ? List.of(one) : List.copyOf((Set<String>) ids);
    }

    /** The ids held for a key with one more; sets are replaced, never changed, so a reader copying one sees it whole. */
    private static Object withId(Object ids, Object id) {
        Set<String> more = new LinkedHashSet<>(idsOf(ids));
        more.add((String) id);
        return more.size() == 1 ? more.iterator().next() : Collections.unmodifiableSet(more);
    }

    /** The ids held for a key with one fewer; null (the key goes) when none is left. */
    private static Object withoutId(Object ids, String id) {
        Set<String> fewer = new LinkedHashSet<>(idsOf(ids));
        fewer.remove(id);
        return switch (fewer.size()) {
            case 0 -> null;
            case 1 -> fewer.iterator().next();
            default -> Collections.unmodifiableSet(fewer);
        };
    }

    private static boolean isIndexed(FieldSchema field) {
        return field.externalId() || field.unique() || field.name().equals("Email");
    }

    static String indexKey(FieldSchema field, Object value) {
        String text = String.valueOf(value);
        return field.caseSensitive() ? text : text.toLowerCase(Locale.ROOT);
    }
}
