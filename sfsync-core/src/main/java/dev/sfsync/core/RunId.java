package dev.sfsync.core;

/** Identifies one run of a sync; the state store hands them out, ordered by start time. */
public record RunId(String value) {
    public RunId {
        Ids.check("Run id", value);
    }

    public static RunId of(String value) {
        return new RunId(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
