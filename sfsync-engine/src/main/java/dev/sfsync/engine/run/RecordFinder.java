package dev.sfsync.engine.run;

import dev.sfsync.engine.plan.Planner;
import dev.sfsync.salesforce.SalesforceClient;
import dev.sfsync.salesforce.rest.RecordStream;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds record Ids by a unique field's values, in batched SOQL queries ({@value Planner#QUERY_CHUNK} values each),
 * remembering every answer (found or not) for the rest of the run, so each value costs at most one query share.
 * Thread-safe.
 */
final class RecordFinder {
    private static final Optional<String> NONE = Optional.empty();

    private final SalesforceClient client;
    private final Map<String, Map<String, Optional<String>>> cache = new ConcurrentHashMap<>();

    RecordFinder(SalesforceClient client) {
        this.client = client;
    }

    /** The Id of the record of {@code object} whose {@code field} equals each value; absent values have no record. */
    Map<String, String> find(String object, String field, Collection<String> values) {
        Map<String, Optional<String>> known = cache.computeIfAbsent(object + "." + field, k -> new ConcurrentHashMap<>());
        List<String> missing = new ArrayList<>();
        for (String value : new LinkedHashSet<>(values)) {
            if (!known.containsKey(value)) {
                missing.add(value);
            }
        }
        for (int from = 0; from < missing.size(); from += Planner.QUERY_CHUNK) {
            List<String> chunk = missing.subList(from, Math.min(missing.size(), from + Planner.QUERY_CHUNK));
            Map<String, Optional<String>> found = query(object, field, chunk);
            known.putAll(found);
        }
        Map<String, String> ids = new HashMap<>();
        for (String value : values) {
            known.getOrDefault(value, NONE).ifPresent(id -> ids.put(value, id));
        }
        return ids;
    }

    /**
     * As {@link #find}, remembering nothing: for a set-based run's lookups, whose answers go to a table of their own
     * (a million values would otherwise stay in memory for the rest of the run).
     */
    Map<String, String> findOnce(String object, String field, List<String> values) {
        Map<String, String> ids = new HashMap<>();
        for (int from = 0; from < values.size(); from += Planner.QUERY_CHUNK) {
            query(object, field, values.subList(from, Math.min(values.size(), from + Planner.QUERY_CHUNK)))
                    .forEach((value, id) -> id.ifPresent(found -> ids.put(value, found)));
        }
        return ids;
    }

    /** As {@link #find}, asking Salesforce now whatever was remembered: for records a lost answer may have created. */
    Map<String, String> findNow(String object, String field, Collection<String> values) {
        Map<String, Optional<String>> known = cache.computeIfAbsent(object + "." + field, k -> new ConcurrentHashMap<>());
        List<String> distinct = List.copyOf(new LinkedHashSet<>(values));
        for (int from = 0; from < distinct.size(); from += Planner.QUERY_CHUNK) {
            known.putAll(query(object, field, distinct.subList(from, Math.min(distinct.size(), from + Planner.QUERY_CHUNK))));
        }
        return find(object, field, values);
    }

    /** Forgets what a value was found to be, after the run created or deleted its record. */
    void remember(String object, String field, String value, String id) {
        cache.computeIfAbsent(object + "." + field, k -> new ConcurrentHashMap<>()).put(value, Optional.ofNullable(id));
    }

    /**
     * The current values of {@code fields} of the records whose {@code keyField} is one of {@code keys}, by key as the
     * caller spelt it (case ignored, as external IDs match); never cached: the records may change under a run.
     */
    Map<String, Map<String, Object>> currentValues(String object, String keyField, Collection<String> keys, Collection<String> fields) {
        Map<String, String> spelling = new HashMap<>();
        keys.forEach(k -> spelling.putIfAbsent(k.toLowerCase(java.util.Locale.ROOT), k));
        List<String> distinct = List.copyOf(new LinkedHashSet<>(keys));
        Map<String, Map<String, Object>> out = new HashMap<>();
        String select = "SELECT " + String.join(", ", new LinkedHashSet<>(prepend(keyField, fields))) + " FROM " + object + " WHERE " + keyField + " IN (";
        for (int from = 0; from < distinct.size(); from += Planner.QUERY_CHUNK) {
            StringBuilder in = new StringBuilder();
            for (String key : distinct.subList(from, Math.min(distinct.size(), from + Planner.QUERY_CHUNK))) {
                in.append(in.isEmpty() ? "" : ",").append('\'').append(escape(key)).append('\'');
            }
            try (RecordStream records = client.rest().query(select + in + ")")) {
                while (records.hasNext()) {
                    Map<String, Object> record = records.next();
                    Object key = valueOf(record, keyField);
                    String wanted = key == null ? null : spelling.get(key.toString().toLowerCase(java.util.Locale.ROOT));
                    if (wanted != null) {
                        out.put(wanted, record);
                    }
                }
            }
        }
        return out;
    }

    private static List<String> prepend(String first, Collection<String> rest) {
        List<String> all = new ArrayList<>();
        all.add(first);
        all.addAll(rest);
        return all;
    }

    private Map<String, Optional<String>> query(String object, String field, List<String> values) {
        Map<String, Optional<String>> found = new HashMap<>();
        values.forEach(v -> found.put(v, NONE));
        StringBuilder in = new StringBuilder();
        for (String value : values) {
            in.append(in.isEmpty() ? "" : ",").append('\'').append(escape(value)).append('\'');
        }
        String soql = "SELECT Id, " + field + " FROM " + object + " WHERE " + field + " IN (" + in + ")";
        try (RecordStream records = client.rest().query(soql)) {
            while (records.hasNext()) {
                Map<String, Object> record = records.next();
                Object value = valueOf(record, field);
                if (value != null) {
                    // External IDs match case-insensitively unless the field is case-sensitive; map back to the row's spelling.
                    for (String wanted : values) {
                        if (wanted.equals(value.toString()) || (found.get(wanted).isEmpty() && wanted.equalsIgnoreCase(value.toString()))) {
                            found.put(wanted, Optional.of(record.get("Id").toString()));
                        }
                    }
                }
            }
        }
        return found;
    }

    static Object valueOf(Map<String, Object> record, String field) {
        for (Map.Entry<String, Object> entry : record.entrySet()) {
            if (entry.getKey().equalsIgnoreCase(field)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** SOQL string literal escaping: backslash and quote. */
    static String escape(String value) {
        return value.replace("\\", "\\\\").replace("'", "\\'");
    }
}
