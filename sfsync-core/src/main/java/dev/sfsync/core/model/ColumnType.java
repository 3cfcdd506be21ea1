package dev.sfsync.core.model;

/**
 * The kinds of values a model column holds, and the Java type of its non-null values in a {@link Row}.
 * Sources map their SQL types onto these; anything else arrives as {@link #OTHER}, in its text form.
 */
public enum ColumnType {
    /** {@link String}. */
    TEXT,
    /** {@link Long}, whatever the source's integer width. */
    INTEGER,
    /** {@link java.math.BigDecimal}. */
    DECIMAL,
    /** {@link Double}. */
    DOUBLE,
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.LocalTime}. */
    TIME,
    /** {@link java.time.LocalDateTime}: a timestamp without time zone. */
    TIMESTAMP,
    /** {@link java.time.OffsetDateTime} in UTC: a timestamp with time zone. */
    TIMESTAMP_TZ,
    /** {@link java.util.List} of values (e.g. a multi-select picklist's values). */
    LIST,
    /** {@link String}: the source's text form of a type sfsync has no mapping for. */
    OTHER
}
