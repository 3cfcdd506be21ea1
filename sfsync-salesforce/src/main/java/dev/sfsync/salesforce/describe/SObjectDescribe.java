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
        IndexedFields index = (IndexedFields) fields;
        FieldDescribe exact = index.byName.get(fieldName);
        return Optional.ofNullable(exact != null ? exact : index.byLowerName.get(fieldName.toLowerCase(Locale.ROOT)));
    }

    public List<FieldDescribe> externalIdFields() {
        return fields.stream().filter(FieldDescribe::externalId).toList();
    }

    /**
     * The fields, indexed once by name and by lower-case name: a run looks fields up for every mapped field of every
     * row, mostly spelled as the describe spells them, so the exact index answers without case folding.
     */
    private static final class IndexedFields extends java.util.AbstractList<FieldDescribe> implements java.util.RandomAccess {
        private final List<FieldDescribe> fields;
        private final Map<String, FieldDescribe> byName;
        private final Map<String, FieldDescribe> byLowerName;

        IndexedFields(List<FieldDescribe> fields) {
            this.fields = List.copyOf(fields);
            this.byName = this.fields.stream().collect(Collectors.toUnmodifiableMap(FieldDescribe::name, Function.identity(), (a, b) -> a));
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
