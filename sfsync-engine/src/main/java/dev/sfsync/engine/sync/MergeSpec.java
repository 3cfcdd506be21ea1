package dev.sfsync.engine.sync;

import java.util.Objects;
import java.util.Set;

/**
 * Merging (Account, Contact, Individual, Lead): rows sharing {@code sharedIdColumn}'s value are one group; its children
 * (rows whose {@code childColumn} is true, or populated for a merge_id column) are merged into its one parent row's
 * record, with Salesforce moving their related records to it.
 */
public record MergeSpec(String sharedIdColumn, String childColumn, ChildMarker marker) {
    /** Salesforce's merge() takes these objects only. */
    public static final Set<String> MERGEABLE = Set.of("Account", "Contact", "Individual", "Lead");
    /** One merge call takes a master and at most this many records. */
    public static final int RECORDS_PER_CALL = 2;

    public enum ChildMarker {
        /** A true/false column: true marks a child. */
        IS_CHILD,
        /** A column populated on children only (e.g. the record they merge into). */
        MERGE_ID
    }

    public MergeSpec {
        Objects.requireNonNull(sharedIdColumn, "sharedIdColumn is null");
        Objects.requireNonNull(childColumn, "childColumn is null");
        Objects.requireNonNull(marker, "marker is null");
    }

    /** Whether a row's value of the child column marks it a child. */
    public boolean marksChild(Object value) {
        return switch (marker) {
            case IS_CHILD -> value instanceof Boolean flag ? flag
                    : value != null && Set.of("true", "t", "1", "yes", "y").contains(value.toString().trim().toLowerCase(java.util.Locale.ROOT));
            case MERGE_ID -> value != null && !value.toString().isBlank();
        };
    }
}
