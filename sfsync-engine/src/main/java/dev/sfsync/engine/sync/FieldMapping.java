package dev.sfsync.engine.sync;

import java.util.Objects;

/** One field the sync sets: from a model column or a constant. */
public record FieldMapping(Source source, String field) {
    public FieldMapping {
        Objects.requireNonNull(source, "source is null");
        Objects.requireNonNull(field, "field is null");
    }

    public sealed interface Source permits Column, Constant {
    }

    public record Column(String name) implements Source {
    }

    /** A value written to every record, e.g. {@code LeadSource: Website}; null clears the field. */
    public record Constant(Object value) implements Source {
    }
}
