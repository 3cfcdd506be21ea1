package dev.sfsync.salesforce.describe;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * An object's describe as the connected user sees it (field-level security applies: hidden fields are absent).
 *
 * @param fetchedAt when this copy was read, for If-Modified-Since on refresh
 */
public record SObjectDescribe(String name, String label, String keyPrefix, boolean custom, boolean createable, boolean updateable,
                              boolean deletable, boolean queryable, List<FieldDescribe> fields, Instant fetchedAt) {
    public SObjectDescribe {
        fields = new IndexedFields(fields);
    }

    /** A field by API name, case-insensitively as Salesforce matches names. */
    public Optional<FieldDescribe> field(String fieldName) {
        return Optional.ofNullable(byLowerName().get(fieldName.toLowerCase(Locale.ROOT)));
    }

    public List<FieldDescribe> externalIdFields() {
        return fields.stream().filter(FieldDescribe::externalId).toList();
    }

    private Map<String, FieldDescribe> byLowerName() {
        return ((IndexedFields) fields).byLowerName;
    }

    /**
     * The fields, with an index by lower-case name built once: a run looks fields up for every row, and building the
     * index per lookup cost more than everything else the run did.
     */
    private static final class IndexedFields extends java.util.AbstractList<FieldDescribe> implements java.util.RandomAccess {
        private final List<FieldDescribe> fields;
        private final Map<String, FieldDescribe> byLowerName;

        IndexedFields(List<FieldDescribe> fields) {
            this.fields = List.copyOf(fields);
            this.byLowerName = this.fields.stream()
                    .collect(Collectors.toUnmodifiableMap(f -> f.name().toLowerCase(Locale.ROOT), Function.identity(), (a, b) -> a));
        }

        @Override
        public FieldDescribe get(int index) {
            return fields.get(index);
        }

        @Override
        public int size() {
            return fields.size();
        }
    }
}
