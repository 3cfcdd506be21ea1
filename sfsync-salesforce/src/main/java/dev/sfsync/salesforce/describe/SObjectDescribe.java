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
 * @param fetchedAt   when this copy was read, for If-Modified-Since on refresh
 * @param recordTypes the master record type and the object's own, with what the user may use and gets by default
 */
public record SObjectDescribe(String name, String label, String keyPrefix, boolean custom, boolean createable, boolean updateable,
                              boolean deletable, boolean queryable, List<FieldDescribe> fields, Instant fetchedAt, List<RecordTypeInfo> recordTypes) {
    public SObjectDescribe {
        fields = new IndexedFields(fields);
        recordTypes = recordTypes == null ? List.of() : List.copyOf(recordTypes);
    }

    public SObjectDescribe(String name, String label, String keyPrefix, boolean custom, boolean createable, boolean updateable,
                           boolean deletable, boolean queryable, List<FieldDescribe> fields, Instant fetchedAt) {
        this(name, label, keyPrefix, custom, createable, updateable, deletable, queryable, fields, fetchedAt, List.of());
    }

    /** The object's own record types (not the master), by developer name ignoring case. */
    public Optional<RecordTypeInfo> recordType(String developerName) {
        return recordTypes.stream().filter(t -> !t.master() && t.developerName().equalsIgnoreCase(developerName)).findFirst();
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
