package dev.sfsync.emulator.bulk2;

import dev.sfsync.emulator.org.FieldSchema;
import dev.sfsync.emulator.org.ObjectSchema;
import dev.sfsync.emulator.org.Profile;
import dev.sfsync.emulator.write.ParentReference;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The header row of an upload resolved against the object once, so each row is turned into field values by position.
 * A column is a field ({@code Name}) or a parent named by one of its external ID fields ({@code Account.External_Key__c}).
 * In a row, an empty value leaves the field alone and {@code #N/A} sets it to null, as Bulk API 2.0 reads them.
 */
final class IngestColumns {
    static final String NULL_VALUE = "#N/A";

    private final List<String> header;
    private final FieldSchema[] fields;
    private final String[] parentKeys;
    private final String[] relationships;
    private final int idColumn;

    private IngestColumns(List<String> header, FieldSchema[] fields, String[] parentKeys, String[] relationships, int idColumn) {
        this.header = header;
        this.fields = fields;
        this.parentKeys = parentKeys;
        this.relationships = relationships;
        this.idColumn = idColumn;
    }

    /** Fails the job, as Salesforce does, on a column the object does not have (or hides from the user) or one named twice. */
    static IngestColumns resolve(ObjectSchema schema, Profile profile, List<String> header) throws JobFailure {
        int size = header.size();
        FieldSchema[] fields = new FieldSchema[size];
        String[] parentKeys = new String[size];
        String[] relationships = new String[size];
        Set<String> seen = new HashSet<>();
        int idColumn = -1;
        for (int i = 0; i < size; i++) {
            String name = header.get(i).trim();
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new JobFailure("InvalidBatch : Duplicate field name found in the header row : " + name
                        + "; name each field once (column " + (i + 1) + " repeats it)");
            }
            int dot = name.indexOf('.');
            FieldSchema field = dot > 0 ? schema.relationship(name.substring(0, dot)).orElse(null) : schema.field(name).orElse(null);
            if (field == null || !profile.fieldAccess(schema.name(), field.name()).canRead()) {
                throw new JobFailure("InvalidBatch : Field name not found : " + name);
            }
            fields[i] = field;
            if (dot > 0) {
                relationships[i] = name.substring(0, dot);
                parentKeys[i] = name.substring(dot + 1);
            } else if (field.name().equals("Id")) {
                idColumn = i;
            }
        }
        return new IngestColumns(List.copyOf(header), fields, parentKeys, relationships, idColumn);
    }

    List<String> header() {
        return header;
    }

    int size() {
        return fields.length;
    }

    /** The row's Id value, or null when the header has no Id column or the value is empty. */
    String id(List<String> row) {
        if (idColumn < 0) {
            return null;
        }
        String value = row.get(idColumn);
        return value.isEmpty() || value.equals(NULL_VALUE) ? null : value;
    }

    /** The column of a field, or -1 when the header does not name it. */
    int indexOf(FieldSchema field) {
        for (int i = 0; i < fields.length; i++) {
            if (relationships[i] == null && fields[i].name().equals(field.name())) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Fills {@code input} (cleared first) with the row as the record writer takes it; the Id column is left to the
     * operation. One instance serves every row of a chunk, as the record writer keeps none of its input.
     */
    void fill(RowValues input, List<String> row) {
        input.clear();
        for (int i = 0; i < fields.length; i++) {
            String value = row.get(i);
            if (i == idColumn || value.isEmpty()) {
                continue;
            }
            Object stored = value.equals(NULL_VALUE) ? null : value;
            input.add(fields[i], relationships[i] == null ? stored : new ParentReference(relationships[i], parentKeys[i], stored));
        }
    }
}
