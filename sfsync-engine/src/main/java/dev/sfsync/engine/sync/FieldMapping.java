package dev.sfsync.engine.sync;

import java.util.Objects;

/**
 * One field the sync sets: from a model column or a constant.
 *
 * @param skipNulls   an empty value leaves the record's value as it is instead of clearing it
 * @param onlyIfEmpty the field is set only on records where it has no value yet (costs a read of the records)
 */
public record FieldMapping(Source source, String field, boolean skipNulls, boolean onlyIfEmpty) {
    public FieldMapping {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(field, "field is null");
    }

    public FieldMapping(Source source, String field) {
        this(source, field, false, false);
    }

    public sealed interface Source permits Column, Constant {
    }

    public record Column(String name) implements Source {
    }

    /** A value written to every record, e.g. {@code LeadSource: Website}; null clears the field. */
    public record Constant(Object value) implements Source {
    }
}
