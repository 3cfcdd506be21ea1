package dev.sfsync.emulator.org;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The layouts of one object's record versions, found again by their field names so equal records share one. Writes
 * of a load mostly repeat the last layout, so that is tried first without building a key. The audit time a whole
 * second of writes stamps is kept once too.
 */
final class RecordLayouts {
    // Field combinations an org sees are few; past this many (a client setting random sets of fields), layouts are
    // made per version rather than remembered without end.
    private static final int MAX_SHARED = 4096;

    private final ObjectSchema schema;
    private final Map<List<String>, RecordLayout> shared = new ConcurrentHashMap<>();
    private volatile RecordLayout last;
    private volatile Instant lastInstant;

    RecordLayouts(ObjectSchema schema) {
        this.schema = schema;
    }

    RecordLayout of(Map<String, Object> values) {
        RecordLayout recent = last;
        if (recent != null && recent.sameNames(values)) {
            return recent;
        }
        String[] names = values.keySet().toArray(String[]::new);
        List<String> key = List.of(names);
        RecordLayout layout = shared.get(key);
        if (layout == null) {
            layout = new RecordLayout(names, schema);
            if (shared.size() < MAX_SHARED) {
                RecordLayout raced = shared.putIfAbsent(key, layout);
                layout = raced != null ? raced : layout;
            }
        }
        last = layout;
        return layout;
    }

    /** The same instant as the last one kept, when equal: records written in one second share their audit time. */
    Object share(Object value) {
        if (value instanceof Instant instant) {
            Instant recent = lastInstant;
            if (instant.equals(recent)) {
                return recent;
            }
            lastInstant = instant;
        }
        return value;
    }
}
