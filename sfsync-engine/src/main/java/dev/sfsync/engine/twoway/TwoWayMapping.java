package dev.sfsync.engine.twoway;

import java.util.Objects;

/** A table column paired with a Salesforce field, and which way its changes flow. */
public record TwoWayMapping(String column, String field, Direction direction) {
    public enum Direction {
        /** Salesforce's changes are written into the table. */
        INBOUND,
        /** The table's changes are written into Salesforce. */
        OUTBOUND,
        /** Both; a field changed on both sides since the last run is a conflict the sync's rule settles. */
        BOTH;

        boolean inbound() {
            return this != OUTBOUND;
        }

        boolean outbound() {
            return this != INBOUND;
        }
    }

    public TwoWayMapping {
        Objects.requireNonNull(column, "column is null");
        Objects.requireNonNull(field, "field is null");
        Objects.requireNonNull(direction, "direction is null");
    }
}
