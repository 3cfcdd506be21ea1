package dev.sfsync.emulator.org;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;

/**
 * An immutable version of a record: field values keyed by the field's canonical API name. Writes replace the whole
 * version, so a query that is iterating never sees half a write.
 * <p>
 * Kept compactly, since an org may hold ten million of them: the field names in a layout shared with every version
 * that has the same ones, the values in an array (free text as Latin-1 bytes). {@link #values()} shows them as the map
 * they were given as, in the same order.
 */
public final class StoredRecord {
    private final String id;
    private final ObjectSchema schema;
    private final RecordLayout layout;
    private final Object[] cells;

    public StoredRecord(String id, ObjectSchema schema, Map<String, Object> values) {
        this.id = Objects.requireNonNull(id, "id is null");
        this.schema = Objects.requireNonNull(schema, "schema is null");
        RecordLayouts layouts = schema.recordLayouts;
        this.layout = layouts.of(values);
        this.cells = new Object[layout.size()];
        int i = 0;
        for (Object value : values.values()) {
            cells[i] = layout.pack(i, layouts.share(value));
            i++;
        }
    }

    /** A version built from a map the caller hands over and never touches again (the record writer's hot path). */
    public static StoredRecord adopting(String id, ObjectSchema schema, LinkedHashMap<String, Object> values) {
        return new StoredRecord(id, schema, values);
    }

    public String id() { return id; }
    public ObjectSchema schema() { return schema; }

    /** The values by field name, in the order they were set; unmodifiable. */
    public Map<String, Object> values() {
        return new Values();
    }

    /** The value of a field by any casing of its name; null when unset or unknown. */
    public Object get(String field) {
        int position = layout.position(field);
        if (position < 0) {
            position = schema.field(field).map(f -> layout.position(f.name())).orElse(-1);
        }
        return position < 0 ? null : RecordLayout.unpack(cells[position]);
    }

    public boolean isDeleted() {
        int position = layout.isDeletedPosition();
        return position >= 0 && Boolean.TRUE.equals(cells[position]);
    }

    public String objectName() {
        return schema.name();
    }

    @Override
    public String toString() {
        return schema.name() + values();
    }

    private final class Values extends AbstractMap<String, Object> {
        @Override
        public int size() {
            return cells.length;
        }

        @Override
        public boolean containsKey(Object key) {
            return layout.position(key) >= 0;
        }

        @Override
        public Object get(Object key) {
            int position = layout.position(key);
            return position < 0 ? null : RecordLayout.unpack(cells[position]);
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public int size() {
                    return cells.length;
                }

                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < cells.length;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= cells.length) {
                                throw new NoSuchElementException();
                            }
                            int position = next++;
                            return new SimpleImmutableEntry<>(layout.name(position), RecordLayout.unpack(cells[position]));
                        }
                    };
                }
            };
        }
    }
}
