package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.org.FieldSchema;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * The field values of one CSV row as the record writer takes them, in column order. Two arrays refilled for every
 * row of a chunk: a million-row job would otherwise build and hash a million maps only to read each once.
 */
final class RowValues extends AbstractMap<FieldSchema, Object> {
    private final FieldSchema[] fields;
    private final Object[] values;
    private int size;

    RowValues(int capacity) {
        fields = new FieldSchema[capacity];
        values = new Object[capacity];
    }

    void add(FieldSchema field, Object value) {
        fields[size] = field;
        values[size] = value;
        size++;
    }

    @Override
    public void clear() {
        size = 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Object get(Object key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    @Override
    public boolean containsKey(Object key) {
        return indexOf(key) >= 0;
    }

    private int indexOf(Object key) {
        for (int i = 0; i < size; i++) {
            if (fields[i] == key) {
                return i;
            }
        }
        for (int i = 0; i < size; i++) {
            if (fields[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public Set<Map.Entry<FieldSchema, Object>> entrySet() {
        return new AbstractSet<>() {
            @Override
            public Iterator<Map.Entry<FieldSchema, Object>> iterator() {
                return new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < size;
                    }

                    @Override
                    public Map.Entry<FieldSchema, Object> next() {
                        if (next >= size) {
                            throw new NoSuchElementException();
                        }
                        Map.Entry<FieldSchema, Object> entry = new SimpleImmutableEntry<>(fields[next], values[next]);
                        next++;
                        return entry;
                    }
                };
            }

            @Override
            public int size() {
                return size;
            }
        };
    }
}
