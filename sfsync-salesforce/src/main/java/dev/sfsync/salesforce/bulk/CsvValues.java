package dev.sfsync.salesforce.bulk;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;

/**
 * Java values as Bulk CSV text. Null becomes {@code #N/A}, Bulk's way to set a field to null; an empty string is an
 * empty cell, which Bulk reads as "leave the field as it is" on updates.
 */
public final class CsvValues {
    /** The cell value that clears a field in Bulk API loads. */
    public static final String NULL = "#N/A";

    private CsvValues() {
    }

    /** A row's cells, checked to have one value per column. */
    public static java.util.List<String> cells(java.util.List<String> columns, java.util.List<?> row, long rowNumber) {
        if (row.size() != columns.size()) {
            throw new IllegalArgumentException("row " + rowNumber + " has " + row.size() + " values for " + columns.size()
                    + " columns " + columns + "; give one value per column (null to clear a field)");
        }
        java.util.List<String> cells = new java.util.ArrayList<>(row.size());
        for (Object value : row) {
            cells.add(text(value));
        }
        return cells;
    }

    public static String text(Object value) {
        return switch (value) {
            case null -> NULL;
            case String s -> s;
            case BigDecimal d -> d.toPlainString();
            case Double d -> BigDecimal.valueOf(d).toPlainString();
            case Float f -> new BigDecimal(f.toString()).toPlainString();
            case Number n -> n.toString();
            case Boolean b -> b.toString();
            case LocalDate d -> d.toString();
            case Instant i -> i.toString();
            case OffsetDateTime o -> o.toString();
            case ZonedDateTime z -> z.toOffsetDateTime().toString();
            case LocalDateTime l -> throw new IllegalArgumentException("a LocalDateTime (" + l + ") has no time zone; send an Instant or OffsetDateTime");
            default -> value.toString();
        };
    }
}
