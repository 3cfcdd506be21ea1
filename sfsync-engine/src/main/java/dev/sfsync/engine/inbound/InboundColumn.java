package dev.sfsync.engine.inbound;

import java.util.Locale;
import java.util.Objects;

/**
 * A column of an inbound table and the Salesforce field that fills it (null for sfsync's own columns). Columns are
 * the field names in lower case, so the table reads naturally in SQL without quotes.
 */
record InboundColumn(String field, String name, ColumnType type, String sqlType) {
    /** When sfsync last wrote the row. */
    static final InboundColumn SEEN_AT = new InboundColumn(null, "_sfsync_seen_at", ColumnType.TIMESTAMP, "TIMESTAMP");

    InboundColumn {
        Objects.requireNonNull(name, "name is null");
        Objects.requireNonNull(type, "type is null");
    }

    static InboundColumn of(String field, ColumnType type, int precision, int scale) {
        return new InboundColumn(field, field.toLowerCase(Locale.ROOT), type, type.sql(precision, scale));
    }
}
