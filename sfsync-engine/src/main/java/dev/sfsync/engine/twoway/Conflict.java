package dev.sfsync.engine.twoway;

/**
 * A field changed on both sides since the last run (or, for a duplicate, a row or record that matches more than
 * one on the other side): both values, the rule, and the value kept.
 */
public record Conflict(String rowKey, String recordId, String field, String databaseValue, String salesforceValue, String resolution) {
    /** One line for the run's record and 'sfsync runs show'. */
    public String describe() {
        return "row " + rowKey + (recordId == null ? "" : " / " + recordId) + (field == null ? "" : " " + field) + ": database "
                + quoted(databaseValue) + ", salesforce " + quoted(salesforceValue) + " -> " + resolution;
    }

    private static String quoted(String value) {
        return value == null ? "(empty)" : "'" + value + "'";
    }
}
