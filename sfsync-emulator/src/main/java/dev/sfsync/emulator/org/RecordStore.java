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

    public RecordStore(ObjectSchema schema) {
        this.schema = schema;
    }

    public ObjectSchema schema() {
        return schema;
    }

    void schema(ObjectSchema changed) {
        this.schema = changed;
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
        StoredRecord previous = byId.put(record.id(), record);
        if (previous != null) {
            unindex(previous);
        }
        if (!record.isDeleted()) {
            index(record);
        }
    }

    public void remove(String id18) {
        StoredRecord previous = byId.remove(id18);
        if (previous != null) {
            unindex(previous);
        }
    }

    public void clear() {
        byId.clear();
        indexes.clear();
    }

    private void index(StoredRecord record) {
        for (FieldSchema field : schema.fields()) {
            if (isIndexed(field)) {
                Object value = record.values().get(field.name());
                if (value != null) {
                    indexes.computeIfAbsent(field.name(), k -> new ConcurrentHashMap<>())
                            .computeIfAbsent(indexKey(field, value), k -> ConcurrentHashMap.newKeySet())
                            .add(record.id());
                }
            }
        }
    }

    private void unindex(StoredRecord record) {
        for (FieldSchema field : schema.fields()) {
            Map<String, Set<String>> index = indexes.get(field.name());
            Object value = record.values().get(field.name());
            if (index != null && value != null) {
                Set<String> ids = index.get(indexKey(field, value));
                if (ids != null) {
                    ids.remove(record.id());
                    if (ids.isEmpty()) {
                        index.remove(indexKey(field, value));
                    }
                }
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
