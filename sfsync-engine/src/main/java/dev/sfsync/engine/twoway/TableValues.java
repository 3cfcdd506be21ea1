package dev.sfsync.engine.twoway;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Salesforce's value as the table's column takes it, by the column's type name. */
final class TableValues {
    private TableValues() {
    }

    static Object toColumn(String columnType, Object value) {
        if (value == null) {
            return null;
        }
        String type = columnType == null ? "varchar" : columnType.toLowerCase(Locale.ROOT);
        String text = String.valueOf(value);
        if (type.startsWith("bool")) {
            return value instanceof Boolean b ? b : Boolean.parseBoolean(text);
        }
        if (type.startsWith("decimal") || type.startsWith("numeric") || type.startsWith("double") || type.startsWith("float")
                || type.startsWith("real")) {
            return new BigDecimal(text);
        }
        if (type.equals("bigint") || type.startsWith("int") || type.equals("smallint")) {
            return new BigDecimal(text).longValueExact();
        }
        if (type.equals("date")) {
            return LocalDate.parse(text.substring(0, 10));
        }
        if (type.startsWith("timestamp")) {
            return LocalDateTime.ofInstant(Canonical.instant(value), ZoneOffset.UTC);
        }
        return text;
    }
}
